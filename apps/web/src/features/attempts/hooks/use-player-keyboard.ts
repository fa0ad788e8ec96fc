// The player's keyboard shortcuts (listed in help-overlay.tsx), caught before the viewer's own key handling.
import type { Light } from '@firstline/contracts';
import { useEffect, useRef, type RefObject } from 'react';
import type { ViewerEngine } from '@/components/viewer/viewer-engine-types';
import { isTyping } from '@/lib/is-typing';
import type { DecisionStage } from '../lib/answer-state';

export interface PlayerKeys {
  helpOpen: boolean;
  toggleHelp: () => void;
  lights: Light[];
  setLight: (light: Light) => void;
  engine: RefObject<ViewerEngine | null>;
  /** Set when the current light has several tilt angles. */
  nextFrame?: () => void;
  toggleLoupe: () => void;
  /** Set when the document has more than one side. */
  nextSide?: () => void;
  /** The answer is in (practice feedback shows): only N, for the next item, decides anything. */
  submitted: boolean;
  onNext: () => void;
  stage: DecisionStage;
  accept: () => void;
  confirm: () => void;
  refer: () => void;
  /** Set while suspect points may be placed: marks the point at the centre of the view. */
  markCentre?: () => void;
}

export function usePlayerKeyboard(keys: PlayerKeys) {
  // The latest keys, read by the one listener (added once, so it stays ahead of the viewer's).
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    const handler = (e: KeyboardEvent) => onPlayerKey(e, latest.current);
    window.addEventListener('keydown', handler, true);
    return () => window.removeEventListener('keydown', handler, true);
  }, []);
}

function onPlayerKey(e: KeyboardEvent, keys: PlayerKeys) {
  if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (key === '?') {
    keys.toggleHelp();
  } else if (keys.helpOpen || document.querySelector('[role="dialog"]')) {
    return;
  } else if (/^[1-9]$/.test(key) && keys.lights[Number(key) - 1]) {
    keys.setLight(keys.lights[Number(key) - 1]);
  } else if (key === '+' || key === '=') {
    keys.engine.current?.zoomBy(1.5);
  } else if (key === '-' || key === '_') {
    keys.engine.current?.zoomBy(1 / 1.5);
  } else if (key === '0') {
    keys.engine.current?.home();
  } else if (key === 't' && keys.nextFrame) {
    keys.nextFrame();
  } else if (key === 'l') {
    keys.toggleLoupe();
  } else if (key === 's' && keys.nextSide) {
    keys.nextSide();
  } else if (keys.submitted) {
    if (key === 'n') keys.onNext();
    else return;
  } else if (key === 'a') {
    if (keys.stage === 'accept') keys.confirm();
    else keys.accept();
  } else if (key === 'r') {
    keys.refer();
  } else if (key === 'm' && keys.markCentre) {
    keys.markCentre();
  } else {
    return;
  }
  e.preventDefault();
  e.stopPropagation();
}
