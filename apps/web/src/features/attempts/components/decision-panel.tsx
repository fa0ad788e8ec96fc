// The first-line decision: Accept, or Refer to second line and then say where, what kind of fraud and which
// features give it away. Nothing is sent until Confirm.
import type { FeatureKind, ItemPresentation } from '@firstline/contracts';
import { categoryOfFeature } from '@firstline/contracts/vocabulary';
import { useEffect, useRef, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui';
import { fraudTypeKey } from '@/lib/taxonomy-keys';
import type { AnswerAction, AnswerState } from '../lib/answer-state';

export function DecisionPanel({
  parts,
  state,
  dispatch,
  onConfirm,
  confirming = false,
  onMarkCentre,
  confirmLabel,
}: {
  parts: ItemPresentation['parts'];
  state: AnswerState;
  dispatch: Dispatch<AnswerAction>;
  onConfirm: () => void;
  confirming?: boolean;
  /** Places a point at the centre of the view (keyboard alternative to clicking the document). */
  onMarkCentre?: () => void;
  /** The confirm button's words when it does something else than lock the answer (the preview's "Try it"). */
  confirmLabel?: string;
}) {
  const { t } = useTranslation();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state.stage === 'accept') confirmRef.current?.focus();
  }, [state.stage]);

  if (state.stage === 'choose') {
    return (
      <section className="fl-decision" aria-label={t('player.decision')}>
        <h2 className="fl-decision__title">{t('player.decisionQuestion')}</h2>
        <div className="fl-decision__choices">
          <button
            type="button"
            className="fl-decide fl-decide--accept"
            onClick={() => dispatch({ type: 'accept' })}
            data-testid="decision-accept"
          >
            <span className="fl-decide__label">{t('player.accept')}</span>
            <kbd>A</kbd>
          </button>
          <button
            type="button"
            className="fl-decide fl-decide--refer"
            onClick={() => dispatch({ type: 'refer' })}
            data-testid="decision-refer"
          >
            <span className="fl-decide__label">{t('player.refer')}</span>
            <kbd>R</kbd>
          </button>
        </div>
      </section>
    );
  }

  if (state.stage === 'accept') {
    return (
      <section className="fl-decision" aria-label={t('player.decision')}>
        <h2 className="fl-decision__title">{t('player.acceptQuestion')}</h2>
        <div className="fl-decision__confirm">
          <Button ref={confirmRef} size="lg" onClick={onConfirm} isLoading={confirming} data-testid="decision-confirm">
            {confirmLabel ?? t('player.confirmAccept')}
          </Button>
          <Button variant="secondary" onClick={() => dispatch({ type: 'back' })} data-testid="decision-back">
            {t('player.changeDecision')}
          </Button>
        </div>
        <p className="fl-decision__hint">{t('player.confirmHint')}</p>
      </section>
    );
  }

  const { locate, fraudType, features, mrz } = parts;
  return (
    <section className="fl-decision fl-decision--refer" aria-label={t('player.decision')}>
      <h2 className="fl-decision__title">{t('player.referTitle')}</h2>
      {locate && (
        <fieldset className="fl-part">
          <legend>{t('player.locateLegend')}</legend>
          <p className="fl-part__hint" id="locate-hint">
            {t('player.locateHint', { max: locate.maxPoints })}
          </p>
          <p className="fl-part__count" aria-live="polite" data-testid="point-count">
            {t('player.pointsPlaced', { count: state.points.length, max: locate.maxPoints })}
          </p>
          {onMarkCentre && (
            <Button
              variant="secondary"
              size="sm"
              onClick={onMarkCentre}
              disabled={state.points.length >= locate.maxPoints}
              aria-describedby="locate-hint"
            >
              {t('player.markCentre')} <kbd>M</kbd>
            </Button>
          )}
          {state.points.length > 0 && (
            <ol className="fl-part__points">
              {state.points.map((p, i) => (
                <li key={`${i}-${p.side}-${p.x},${p.y}`}>
                  <button
                    type="button"
                    className="fl-chip"
                    onClick={() => dispatch({ type: 'remove-point', index: i })}
                    aria-label={t('player.removePoint', { n: i + 1 })}
                  >
                    {i + 1} <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ol>
          )}
        </fieldset>
      )}
      {fraudType && (
        <fieldset className="fl-part">
          <legend>{t('player.fraudTypeLegend')}</legend>
          <div className="fl-part__options">
            {fraudType.options.map((option) => (
              <label key={option} className="fl-option">
                <input
                  type="radio"
                  name="fraudType"
                  value={option}
                  checked={state.fraudType === option}
                  onChange={() => dispatch({ type: 'fraud-type', fraudType: option })}
                />
                <span>{t(fraudTypeKey(option))}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {features && (
        <fieldset className="fl-part">
          <legend>{t('player.featuresLegend')}</legend>
          <div className="fl-part__options fl-part__options--columns">
            {sortByCategory(features.options).map((option) => (
              <label key={option} className="fl-option">
                <input
                  type="checkbox"
                  checked={state.features.includes(option)}
                  onChange={() => dispatch({ type: 'toggle-feature', feature: option })}
                />
                <span>{t(`taxonomy.feature.${option}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {mrz && (
        <fieldset className="fl-part">
          <legend>{t('player.mrzLegend')}</legend>
          {/* Focusable: on a narrow panel the 44-character lines scroll sideways, and the keyboard must reach them. */}
          <pre className="fl-mrz" dir="ltr" aria-label={t('player.mrzLines')} tabIndex={0}>
            {mrz.lines.join('\n')}
          </pre>
          <div className="fl-part__options">
            {mrz.checks.map((check) => (
              <label key={check} className="fl-option">
                <input
                  type="checkbox"
                  checked={state.mrzFailedChecks.includes(check)}
                  onChange={() => dispatch({ type: 'toggle-mrz', check })}
                />
                <span>{t(`taxonomy.mrzCheck.${check}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div className="fl-decision__confirm">
        <Button size="lg" variant="danger" onClick={onConfirm} isLoading={confirming} data-testid="decision-confirm">
          {confirmLabel ?? t('player.confirmRefer')}
        </Button>
        <Button variant="secondary" onClick={() => dispatch({ type: 'back' })} data-testid="decision-back">
          {t('player.changeDecision')}
        </Button>
      </div>
    </section>
  );
}

function sortByCategory(options: FeatureKind[]): FeatureKind[] {
  return [...options].sort((a, b) => categoryOfFeature(a).localeCompare(categoryOfFeature(b)));
}
