// What an image upload slot shows, wherever it is (a specimen's side × light, an exercise's upload grid, the
// traveller): its label, the preview once processed, the upload's or the server's progress as a badge and a bar, the
// size, why processing failed, the pipeline's warnings and a file refused before sending — all in the user's language.
import type { MediaAssetView } from '@firstline/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format';
import { isLanguage } from '@/lib/i18n';
import { Badge } from './badge';
import { UploadIcon } from './icons';

export type RefusedBeforeSending = 'too-large' | 'not-an-image';

/** Largest image the API accepts by default (UPLOAD_MAX_BYTES); the server's own limit is the authority. */
export const UPLOAD_MAX_BYTES = 50 * 1024 * 1024;
export const ACCEPTED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/tiff', 'image/webp'];

/** Client-side pre-checks only; the server judges the file by its content and has the last word. */
export function precheckImage(file: File): RefusedBeforeSending | null {
  if (file.size > UPLOAD_MAX_BYTES) return 'too-large';
  if (file.type && !file.type.startsWith('image/')) return 'not-an-image';
  return null;
}

/** A button that opens the file picker for one image (the input itself is visually hidden but labelled). */
export function ImagePickButton({
  label,
  inputLabel,
  onFile,
}: {
  /** The button's text. */
  label: string;
  /** The input's accessible name, naming the slot. */
  inputLabel: string;
  onFile: (file: File | undefined) => void;
}) {
  const inputId = useId();
  return (
    <div className="fl-slot__upload">
      <input
        id={inputId}
        type="file"
        className="fl-visually-hidden fl-slot__input"
        accept={ACCEPTED_IMAGE_TYPES.join(',')}
        aria-label={inputLabel}
        onChange={(e) => {
          onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <label htmlFor={inputId} className="fl-button fl-button--secondary fl-button--sm">
        <UploadIcon size={16} />
        <span className="fl-button__label">{label}</span>
      </label>
    </div>
  );
}

export function MediaSlotBody({
  label,
  asset,
  uploadingPercent,
  refused,
  maxBytes,
}: {
  label: string;
  /** The uploaded asset as the server last reported it, or null before one exists. */
  asset: MediaAssetView | null;
  /** While the file is being sent: how much of it has gone. */
  uploadingPercent: number | null;
  refused: RefusedBeforeSending | null;
  /** The largest file the slot accepts (for the "too large" message). */
  maxBytes: number;
}) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const preview = asset?.urls?.variants['640.webp'] ?? asset?.urls?.variants['640.jpeg'] ?? null;
  // In Urdu the number and its % sign stay one left-to-right run ("42%", not "%42").
  const pct = (n: number) => (lng === 'ur' ? `\u2066${formatNumber(n, lng)}%\u2069` : `${formatNumber(n, lng)}%`);

  let status: { text: string; tone: 'neutral' | 'blue' | 'green' | 'red'; percent?: number } | null = null;
  if (uploadingPercent !== null)
    status = {
      text: t('library.slot.uploading', { percent: pct(uploadingPercent) }),
      tone: 'blue',
      percent: uploadingPercent,
    };
  else if (asset?.status === 'queued') status = { text: t('library.slot.queued'), tone: 'neutral' };
  else if (asset?.status === 'processing')
    status = {
      text: t('library.slot.processing', { percent: pct(asset.progress) }),
      tone: 'blue',
      percent: asset.progress,
    };
  else if (asset?.status === 'ready') status = { text: t('library.slot.ready'), tone: 'green' };
  else if (asset?.status === 'failed') status = { text: t('library.slot.failed'), tone: 'red' };

  return (
    <>
      <p className="fl-slot__label">{label}</p>
      <div className="fl-slot__media">
        {preview ? <img src={preview} alt={label} loading="lazy" /> : <UploadIcon size={24} aria-hidden="true" />}
      </div>
      <div className="fl-slot__status" role="status" aria-live="polite">
        {status && <Badge tone={status.tone}>{status.text}</Badge>}
        {asset?.status === 'ready' && asset.width && asset.height && (
          <span className="fl-muted fl-slot__dims" dir="ltr">
            {asset.width} × {asset.height}
          </span>
        )}
      </div>
      {status?.percent !== undefined && (
        <progress className="fl-progress" max={100} value={status.percent} aria-label={status.text} />
      )}
      {asset?.status === 'failed' && asset.failureReason && <p className="fl-slot__error">{asset.failureReason}</p>}
      {asset && asset.warnings.length > 0 && (
        <ul className="fl-slot__warnings" aria-label={t('library.slot.warnings')}>
          {asset.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      {refused && (
        <p className="fl-slot__error" role="alert">
          {refused === 'too-large'
            ? t('library.slot.tooLarge', { mb: maxBytes / 1024 / 1024 })
            : t('library.slot.notAnImage')}
        </p>
      )}
    </>
  );
}
