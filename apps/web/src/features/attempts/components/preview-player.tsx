// The trainee's player in preview mode, for the instructors who author an exercise: the same document, decision and
// feedback as an attempt's item, but Confirm becomes "Try it", which asks the API what the answer would score instead
// of sending it. Nothing is stored; the answer can be changed, or started again.
import type { DocumentSide, ItemAnswer, ItemFeedback, Point, PresentedDocument } from '@firstline/contracts';
import { useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner, Button } from '@/components/ui';
import { largestVariant } from '@/components/viewer/document-viewer';
import { useLightSwitch, type SideImage } from '@/components/viewer/use-light-switch';
import type { ViewerEngine } from '@/components/viewer/viewer-engine-types';
import { describeError } from '@/lib/errors';
import { usePlayerKeyboard } from '../hooks/use-player-keyboard';
import { answerReducer, emptyAnswer, toResponseRequest } from '../lib/answer-state';
import { DecisionPanel } from './decision-panel';
import { DeskContextPanel } from './desk-context-panel';
import { FeedbackBody } from './feedback-panel';
import { HelpOverlay } from './help-overlay';
import { ItemDocument } from './item-document';
import { PartScores } from './part-scores';

const NO_IMAGES: SideImage[] = [];

export function PreviewPlayer({
  item,
  score,
}: {
  item: PresentedDocument;
  /** What the answer would score: the feedback a practice item gives for it. */
  score: (answer: ItemAnswer) => Promise<ItemFeedback>;
}) {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(answerReducer, emptyAnswer);
  const [side, setSide] = useState<DocumentSide>(item.sides[0]?.side ?? 'data-page');
  const [loupeOn, setLoupeOn] = useState(false);
  const [magnification, setMagnification] = useState(4);
  const [help, setHelp] = useState(false);
  const [trying, setTrying] = useState(false);
  const [feedback, setFeedback] = useState<ItemFeedback | null>(null);
  const [error, setError] = useState<string | null>(null);
  const engine = useRef<ViewerEngine | null>(null);

  const sideView = item.sides.find((s) => s.side === side) ?? item.sides[0];
  const view = useLightSwitch(side, sideView?.images ?? NO_IMAGES);
  const maxPoints = item.parts.locate?.maxPoints ?? 0;
  const locating = !feedback && state.stage === 'refer' && maxPoints > 0;

  const addPoint = ([x, y]: Point) => dispatch({ type: 'add-point', point: { side, x, y }, maxPoints });
  const markCentre = () => {
    const centre = engine.current?.centerPoint();
    if (centre) addPoint(centre);
  };
  const toggleLoupe = () => setLoupeOn((on) => !on);
  const nextSide = () => {
    const index = item.sides.findIndex((s) => s.side === side);
    setSide(item.sides[(index + 1) % item.sides.length].side);
  };
  const tryIt = async () => {
    if (state.stage === 'choose' || trying || feedback) return;
    // The very answer an attempt would send for this state, less the "final" flag.
    const { final: _final, ...answer } = toResponseRequest(state, item.parts, true);
    setTrying(true);
    setError(null);
    try {
      setFeedback(await score(answer));
    } catch (err) {
      setError(describeError(t, err));
    } finally {
      setTrying(false);
    }
  };
  const startAgain = () => {
    setFeedback(null);
    setError(null);
    dispatch({ type: 'reset' });
  };

  usePlayerKeyboard({
    helpOpen: help,
    toggleHelp: () => setHelp((open) => !open),
    lights: view.lights,
    setLight: view.setLight,
    engine,
    nextFrame: view.frames.length > 1 ? view.nextFrame : undefined,
    toggleLoupe,
    nextSide: item.sides.length > 1 ? nextSide : undefined,
    submitted: !!feedback,
    onNext: startAgain,
    stage: state.stage,
    accept: () => dispatch({ type: 'accept' }),
    confirm: () => void tryIt(),
    refer: () => dispatch({ type: 'refer' }),
    markCentre: locating ? markCentre : undefined,
  });

  return (
    <div className="fl-player__item" data-testid="preview-item">
      <header className="fl-player__bar">
        <div className="fl-player__title">
          <p className="fl-player__module">{t('preview.playerTitle')}</p>
          <p className="fl-player__progress">{t('preview.playerHint')}</p>
        </div>
        <p className="fl-player__doc-meta" dir="ltr">
          {item.issuingState} · {item.documentType}
        </p>
        <button
          type="button"
          className="fl-icon-button fl-player__help"
          onClick={() => setHelp(true)}
          aria-label={t('player.help')}
          aria-keyshortcuts="?"
        >
          ?
        </button>
      </header>
      <div className="fl-player__stage">
        <ItemDocument
          sides={item.sides.map((s) => s.side)}
          side={side}
          onSide={setSide}
          view={view}
          engine={engine}
          loupe={{ on: loupeOn, toggle: toggleLoupe, magnification, setMagnification }}
          points={state.points}
          feedback={feedback}
          onAddPoint={locating ? addPoint : undefined}
          onRemovePoint={locating ? (index) => dispatch({ type: 'remove-point', index }) : undefined}
        />
        <aside className="fl-player__panel">
          {item.traveller && (
            <figure className="fl-traveller">
              <img src={largestVariant(item.traveller) ?? ''} alt={t('player.travellerAlt')} />
              <figcaption>{t('player.traveller')}</figcaption>
            </figure>
          )}
          {error && <Banner tone="danger">{error}</Banner>}
          {feedback ? (
            <section className="fl-feedback" aria-live="polite" data-testid="preview-feedback">
              <h2 className="fl-decision__title">{t('preview.feedbackTitle')}</h2>
              <FeedbackBody feedback={feedback} decision={state.stage === 'choose' ? null : state.stage} />
              <PartScores parts={feedback.parts} />
              <div className="fl-decision__confirm">
                <Button size="lg" onClick={startAgain} data-testid="preview-again" autoFocus>
                  {t('preview.tryAnother')} <kbd>N</kbd>
                </Button>
                <Button variant="secondary" onClick={() => setFeedback(null)} data-testid="preview-change">
                  {t('preview.changeAnswer')}
                </Button>
              </div>
            </section>
          ) : (
            <DecisionPanel
              parts={item.parts}
              state={state}
              dispatch={dispatch}
              onConfirm={() => void tryIt()}
              confirming={trying}
              onMarkCentre={locating ? markCentre : undefined}
              confirmLabel={t('preview.tryIt')}
            />
          )}
          {item.context && <DeskContextPanel context={item.context} />}
        </aside>
      </div>
      <HelpOverlay open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
