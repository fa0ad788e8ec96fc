// Side and light switches, zoom and loupe controls above a document viewer.
import type { DocumentSide, Light } from '@firstline/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export const LOUPE_MAGNIFICATIONS = [4, 6, 8, 10] as const;

export function ViewerToolbar({
  sides,
  side,
  onSide,
  lights,
  light,
  onLight,
  frames = [],
  frame,
  onFrame,
  onZoom,
  onHome,
  loupeOn,
  onLoupeToggle,
  magnification,
  onMagnification,
}: {
  sides: DocumentSide[];
  side: DocumentSide;
  onSide: (side: DocumentSide) => void;
  lights: Light[];
  light: Light;
  onLight: (light: Light) => void;
  /** Tilt angles of the current light, when it was photographed at several (oblique). */
  frames?: number[];
  frame?: number;
  onFrame?: (frame: number) => void;
  onZoom: (factor: number) => void;
  onHome: () => void;
  loupeOn?: boolean;
  onLoupeToggle?: () => void;
  magnification?: number;
  onMagnification?: (m: number) => void;
}) {
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
          <Toggle key={l} pressed={l === light} onClick={() => onLight(l)} testId={`light-${l}`} shortcut={i < 5 ? String(i + 1) : undefined}>
            {t(`taxonomy.light.${l}`)}
          </Toggle>
        ))}
      </div>
      {frames.length > 1 && onFrame && (
        <div className="fl-segmented" role="group" aria-label={t('viewer.tilt')}>
          {frames.map((f, i) => (
            <Toggle key={f} pressed={f === frame} onClick={() => onFrame(f)} testId={`tilt-${f}`} shortcut="T" showShortcut={i === 0}>
              {t('viewer.tiltShort', { n: i + 1 })}
            </Toggle>
          ))}
        </div>
      )}
      <div className="fl-segmented" role="group" aria-label={t('viewer.zoom')}>
        <button type="button" onClick={() => onZoom(1 / 1.5)} aria-label={t('viewer.zoomOut')} aria-keyshortcuts="-" data-testid="zoom-out">
          −
        </button>
        <button type="button" onClick={onHome} aria-label={t('viewer.fit')} aria-keyshortcuts="0" data-testid="zoom-home">
          ⤢
        </button>
        <button type="button" onClick={() => onZoom(1.5)} aria-label={t('viewer.zoomIn')} aria-keyshortcuts="+" data-testid="zoom-in">
          +
        </button>
      </div>
      {onLoupeToggle && (
        <div className="fl-segmented" role="group" aria-label={t('viewer.loupe')}>
          <button type="button" aria-pressed={!!loupeOn} onClick={onLoupeToggle} aria-keyshortcuts="L" data-testid="loupe-toggle">
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
