// Confirming an item's answer: it goes to the outbox (or, without IndexedDB, straight to the API) and the player
// moves on; in practice the item stays open until the outbox reports the feedback.
import type { ItemFeedback, ItemPresentation } from '@firstline/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '@/lib/errors';
import { randomUuid } from '@/lib/uuid';
import { saveItemResponse } from '../api/save-item-response';
import { toResponseRequest, type AnswerState } from '../lib/answer-state';
import { useOutbox } from '../outbox/use-outbox';

/** A practice answer that is in: its feedback once the API has it, or why the API refused it. */
export type SubmittedAnswer = { feedback: ItemFeedback | null; error: string | null };

export function useFinalAnswer({
  attemptId,
  item,
  practice,
  onGiven,
  onNext,
}: {
  attemptId: string;
  item: Pick<ItemPresentation, 'n' | 'parts'>;
  /** Feedback after each item: stay on it once confirmed. */
  practice: boolean;
  onGiven: (n: number) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const { sync } = useOutbox();
  const [confirming, setConfirming] = useState(false);
  const [submitted, setSubmitted] = useState<SubmittedAnswer | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const unsubscribe = useRef<(() => void) | null>(null);
  useEffect(() => () => unsubscribe.current?.(), []);

  const confirm = async (state: AnswerState) => {
    if (state.stage === 'choose' || confirming || submitted) return;
    setConfirming(true);
    setSaveError(null);
    const body = toResponseRequest(state, item.parts, true);
    if (practice) {
      unsubscribe.current = sync.onEvent((e) => {
        if (e.entry.attemptId !== attemptId || e.entry.n !== item.n) return;
        setSubmitted(
          e.type === 'sent'
            ? { feedback: e.result.feedback, error: null }
            : { feedback: null, error: t('player.rejected', { n: item.n, reason: describeError(t, e.error) }) },
        );
      });
    }
    try {
      await sync.enqueue(attemptId, item.n, body);
    } catch {
      // No IndexedDB on this browser: send directly and stay on the item if that fails.
      try {
        const result = await saveItemResponse(attemptId, item.n, body, randomUuid());
        if (practice) setSubmitted({ feedback: result.feedback, error: null });
      } catch (err) {
        unsubscribe.current?.();
        setSaveError(describeError(t, err));
        setConfirming(false);
        return;
      }
    }
    onGiven(item.n);
    setConfirming(false);
    if (practice) setSubmitted((s) => s ?? { feedback: null, error: null });
    else onNext();
  };

  return { confirm, confirming, submitted, saveError };
}
