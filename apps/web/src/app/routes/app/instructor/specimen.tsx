import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, type LoaderFunctionArgs } from 'react-router';
import {
  Button,
  Card,
  ChevronIcon,
  ConfirmDialog,
  EmptyState,
  FileIcon,
  LoadingBlock,
  PageHeader,
  QueryError,
  TrashIcon,
} from '@/components/ui';
import { paths } from '@/config/paths';
import { useDeleteSpecimen } from '@/features/library/api/delete-specimen';
import { getSpecimenQueryOptions, useSpecimen } from '@/features/library/api/get-specimen';
import { FeatureEditor } from '@/features/library/components/feature-editor';
import { ImagesGrid } from '@/features/library/components/images-grid';
import { SpecimenDetailsForm } from '@/features/library/components/specimen-details-form';
import { ensureSession, useUser } from '@/lib/auth';
import { describeError, isStatus } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';

export const clientLoader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const user = await ensureSession(queryClient);
    if (user && params.specimenId) void queryClient.prefetchQuery(getSpecimenQueryOptions(params.specimenId));
    return null;
  };

export default function SpecimenRoute() {
  const { t } = useTranslation();
  const { specimenId = '' } = useParams();
  const user = useUser();
  const canEdit = user.role === 'instructor' || user.role === 'admin';
  const navigate = useNavigate();
  const query = useSpecimen(specimenId);
  const remove = useDeleteSpecimen();
  const [deleting, setDeleting] = useState(false);
  const specimen = query.data;
  useDocumentTitle(specimen?.title ?? t('nav.library'));

  const back = (
    <Link to={paths.app.library.getHref()} className="fl-back-link">
      <ChevronIcon size={16} className="fl-icon-back" />
      {t('library.backToList')}
    </Link>
  );

  if (query.isPending) return <LoadingBlock />;
  if (!specimen) {
    const missing = [400, 403, 404].some((s) => isStatus(query.error, s));
    return (
      <div className="fl-page">
        {back}
        {missing ? (
          <Card>
            <EmptyState
              icon={<FileIcon size={32} />}
              title={t('library.notFoundTitle')}
              description={t('library.notFoundText')}
            />
          </Card>
        ) : (
          <QueryError error={query.error} onRetry={() => query.refetch()} />
        )}
      </div>
    );
  }

  return (
    <div className="fl-page">
      {back}
      <PageHeader
        eyebrow={
          <span dir="ltr">
            {specimen.issuingState} · {specimen.documentType}
            {specimen.series ? ` · ${specimen.series}` : ''}
          </span>
        }
        title={specimen.title}
        actions={
          canEdit && (
            <Button variant="danger" icon={<TrashIcon size={18} />} onClick={() => setDeleting(true)}>
              {t('library.deleteSpecimen')}
            </Button>
          )
        }
      />
      {canEdit ? (
        <Card title={t('library.detailsTitle')} description={t('library.detailsHint')}>
          <SpecimenDetailsForm specimen={specimen} />
        </Card>
      ) : (
        specimen.description && (
          <Card title={t('library.detailsTitle')}>
            <p className="fl-prose">{specimen.description}</p>
          </Card>
        )
      )}
      <Card title={t('library.imagesTitle')} description={t('library.imagesHint')}>
        <ImagesGrid
          specimenId={specimen.id}
          documentType={specimen.documentType}
          images={specimen.images}
          canEdit={canEdit}
        />
      </Card>
      <FeatureEditor specimen={specimen} canEdit={canEdit} />
      <ConfirmDialog
        open={deleting}
        title={t('library.deleteTitle')}
        confirmLabel={t('library.deleteSpecimen')}
        isLoading={remove.isPending}
        error={remove.error ? describeError(t, remove.error) : null}
        onClose={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(specimen.id, { onSuccess: () => navigate(paths.app.library.getHref(), { replace: true }) })
        }
      >
        <p>{t('library.deleteText', { title: specimen.title })}</p>
      </ConfirmDialog>
    </div>
  );
}
