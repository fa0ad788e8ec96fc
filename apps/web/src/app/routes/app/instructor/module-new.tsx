import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ChevronIcon, PageHeader } from '@/components/ui';
import { paths } from '@/config/paths';
import { useSaveModule } from '@/features/modules/api/save-module';
import { ModuleForm } from '@/features/modules/components/module-form';
import { ensureSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';
import { ModuleFormSources, prefetchModuleFormSources } from './module-form-sources';

export const clientLoader = (queryClient: QueryClient) => async () => {
  if (await ensureSession(queryClient)) prefetchModuleFormSources(queryClient);
  return null;
};

export default function NewModuleRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveModule(null);
  useDocumentTitle(t('modules.createTitle'));

  return (
    <div className="fl-page">
      <Link to={paths.app.modules.getHref()} className="fl-back-link">
        <ChevronIcon size={16} className="fl-icon-back" />
        {t('modules.backToList')}
      </Link>
      <PageHeader title={t('modules.createTitle')} description={t('modules.createHint')} />
      <ModuleFormSources>
        {({ exercises, specimens }) => (
          <ModuleForm
            exercises={exercises}
            specimens={specimens}
            submitLabel={t('modules.createSubmit')}
            isSaving={save.isPending}
            error={save.error}
            onSubmit={(input) =>
              save.mutate(input, { onSuccess: (m) => navigate(paths.app.module.getHref(m.id), { replace: true }) })
            }
          />
        )}
      </ModuleFormSources>
    </div>
  );
}
