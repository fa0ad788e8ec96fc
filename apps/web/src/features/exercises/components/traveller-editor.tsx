// The traveller at the desk: the portrait photograph of the person presenting the document (an impostor's face, the
// substitute of a photo substitution, or simply the holder). Shown as the trainee sees it; replaced by uploading a
// photograph (the same checks and progress as any upload), or removed.
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui';
import { useImageAssets } from '../api/get-image-urls';
import { UploadCell } from './upload-cell';

export function TravellerEditor({
  assetId,
  onChange,
}: {
  assetId: string | null;
  onChange: (assetId: string | null) => void;
}) {
  const { t } = useTranslation();
  const asset = useImageAssets(assetId ? [assetId] : []).get(assetId ?? '');
  const variants = asset?.urls?.variants;
  const url = variants ? (variants['640.webp'] ?? variants['640.jpeg'] ?? Object.values(variants)[0] ?? null) : null;
  return (
    <div className="fl-traveller-editor">
      <figure className="fl-traveller-editor__current">
        {assetId ? (
          url ? (
            <img src={url} alt={t('exercises.traveller.current')} />
          ) : (
            <span className="fl-muted">{t('exercises.traveller.loading')}</span>
          )
        ) : (
          <span className="fl-muted">{t('exercises.traveller.none')}</span>
        )}
        <figcaption>{assetId ? t('exercises.traveller.current') : t('exercises.traveller.noneCaption')}</figcaption>
      </figure>
      <div className="fl-stack">
        <UploadCell
          label={t('exercises.traveller.upload')}
          onChange={(cell) => cell?.status === 'ready' && onChange(cell.assetId)}
        />
        {assetId && (
          <Button variant="secondary" size="sm" onClick={() => onChange(null)}>
            {t('exercises.traveller.remove')}
          </Button>
        )}
      </div>
    </div>
  );
}
