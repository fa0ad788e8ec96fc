// One side × light cell of "Upload your own": drop a photograph on it or pick one, watch the upload's progress, then
// the server's processing (GET /media/:id each second until ready or failed); refusals in the server's words.
import type { DocumentSide, Light, MediaAssetView } from '@firstline/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ImagePickButton, MediaSlotBody, precheckImage, UPLOAD_MAX_BYTES } from '@/components/ui';
import { describeError } from '@/lib/errors';
import { getMediaAsset } from '../api/get-image-urls';
import { uploadMedia } from '../api/upload-media';
import type { UploadedCell } from '../lib/upload-plan';

export const POLL_INTERVAL_MS = 1000;

type CellState =
  | { phase: 'empty' }
  | { phase: 'rejected'; reason: 'too-large' | 'not-an-image' }
  | { phase: 'uploading'; percent: number }
  | { phase: 'upload-failed'; error: unknown }
  | { phase: 'asset'; asset: MediaAssetView };

const settled = (a: MediaAssetView) => a.status === 'ready' || a.status === 'failed';

export function UploadCell({
  side,
  light,
  group,
  label,
  onChange,
}: {
  /** The document side and light photographed (none for a traveller's portrait). */
  side?: DocumentSide;
  light?: Light;
  /** The upload session's group (the API keeps one side's lights the same size). */
  group?: string;
  label: string;
  onChange: (cell: UploadedCell | null) => void;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<CellState>({ phase: 'empty' });
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const report = useRef(onChange);
  report.current = onChange;

  useEffect(() => () => abort.current?.abort(), []);

  const asset = state.phase === 'asset' ? state.asset : null;
  useEffect(() => {
    report.current(asset ? { assetId: asset.id, status: asset.status } : null);
  }, [asset]);

  // Poll while the server is still working on the image; each answer re-arms the timer, so requests never overlap.
  const pollingId = asset && !settled(asset) ? asset.id : null;
  const [pollCount, setPollCount] = useState(0);
  useEffect(() => {
    if (!pollingId) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getMediaAsset(pollingId, controller.signal)
        .then((next) => setState((s) => (s.phase === 'asset' && s.asset.id === next.id ? { ...s, asset: next } : s)))
        .catch(() => undefined) // a network blip: tried again on the next tick
        .finally(() => {
          if (!controller.signal.aborted) setPollCount((n) => n + 1);
        });
    }, POLL_INTERVAL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [pollingId, pollCount]);

  async function onFile(file: File | undefined) {
    if (!file) return;
    const refused = precheckImage(file);
    if (refused) return setState({ phase: 'rejected', reason: refused });
    setState({ phase: 'uploading', percent: 0 });
    abort.current = new AbortController();
    try {
      const uploaded = await uploadMedia(
        { file, side, light, group },
        {
          signal: abort.current.signal,
          onProgress: (p) => setState((s) => (s.phase === 'uploading' ? { ...s, percent: p.percent } : s)),
        },
      );
      setState({ phase: 'asset', asset: uploaded });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return setState({ phase: 'empty' });
      setState({ phase: 'upload-failed', error });
    }
  }

  const canPick = state.phase !== 'uploading' && !(asset && !settled(asset));

  return (
    <div
      className={`fl-slot${asset ? '' : ' fl-slot--empty'}${dragging ? ' fl-slot--drop' : ''}`}
      aria-busy={!canPick || undefined}
      data-testid={side && light ? `upload-${side}-${light}` : 'upload-traveller'}
      onDragOver={(e) => {
        if (!canPick) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        if (canPick) void onFile(e.dataTransfer.files[0]);
      }}
    >
      <MediaSlotBody
        label={label}
        asset={asset}
        uploadingPercent={state.phase === 'uploading' ? state.percent : null}
        refused={state.phase === 'rejected' ? state.reason : null}
        maxBytes={UPLOAD_MAX_BYTES}
      />
      {state.phase === 'upload-failed' && (
        <p className="fl-slot__error" role="alert">
          {describeError(t, state.error)}
        </p>
      )}
      {canPick && (
        <ImagePickButton
          label={asset ? t('exercises.upload.replace') : t('exercises.upload.pick')}
          inputLabel={t('exercises.upload.pickNamed', { name: label })}
          onFile={(file) => void onFile(file)}
        />
      )}
      {state.phase === 'uploading' && (
        <Button variant="ghost" size="sm" onClick={() => abort.current?.abort()}>
          {t('common.cancel')}
        </Button>
      )}
    </div>
  );
}
