// One image cell of a specimen (a side under a light, one frame for oblique): upload with progress, then follow
// the server's processing by polling GET /media/:id each second until the image is ready or has failed.
import type { MediaAssetView, DocumentSide, Light, SpecimenImageView } from '@firstline/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  ConfirmDialog,
  ErrorBanner,
  ImagePickButton,
  MediaSlotBody,
  precheckImage,
  TrashIcon,
  UPLOAD_MAX_BYTES,
} from '@/components/ui';
import { describeError } from '@/lib/errors';
import { useDeleteSpecimenImage } from '../api/delete-specimen-image';
import { getMediaAsset, isSettled } from '../api/get-media-asset';
import { specimenQueryKey } from '../api/get-specimen';
import { specimensQueryKey } from '../api/get-specimens';
import { uploadSpecimenImage } from '../api/upload-specimen-image';

export const POLL_INTERVAL_MS = 1000;

export type SlotState =
  | { phase: 'empty' }
  | { phase: 'rejected'; reason: 'too-large' | 'not-an-image' }
  | { phase: 'uploading'; percent: number }
  | { phase: 'upload-failed'; error: unknown }
  /** The server has the file: queued, processing, ready or failed, as GET /media/:id last said. */
  | { phase: 'asset'; imageId: string; asset: MediaAssetView };

export type SlotAction =
  | { type: 'reject'; reason: 'too-large' | 'not-an-image' }
  | { type: 'start' }
  | { type: 'progress'; percent: number }
  | { type: 'accepted'; image: SpecimenImageView }
  | { type: 'polled'; asset: MediaAssetView }
  | { type: 'upload-failed'; error: unknown }
  | { type: 'reset' }
  | { type: 'sync'; image: SpecimenImageView | null };

export function slotReducer(state: SlotState, action: SlotAction): SlotState {
  switch (action.type) {
    case 'reject':
      return { phase: 'rejected', reason: action.reason };
    case 'start':
      return { phase: 'uploading', percent: 0 };
    case 'progress':
      return state.phase === 'uploading' ? { phase: 'uploading', percent: action.percent } : state;
    case 'accepted':
      return { phase: 'asset', imageId: action.image.id, asset: action.image.asset };
    case 'polled':
      return state.phase === 'asset' && state.asset.id === action.asset.id ? { ...state, asset: action.asset } : state;
    case 'upload-failed':
      return { phase: 'upload-failed', error: action.error };
    case 'reset':
      return { phase: 'empty' };
    case 'sync':
      // The specimen was (re)loaded: follow its image, but never drop an upload in flight or a fresher poll.
      if (state.phase === 'uploading') return state;
      if (!action.image) return state.phase === 'asset' ? { phase: 'empty' } : state;
      // Same image: keep what we polled unless the reload already knows the outcome.
      if (
        state.phase === 'asset' &&
        state.imageId === action.image.id &&
        (isSettled(state.asset) || !isSettled(action.image.asset))
      )
        return state;
      return { phase: 'asset', imageId: action.image.id, asset: action.image.asset };
  }
}

export const initialSlotState = (image: SpecimenImageView | null): SlotState =>
  image ? { phase: 'asset', imageId: image.id, asset: image.asset } : { phase: 'empty' };

export function ImageSlot({
  specimenId,
  side,
  light,
  frame,
  image,
  canEdit,
  label,
}: {
  specimenId: string;
  side: DocumentSide;
  light: Light;
  frame: number;
  image: SpecimenImageView | null;
  canEdit: boolean;
  /** The cell's name, e.g. "Data page · Oblique · frame 2". */
  label: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(slotReducer, image, initialSlotState);
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteSpecimenImage(specimenId);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => dispatch({ type: 'sync', image }), [image]);
  useEffect(() => () => abort.current?.abort(), []);

  // Poll while the server is still working on the image.
  const pollingId = state.phase === 'asset' && !isSettled(state.asset) ? state.asset.id : null;
  const [pollCount, setPollCount] = useState(0);
  useEffect(() => {
    if (!pollingId) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getMediaAsset(pollingId, controller.signal)
        .then((asset) => {
          dispatch({ type: 'polled', asset });
          if (isSettled(asset)) {
            void queryClient.invalidateQueries({ queryKey: specimenQueryKey(specimenId) });
            void queryClient.invalidateQueries({ queryKey: [...specimensQueryKey, 'list'] });
          }
        })
        // A failed poll (a network blip) is simply tried again on the next tick.
        .catch(() => undefined)
        .finally(() => {
          if (!controller.signal.aborted) setPollCount((n) => n + 1);
        });
    }, POLL_INTERVAL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // pollCount re-arms the timer after each answer, so requests never overlap.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the query client and specimen are fixed for a slot
  }, [pollingId, pollCount]);

  async function onFile(file: File | undefined) {
    if (!file) return;
    const problem = precheckImage(file);
    if (problem) return dispatch({ type: 'reject', reason: problem });
    dispatch({ type: 'start' });
    abort.current = new AbortController();
    try {
      const uploaded = await uploadSpecimenImage(
        { specimenId, file, side, light, frame },
        { signal: abort.current.signal, onProgress: (p) => dispatch({ type: 'progress', percent: p.percent }) },
      );
      dispatch({ type: 'accepted', image: uploaded });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return dispatch({ type: 'reset' });
      dispatch({ type: 'upload-failed', error });
    }
  }

  const asset = state.phase === 'asset' ? state.asset : null;
  const busy = state.phase === 'uploading' || (asset !== null && !isSettled(asset));
  return (
    <div className={`fl-slot${asset ? '' : ' fl-slot--empty'}`} aria-busy={busy || undefined}>
      <MediaSlotBody
        label={label}
        asset={asset}
        uploadingPercent={state.phase === 'uploading' ? state.percent : null}
        refused={state.phase === 'rejected' ? state.reason : null}
        maxBytes={UPLOAD_MAX_BYTES}
      />
      {state.phase === 'upload-failed' && <ErrorBanner error={state.error} />}

      {canEdit && !asset && state.phase !== 'uploading' && (
        <ImagePickButton
          label={t('library.slot.upload')}
          inputLabel={t('library.slot.uploadNamed', { name: label })}
          onFile={(file) => void onFile(file)}
        />
      )}
      {canEdit && state.phase === 'uploading' && (
        <Button variant="ghost" size="sm" onClick={() => abort.current?.abort()}>
          {t('common.cancel')}
        </Button>
      )}
      {canEdit && asset && !busy && (
        <Button
          variant="ghost"
          size="sm"
          icon={<TrashIcon size={16} />}
          onClick={() => setConfirming(true)}
          aria-label={t('library.slot.deleteNamed', { name: label })}
        >
          {t('common.delete')}
        </Button>
      )}
      {state.phase === 'asset' && (
        <ConfirmDialog
          open={confirming}
          title={t('library.slot.deleteTitle')}
          confirmLabel={t('common.delete')}
          isLoading={remove.isPending}
          error={remove.error ? describeError(t, remove.error) : null}
          onClose={() => {
            setConfirming(false);
            remove.reset();
          }}
          onConfirm={() =>
            remove.mutate(state.imageId, {
              onSuccess: () => {
                setConfirming(false);
                dispatch({ type: 'sync', image: null });
              },
            })
          }
        >
          <p>{t('library.slot.deleteText', { name: label })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
