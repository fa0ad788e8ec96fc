// Draws a polygon on a document image in normalised 0–1 coordinates, and shows existing regions as labelled
// outlines. Mouse: click adds a point, double-click closes. Keyboard (on the image): arrows move the cross-hair
// (Shift: bigger steps), Space adds a point, Backspace removes the last one, Enter closes (≥ 3 points), Esc cancels.
import type { Point } from '@firstline/contracts';
import { useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui';

export interface Shape {
  id: string;
  label: string;
  points: Point[];
  selected?: boolean;
}

const round = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 10000) / 10000;
const near = (a: Point, b: Point) => Math.abs(a[0] - b[0]) < 0.004 && Math.abs(a[1] - b[1]) < 0.004;

/** Where a mouse event falls on the element, as a normalised point. */
export function normalisedPoint(el: Element, clientX: number, clientY: number): Point {
  const rect = el.getBoundingClientRect();
  if (!rect.width || !rect.height) return [0, 0];
  return [round((clientX - rect.left) / rect.width), round((clientY - rect.top) / rect.height)];
}

export function PolygonEditor({
  imageUrl,
  width,
  height,
  shapes,
  drawing,
  initialPoints = [],
  onComplete,
  onCancel,
  label,
}: {
  imageUrl: string | null;
  width: number;
  height: number;
  shapes: Shape[];
  /** false: the image only shows the regions. */
  drawing: boolean;
  initialPoints?: Point[];
  onComplete?: (polygon: Point[]) => void;
  onCancel?: () => void;
  /** Names the image, e.g. "Data page · UV 365 nm". */
  label: string;
}) {
  const { t } = useTranslation();
  const [points, setPoints] = useState<Point[]>(initialPoints);
  const [cursor, setCursor] = useState<Point>([0.5, 0.5]);
  // The cross-hair shows only while the keyboard is used to place points.
  const [keyboard, setKeyboard] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const px = (p: Point) => `${p[0] * width},${p[1] * height}`;
  const stroke = Math.max(1.5, width / 400);
  const fontSize = Math.max(12, width / 55);

  function add(p: Point) {
    setHint(null);
    setPoints((prev) => (prev.length && near(prev[prev.length - 1], p) ? prev : [...prev, p]));
  }
  function close(candidate = points) {
    if (candidate.length < 3) return setHint(t('library.editor.needThree'));
    setHint(null);
    onComplete?.(candidate);
  }
  function cancel() {
    setPoints([]);
    setHint(null);
    onCancel?.();
  }
  const removeAt = (i: number) => setPoints((prev) => prev.filter((_, j) => j !== i));

  function onClick(e: MouseEvent<SVGSVGElement>) {
    if (!drawing || !svg.current) return;
    setKeyboard(false);
    add(normalisedPoint(svg.current, e.clientX, e.clientY));
  }
  function onDoubleClick(e: MouseEvent<SVGSVGElement>) {
    if (!drawing || !svg.current) return;
    e.preventDefault();
    const p = normalisedPoint(svg.current, e.clientX, e.clientY);
    const next = points.length && near(points[points.length - 1], p) ? points : [...points, p];
    setPoints(next);
    close(next);
  }
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (!drawing) return;
    const onControl = (e.target as HTMLElement).closest('button, input, select, textarea') !== null;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      return cancel();
    }
    if (onControl) return;
    const step = e.shiftKey ? 0.05 : 0.01;
    const move = (dx: number, dy: number) => {
      e.preventDefault();
      setKeyboard(true);
      setCursor(([x, y]) => [round(x + dx), round(y + dy)]);
    };
    switch (e.key) {
      case 'Enter':
        e.preventDefault();
        return close();
      case ' ':
        e.preventDefault();
        setKeyboard(true);
        return add(cursor);
      case 'Backspace':
      case 'Delete':
        e.preventDefault();
        return setPoints((prev) => prev.slice(0, -1));
      case 'ArrowLeft':
        return move(-step, 0);
      case 'ArrowRight':
        return move(step, 0);
      case 'ArrowUp':
        return move(0, -step);
      case 'ArrowDown':
        return move(0, step);
    }
  }

  return (
    <div className="fl-polygon-editor" onKeyDown={onKeyDown}>
      <div className="fl-canvas" dir="ltr">
        <svg
          ref={svg}
          className={`fl-canvas__svg${drawing ? ' fl-canvas__svg--drawing' : ''}`}
          viewBox={`0 0 ${width} ${height}`}
          style={{ aspectRatio: `${width} / ${height}` }}
          role={drawing ? 'application' : 'img'}
          aria-label={
            drawing ? t('library.editor.canvasDrawing', { name: label }) : t('library.editor.canvas', { name: label })
          }
          aria-describedby={drawing ? 'polygon-editor-help' : undefined}
          tabIndex={drawing ? 0 : undefined}
          onClick={onClick}
          onDoubleClick={onDoubleClick}
          onBlur={() => setKeyboard(false)}
          data-testid="polygon-canvas"
        >
          {imageUrl ? (
            <image href={imageUrl} x={0} y={0} width={width} height={height} />
          ) : (
            <rect width={width} height={height} className="fl-canvas__blank" />
          )}
          {shapes.map((s) => (
            <g key={s.id} className={`fl-shape${s.selected ? ' fl-shape--selected' : ''}`}>
              <polygon points={s.points.map(px).join(' ')} strokeWidth={stroke} />
              <text
                x={s.points[0][0] * width + stroke * 2}
                y={s.points[0][1] * height - stroke * 2}
                fontSize={fontSize}
                strokeWidth={fontSize / 5}
              >
                {s.label}
              </text>
            </g>
          ))}
          {drawing && points.length > 0 && (
            <g className="fl-shape fl-shape--draft">
              <polyline
                points={[...points, ...(points.length > 2 ? [points[0]] : [])].map(px).join(' ')}
                strokeWidth={stroke}
              />
              {points.map((p, i) => (
                <circle key={i} cx={p[0] * width} cy={p[1] * height} r={stroke * 3} />
              ))}
            </g>
          )}
          {drawing && keyboard && (
            <g className="fl-crosshair" aria-hidden="true">
              <line x1={cursor[0] * width} x2={cursor[0] * width} y1={0} y2={height} strokeWidth={stroke} />
              <line x1={0} x2={width} y1={cursor[1] * height} y2={cursor[1] * height} strokeWidth={stroke} />
            </g>
          )}
        </svg>
      </div>
      {drawing && (
        <div className="fl-polygon-editor__panel">
          <p id="polygon-editor-help" className="fl-field__hint">
            {t('library.editor.drawHelp')}
          </p>
          <p role="status" aria-live="polite" className="fl-polygon-editor__status">
            {hint ??
              (points.length >= 3
                ? t('library.editor.pointCountReady', { count: points.length })
                : t('library.editor.pointCount', { count: points.length }))}
          </p>
          {points.length > 0 && (
            <ol className="fl-points" aria-label={t('library.editor.points')}>
              {points.map((p, i) => (
                <li key={i}>
                  <span dir="ltr" className="fl-num">
                    {p[0].toFixed(3)}, {p[1].toFixed(3)}
                  </span>
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => removeAt(i)}
                    aria-label={t('library.editor.removePoint', { n: i + 1 })}
                  >
                    {t('library.editor.remove')}
                  </Button>
                </li>
              ))}
            </ol>
          )}
          <div className="fl-row-actions">
            <Button size="sm" onClick={() => close()} disabled={points.length < 3}>
              {t('library.editor.closeShape')}
            </Button>
            <Button size="sm" variant="secondary" onClick={cancel}>
              {t('library.editor.cancelDrawing')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
