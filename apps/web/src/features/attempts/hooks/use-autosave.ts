// Saves the partial answer a moment after each change (best effort: the final answer goes through the outbox).
import type { ItemPresentation } from '@firstline/contracts';
import { useEffect, useRef } from 'react';
import { randomUuid } from '@/lib/uuid';
import { saveItemResponse } from '../api/save-item-response';
import { toResponseRequest, type AnswerState } from '../lib/answer-state';

const AUTOSAVE_DELAY_MS = 1500;

export function useAutosave({
  attemptId,
  item,
  state,
  paused,
}: {
  attemptId: string;
  item: Pick<ItemPresentation, 'n' | 'parts'>;
  state: AnswerState;
  /** Nothing is saved while the final answer is on its way or in, or while offline. */
  paused: boolean;
}) {
  const { n, parts } = item;
  // The answer as it arrived (empty, or picked up after a reload) is on the server already.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (paused) return;
    const timer = setTimeout(() => {
      saveItemResponse(attemptId, n, toResponseRequest(state, parts, false), randomUuid()).catch(() => undefined);
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [state, paused, attemptId, n, parts]);
}
