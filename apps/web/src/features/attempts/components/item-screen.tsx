// One item on the desk: the document, the decision beside it, the clock above it. The answer is autosaved as it is
// given and confirmed through the outbox.
import type { AttemptView, DocumentSide, ItemPresentation, Point } from '@firstline/contracts';
import { useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '@/components/ui';
import { largestVariant } from '@/components/viewer/document-viewer';
import { useLightSwitch, type SideImage } from '@/components/viewer/use-light-switch';
import type { ViewerEngine } from '@/components/viewer/viewer-engine-types';
import { useAutosave } from '../hooks/use-autosave';
import { useFinalAnswer } from '../hooks/use-final-answer';
import { usePlayerKeyboard } from '../hooks/use-player-keyboard';
import { answerFromSaved, answerReducer } from '../lib/answer-state';
import { itemDeadline } from '../lib/item-clock';
import { useOutbox } from '../outbox/use-outbox';
import { DecisionPanel } from './decision-panel';
import { DeskContextPanel } from './desk-context-panel';
import { HelpOverlay } from './help-overlay';
import { ItemDocument } from './item-document';
import { ItemHeader } from './item-header';
import { PracticeFeedback } from './practice-feedback';

const NO_IMAGES: SideImage[] = [];

export function ItemScreen({
  attempt,
  item,
  receivedAt,
  onGiven,
  onNext,
}: {
  attempt: AttemptView;
  item: ItemPresentation;
  receivedAt: number;
  onGiven: (n: number) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const { online } = useOutbox();
  const [state, dispatch] = useReducer(answerReducer, item.saved, answerFromSaved);
  const [side, setSide] = useState<DocumentSide>(item.sides[0]?.side ?? 'data-page');
  const [loupeOn, setLoupeOn] = useState(false);
  const [magnification, setMagnification] = useState(4);
  const [help, setHelp] = useState(false);
  const engine = useRef<ViewerEngine | null>(null);
  const practice = attempt.feedback === 'after-item';
  const { confirm, confirming, submitted, saveError } = useFinalAnswer({
    attemptId: attempt.id,
    item,
    practice,
    onGiven,
    onNext,
  });
  useAutosave({ attemptId: attempt.id, item, state, paused: !!submitted || confirming || !online });

  const deadline = useMemo(() => itemDeadline(item, receivedAt), [item, receivedAt]);
  const sideView = item.sides.find((s) => s.side === side) ?? item.sides[0];
  const view = useLightSwitch(side, sideView?.images ?? NO_IMAGES);
  const maxPoints = item.parts.locate?.maxPoints ?? 0;
  const locating = !submitted && state.stage === 'refer' && maxPoints > 0;

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

  usePlayerKeyboard({
    helpOpen: help,
    toggleHelp: () => setHelp((open) => !open),
    lights: view.lights,
    setLight: view.setLight,
    engine,
    nextFrame: view.frames.length > 1 ? view.nextFrame : undefined,
    toggleLoupe,
    nextSide: item.sides.length > 1 ? nextSide : undefined,
    submitted: !!submitted,
    onNext,
    stage: state.stage,
    accept: () => dispatch({ type: 'accept' }),
    confirm: () => void confirm(state),
    refer: () => dispatch({ type: 'refer' }),
    markCentre: locating ? markCentre : undefined,
  });

  return (
    <div className="fl-player__item" data-testid="quiz-item" data-item={item.n}>
      <ItemHeader
        attempt={attempt}
        item={item}
        deadline={deadline}
        stopped={!!submitted}
        onHelp={() => setHelp(true)}
      />
      <div className="fl-player__stage">
        <ItemDocument
          sides={item.sides.map((s) => s.side)}
          side={side}
          onSide={setSide}
          view={view}
          engine={engine}
          loupe={{ on: loupeOn, toggle: toggleLoupe, magnification, setMagnification }}
          points={state.points}
          feedback={submitted?.feedback ?? null}
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
          {saveError && <Banner tone="danger">{saveError}</Banner>}
          {submitted ? (
            <PracticeFeedback item={item} submitted={submitted} stage={state.stage} onNext={onNext} />
          ) : (
            <DecisionPanel
              parts={item.parts}
              state={state}
              dispatch={dispatch}
              onConfirm={() => void confirm(state)}
              confirming={confirming}
              onMarkCentre={locating ? markCentre : undefined}
            />
          )}
          {item.context && <DeskContextPanel context={item.context} />}
        </aside>
      </div>
      <HelpOverlay open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
