// The quiz player: one item at a time, a document on the desk and seconds to decide. Final answers go to the
// outbox and the player moves on at once; the outbox sends them when it can.
import { DeskContext } from './desk-context';
import type { AttemptView, DocumentSide, ItemFeedback, ItemPresentation, Point } from '@firstline/contracts';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { Banner, Button, LoadingBlock, QueryError } from '@/components/ui';
import { paths } from '@/config/paths';
import { describeError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { randomUuid } from '@/lib/uuid';
import { DocumentViewer, largestVariant, type ViewerMarker, type ViewerRegion } from '@/components/viewer/document-viewer';
import { ViewerToolbar } from '@/components/viewer/viewer-toolbar';
import type { ViewerEngine } from '@/components/viewer/viewer-engine-types';
import { useLightSwitch, type SideImage } from '@/components/viewer/use-light-switch';
import { useAttempt } from '../api/get-attempt';
import { useAttemptItem } from '../api/get-attempt-item';
import { useFinishAttempt } from '../api/finish-attempt';
import { saveItemResponse } from '../api/save-item-response';
import { useOutbox } from '../outbox/use-outbox';
import { answerFromSaved, answerReducer, toResponseRequest } from './answer-state';
import { Countdown, itemDeadline } from './countdown';
import { DecisionPanel } from './decision-panel';
import { FeedbackBody } from './feedback-panel';
import { HelpOverlay } from './help-overlay';
import { OfflineBanner } from './offline-banner';

const AUTOSAVE_DELAY_MS = 1500;

/** The first item from `from` on that is neither answered on the server nor given here; null when none is left. */
export function nextOpenItem(attempt: AttemptView, given: ReadonlySet<number>, from = 1): number | null {
  for (let n = Math.max(1, from); n <= attempt.itemCount; n++) {
    if (!attempt.answered[n - 1] && !given.has(n)) return n;
  }
  for (let n = 1; n < from && n <= attempt.itemCount; n++) {
    if (!attempt.answered[n - 1] && !given.has(n)) return n;
  }
  return null;
}

const NO_IMAGES: SideImage[] = [];

export function QuizPlayer({ attemptId }: { attemptId: string }) {
  const { t } = useTranslation();
  const attempt = useAttempt(attemptId);
  const outbox = useOutbox();
  const [given, setGiven] = useState<Set<number>>(() => new Set());
  const [current, setCurrent] = useState<number | null | undefined>(undefined);
  const [rejected, setRejected] = useState<string[]>([]);

  const waiting = outbox.pending.filter((e) => e.attemptId === attemptId);
  const queuedFinals = useMemo(
    () => new Set(outbox.pending.filter((e) => e.attemptId === attemptId && e.body.final).map((e) => e.n)),
    [outbox.pending, attemptId],
  );

  // Where to start (or resume): after what the server has and what still waits in the outbox.
  useEffect(() => {
    if (current !== undefined || !attempt.data || !outbox.ready) return;
    setCurrent(nextOpenItem(attempt.data, new Set([...given, ...queuedFinals]), attempt.data.currentItem));
  }, [attempt.data, outbox.ready, current, given, queuedFinals]);

  useEffect(
    () =>
      outbox.sync.onEvent((e) => {
        if (e.type === 'rejected' && e.entry.attemptId === attemptId) {
          setRejected((r) => [...r, t('player.rejected', { n: e.entry.n, reason: describeError(t, e.error) })]);
        }
      }),
    [outbox.sync, attemptId, t],
  );

  if (attempt.isPending || (attempt.data && current === undefined)) return <LoadingBlock />;
  if (attempt.isError)
    return (
      // Answers given before the connection dropped are safe on this device: say so next to the error.
      <div className="fl-player">
        <OfflineBanner online={outbox.online} waiting={waiting.length} />
        <QueryError error={attempt.error} onRetry={() => attempt.refetch()} />
      </div>
    );
  const a = attempt.data;
  if (a.status === 'finished') return <Navigate to={paths.app.results.getHref(a.id)} replace />;

  const markGiven = (n: number) => setGiven((g) => new Set(g).add(n));
  // The server serves an item only once the one before it is answered: while an earlier final answer is still on
  // its way (a slow line, images filling the connections), the next item waits for it instead of failing.
  const held = !!current && [...queuedFinals].some((q) => q < current);
  const advance = (after: number) => setCurrent(nextOpenItem(a, new Set([...given, ...queuedFinals, after]), after + 1));

  return (
    <div className="fl-player">
      <OfflineBanner online={outbox.online} waiting={waiting.length} />
      {rejected.map((message, i) => (
        <Banner key={i} tone="danger">
          {message}
        </Banner>
      ))}
      {current ? (
        <ItemStage key={current} attempt={a} n={current} held={held} online={outbox.online} onGiven={markGiven} onNext={() => advance(current)} />
      ) : (
        <FinishPanel attempt={a} waiting={waiting.length} />
      )}
    </div>
  );
}

function FinishPanel({ attempt, waiting }: { attempt: AttemptView; waiting: number }) {
  const { t } = useTranslation();
  const finish = useFinishAttempt();
  const navigate = useNavigate();
  const onFinish = () =>
    finish.mutate(attempt.id, { onSuccess: () => navigate(paths.app.results.getHref(attempt.id), { replace: true }) });
  return (
    <section className="fl-finish">
      <h1 dir="auto">{attempt.moduleTitle}</h1>
      <p>{t('player.allAnswered', { count: attempt.itemCount })}</p>
      {waiting > 0 && <p className="fl-finish__waiting">{t('player.finishWaiting', { count: waiting })}</p>}
      {finish.isError && <Banner tone="danger">{describeError(t, finish.error)}</Banner>}
      <Button size="lg" onClick={onFinish} disabled={waiting > 0} isLoading={finish.isPending} data-testid="finish-attempt">
        {t('player.finish')}
      </Button>
    </section>
  );
}

function ItemStage({
  attempt,
  n,
  held,
  online,
  onGiven,
  onNext,
}: {
  attempt: AttemptView;
  n: number;
  /** An earlier answer is still being sent: the item is asked for once it has arrived. */
  held: boolean;
  online: boolean;
  onGiven: (n: number) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const item = useAttemptItem(attempt.id, n, !held);
  const locked = item.data?.locked;
  useEffect(() => {
    // Answered on the server already (e.g. sent from the outbox before a reload): nothing to do here.
    if (locked) {
      onGiven(n);
      onNext();
    }
  }, [locked, n, onGiven, onNext]);
  if (item.isPending && (item.fetchStatus === 'paused' || (held && !online))) {
    // Offline: the query resumes by itself when the connection returns.
    return <LoadingBlock label={t('player.waitingForNetwork', { n })} />;
  }
  if (item.isPending) return <LoadingBlock label={t('player.loadingItem', { n })} />;
  if (item.isError) return <QueryError error={item.error} onRetry={() => item.refetch()} />;
  if (item.data.locked) return <LoadingBlock />;
  return <ItemScreen attempt={attempt} item={item.data} receivedAt={item.dataUpdatedAt} onGiven={onGiven} onNext={onNext} />;
}

type Submitted = { feedback: ItemFeedback | null; error: string | null };

function isTyping(target: EventTarget | null) {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target.tagName === 'INPUT' && !['checkbox', 'radio', 'button'].includes((target as HTMLInputElement).type);
}

function ItemScreen({
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
  const { sync, online } = useOutbox();
  const practice = attempt.feedback === 'after-item';
  const [state, dispatch] = useReducer(answerReducer, item.saved, answerFromSaved);
  const [side, setSide] = useState<DocumentSide>(item.sides[0]?.side ?? 'data-page');
  const [loupeOn, setLoupeOn] = useState(false);
  const [magnification, setMagnification] = useState(4);
  const [help, setHelp] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const engine = useRef<ViewerEngine | null>(null);
  const unsubscribe = useRef<(() => void) | null>(null);
  useEffect(() => () => unsubscribe.current?.(), []);

  const deadline = useMemo(() => itemDeadline(item, receivedAt), [item, receivedAt]);
  const sideView = item.sides.find((s) => s.side === side) ?? item.sides[0];
  const view = useLightSwitch(side, sideView?.images ?? NO_IMAGES);
  const { lights, light, setLight } = view;
  const maxPoints = item.parts.locate?.maxPoints ?? 0;
  const locating = !submitted && state.stage === 'refer' && maxPoints > 0;

  // Autosave the partial answer (best effort; the final answer goes through the outbox).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (submitted || confirming || !online) return;
    const timer = setTimeout(() => {
      saveItemResponse(attempt.id, item.n, toResponseRequest(state, item.parts, false), randomUuid()).catch(() => undefined);
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [state, submitted, confirming, online, attempt.id, item.n, item.parts]);

  const addPoint = ([x, y]: Point) => dispatch({ type: 'add-point', point: { side, x, y }, maxPoints });

  const confirm = async () => {
    if (state.stage === 'choose' || confirming || submitted) return;
    setConfirming(true);
    setSaveError(null);
    const body = toResponseRequest(state, item.parts, true);
    if (practice) {
      unsubscribe.current = sync.onEvent((e) => {
        if (e.entry.attemptId !== attempt.id || e.entry.n !== item.n) return;
        setSubmitted(
          e.type === 'sent'
            ? { feedback: e.result.feedback, error: null }
            : { feedback: null, error: t('player.rejected', { n: item.n, reason: describeError(t, e.error) }) },
        );
      });
    }
    try {
      await sync.enqueue(attempt.id, item.n, body);
    } catch {
      // No IndexedDB on this browser: send directly and stay on the item if that fails.
      try {
        const result = await saveItemResponse(attempt.id, item.n, body, randomUuid());
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

  // Keyboard shortcuts, caught before the viewer's own key handling.
  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);
  keys.current = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    if (e.key === '?') {
      setHelp((h) => !h);
    } else if (help || document.querySelector('[role="dialog"]')) {
      return;
    } else if (/^[1-9]$/.test(e.key) && lights[Number(e.key) - 1]) {
      setLight(lights[Number(e.key) - 1]);
    } else if (e.key === '+' || e.key === '=') {
      engine.current?.zoomBy(1.5);
    } else if (e.key === '-' || e.key === '_') {
      engine.current?.zoomBy(1 / 1.5);
    } else if (e.key === '0') {
      engine.current?.home();
    } else if ((e.key === 't' || e.key === 'T') && view.frames.length > 1) {
      view.nextFrame();
    } else if (e.key === 'l' || e.key === 'L') {
      setLoupeOn((on) => !on);
    } else if ((e.key === 's' || e.key === 'S') && item.sides.length > 1) {
      const i = item.sides.findIndex((s) => s.side === side);
      setSide(item.sides[(i + 1) % item.sides.length].side);
    } else if (submitted) {
      if (e.key === 'n' || e.key === 'N') onNext();
      else return;
    } else if (e.key === 'a' || e.key === 'A') {
      if (state.stage === 'accept') void confirm();
      else dispatch({ type: 'accept' });
    } else if (e.key === 'r' || e.key === 'R') {
      dispatch({ type: 'refer' });
    } else if ((e.key === 'm' || e.key === 'M') && locating) {
      const p = engine.current?.centerPoint();
      if (p) addPoint(p);
    } else {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
  };
  useEffect(() => {
    const handler = (e: KeyboardEvent) => keys.current(e);
    window.addEventListener('keydown', handler, true);
    return () => window.removeEventListener('keydown', handler, true);
  }, []);

  // Markers are numbered across sides, and each is drawn on the side it was clicked on.
  const markers: ViewerMarker[] = state.points
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.side === side)
    .map(({ p, i }) => ({
      point: [p.x, p.y] as Point,
      label: String(i + 1),
      onRemove: locating ? () => dispatch({ type: 'remove-point', index: i }) : undefined,
    }));
  const feedback = submitted?.feedback ?? null;
  const regions: ViewerRegion[] = feedback
    ? feedback.regions.filter((r) => r.side === side).map((r, i) => ({ key: `truth-${i}`, polygon: r.polygon, tone: 'truth' }))
    : [];

  return (
    <div className="fl-player__item" data-testid="quiz-item" data-item={item.n}>
      <header className="fl-player__bar">
        <div className="fl-player__title">
          <p className="fl-player__module" dir="auto">{attempt.moduleTitle}</p>
          <p className="fl-player__progress" data-testid="item-progress" aria-live="polite">
            {t('player.itemOf', { n: item.n, count: item.itemCount })}
            {attempt.deadline && (
              <span className="fl-player__deadline"> · {t('player.moduleEnds', { time: formatDateTime(attempt.deadline, currentLanguage()) })}</span>
            )}
          </p>
          <progress max={item.itemCount} value={item.n - 1} aria-hidden="true" />
        </div>
        <p className="fl-player__doc-meta" dir="ltr">
          {item.issuingState} · {item.documentType}
        </p>
        <Countdown deadline={deadline} totalSeconds={item.timeAllowedSeconds} stopped={!!submitted} />
        <button type="button" className="fl-icon-button fl-player__help" onClick={() => setHelp(true)} aria-label={t('player.help')} aria-keyshortcuts="?">
          ?
        </button>
      </header>
      <div className="fl-player__stage">
        <div className="fl-player__doc">
          <ViewerToolbar
            sides={item.sides.map((s) => s.side)}
            side={side}
            onSide={setSide}
            lights={lights}
            light={light}
            onLight={setLight}
            frames={view.frames}
            frame={view.frame}
            onFrame={view.setFrame}
            onZoom={(f) => engine.current?.zoomBy(f)}
            onHome={() => engine.current?.home()}
            loupeOn={loupeOn}
            onLoupeToggle={() => setLoupeOn((on) => !on)}
            magnification={magnification}
            onMagnification={setMagnification}
          />
          {view.layers.length > 0 && light && view.visible && (
            <DocumentViewer
              key={side}
              images={view.layers}
              visible={view.visible}
              label={t('player.documentLabel', { side: t(`taxonomy.side.${side}`), light: t(`taxonomy.light.${light}`) })}
              onEngine={(e) => (engine.current = e)}
              loupe={loupeOn ? magnification : null}
              onImageClick={locating ? addPoint : undefined}
              markers={markers}
              regions={regions}
              crosshair={locating}
            />
          )}
        </div>
        <aside className="fl-player__panel">
          {item.traveller && (
            <figure className="fl-traveller">
              <img src={largestVariant(item.traveller) ?? ''} alt={t('player.travellerAlt')} />
              <figcaption>{t('player.traveller')}</figcaption>
            </figure>
          )}
          {saveError && <Banner tone="danger">{saveError}</Banner>}
          {submitted ? (
            <section className="fl-feedback" aria-live="polite" data-testid="feedback">
              <h2 className="fl-decision__title">{t('feedback.title')}</h2>
              {submitted.error ? (
                <Banner tone="danger">{submitted.error}</Banner>
              ) : feedback ? (
                <FeedbackBody feedback={feedback} decision={state.stage === 'choose' ? null : state.stage} />
              ) : (
                <p className="fl-feedback__waiting">{t('feedback.waiting')}</p>
              )}
              <Button size="lg" onClick={onNext} data-testid="next-item" autoFocus>
                {item.n < item.itemCount ? t('player.nextItem') : t('player.toFinish')} <kbd>N</kbd>
              </Button>
            </section>
          ) : (
            <DecisionPanel
              parts={item.parts}
              state={state}
              dispatch={dispatch}
              onConfirm={() => void confirm()}
              confirming={confirming}
              onMarkCentre={
                locating
                  ? () => {
                      const p = engine.current?.centerPoint();
                      if (p) addPoint(p);
                    }
                  : undefined
              }
            />
          )}
          {item.context && <DeskContext context={item.context} />}
        </aside>
      </div>
      <HelpOverlay open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
