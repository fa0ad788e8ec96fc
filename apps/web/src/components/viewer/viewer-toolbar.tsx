// Side and light switches, zoom and loupe controls above a document viewer, wired to the side's light switch
// (use-light-switch.ts) and the viewer's engine.
import type { DocumentSide } from '@firstline/contracts';
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { LightSwitch } from './use-light-switch';
import type { ViewerEngine } from './viewer-engine-types';

export const LOUPE_MAGNIFICATIONS = [4, 6, 8, 10] as const;

export function ViewerToolbar({
  sides,
  side,
  onSide,
  view,
  engine,
  loupeOn,
  onLoupeToggle,
  magnification,
  onMagnification,
}: {
  sides: DocumentSide[];
  side: DocumentSide;
  onSide: (side: DocumentSide) => void;
  /** The side's lights and tilt angles (oblique), switched here. */
  view: LightSwitch;
  /** The viewer's engine, zoomed here (null until the viewer has made one). */
  engine: RefObject<ViewerEngine | null>;
  loupeOn?: boolean;
  onLoupeToggle?: () => void;
  magnification?: number;
  onMagnification?: (m: number) => void;
}) {
  const { lights, light, setLight: onLight, frames, frame, setFrame: onFrame } = view;
  const onZoom = (factor: number) => engine.current?.zoomBy(factor);
  const onHome = () => engine.current?.home();
  const { t } = useTranslation();
  return (
    <div className="fl-viewer-toolbar" role="toolbar" aria-label={t('viewer.tools')}>
      {sides.length > 1 && (
        <div className="fl-segmented" role="group" aria-label={t('viewer.side')}>
          {sides.map((s) => (
            <button key={s} type="button" aria-pressed={s === side} onClick={() => onSide(s)} data-testid={`side-${s}`}>
              {t(`taxonomy.side.${s}`)}
            </button>
          ))}
        </div>
      )}
      <div className="fl-segmented" role="group" aria-label={t('viewer.light')}>
        {lights.map((l, i) => (
          <Toggle
            key={l}
            pressed={l === light}
            onClick={() => onLight(l)}
            testId={`light-${l}`}
            shortcut={i < 5 ? String(i + 1) : undefined}
          >
            {t(`taxonomy.light.${l}`)}
          </Toggle>
        ))}
      </div>
      {frames.length > 1 && (
        <div className="fl-segmented" role="group" aria-label={t('viewer.tilt')}>
          {frames.map((f, i) => (
            <Toggle
              key={f}
              pressed={f === frame}
              onClick={() => onFrame(f)}
              testId={`tilt-${f}`}
              shortcut="T"
              showShortcut={i === 0}
            >
              {t('viewer.tiltShort', { n: i + 1 })}
            </Toggle>
          ))}
        </div>
      )}
      <div className="fl-segmented" role="group" aria-label={t('viewer.zoom')}>
        <button
          type="button"
          onClick={() => onZoom(1 / 1.5)}
          aria-label={t('viewer.zoomOut')}
          aria-keyshortcuts="-"
          data-testid="zoom-out"
        >
          −
        </button>
        <button
          type="button"
          onClick={onHome}
          aria-label={t('viewer.fit')}
          aria-keyshortcuts="0"
          data-testid="zoom-home"
        >
          ⤢
        </button>
        <button
          type="button"
          onClick={() => onZoom(1.5)}
          aria-label={t('viewer.zoomIn')}
          aria-keyshortcuts="+"
          data-testid="zoom-in"
        >
          +
        </button>
      </div>
      {onLoupeToggle && (
        <div className="fl-segmented" role="group" aria-label={t('viewer.loupe')}>
          <button
            type="button"
            aria-pressed={!!loupeOn}
            onClick={onLoupeToggle}
            aria-keyshortcuts="L"
            data-testid="loupe-toggle"
          >
            <kbd aria-hidden="true">L</kbd>
            {t('viewer.loupe')}
          </button>
          {onMagnification && (
            <select
              aria-label={t('viewer.magnification')}
              value={magnification}
              onChange={(e) => onMagnification(Number(e.target.value))}
              data-testid="loupe-magnification"
            >
              {LOUPE_MAGNIFICATIONS.map((m) => (
                <option key={m} value={m}>
                  ×{m}
                </option>
              ))}
            </select>
          )}
        </div>
      )}
    </div>
  );
}

/** A pressed/unpressed button of a segmented group, showing its keyboard shortcut. */
function Toggle({
  pressed,
  onClick,
  testId,
  shortcut,
  showShortcut = true,
  children,
}: {
  pressed: boolean;
  onClick: () => void;
  testId: string;
  shortcut?: string;
  showShortcut?: boolean;
  children: ReactNode;
}) {
  return (
    <button type="button" aria-pressed={pressed} onClick={onClick} data-testid={testId} aria-keyshortcuts={shortcut}>
      {shortcut && showShortcut && <kbd aria-hidden="true">{shortcut}</kbd>}
      {children}
    </button>
  );
}
