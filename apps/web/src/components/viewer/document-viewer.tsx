// A document image (all lights of one side) with pan and zoom, a loupe, numbered markers and drawn regions.
// Overlays are plain DOM over the engine's canvas, placed from the image frame the engine reports.
import type { ImageUrls, Point } from '@firstline/contracts';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '@/components/ui';
import { frameToPixel, pixelToImagePoint } from './image-frame';
import { useCreateViewerEngine } from './viewer-engine';
import type { ImageFrame, ViewerEngine } from './viewer-engine-types';

export interface ViewerImage {
  id: string;
  urls: ImageUrls;
}

export interface ViewerMarker {
  point: Point;
  label: string;
  onRemove?: () => void;
  tone?: 'trainee' | 'truth';
}

export interface ViewerRegion {
  key: string;
  polygon: readonly Point[];
  tone: 'feature' | 'active' | 'truth';
  label?: string;
}

const LOUPE_SIZE = 200;
const LOUPE_SOURCES = ['2560.webp', '2560.jpeg', '2560.avif', '1280.webp', '1280.jpeg', '640.webp', '640.jpeg'];

/** The sharpest plain image of a layer, for the loupe. */
export function largestVariant(urls: ImageUrls): string | null {
  for (const key of LOUPE_SOURCES) if (urls.variants[key]) return urls.variants[key];
  return Object.values(urls.variants)[0] ?? null;
}

/** The smallest display variant (WebP first), for a quick preview. */
export function previewVariant(urls: ImageUrls): string | null {
  return urls.variants['640.webp'] ?? urls.variants['640.jpeg'] ?? null;
}

/** What the preview's <picture> loads in a browser with AVIF (all current ones), so the engine reuses it. */
function previewSource(urls: ImageUrls): string | undefined {
  return urls.variants['640.avif'] ?? previewVariant(urls) ?? undefined;
}

export function DocumentViewer({
  images,
  visible,
  label,
  onEngine,
  loupe = null,
  onImageClick,
  markers = [],
  regions = [],
  crosshair = false,
  children,
}: {
  images: ViewerImage[];
  visible: string;
  label: string;
  onEngine?: (engine: ViewerEngine | null) => void;
  /** Loupe magnification (×4–×10), or null when the loupe is off. */
  loupe?: number | null;
  onImageClick?: (point: Point) => void;
  markers?: ViewerMarker[];
  regions?: ViewerRegion[];
  /** Shows the centre of the view (where a marker placed by keyboard goes). */
  crosshair?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const createEngine = useCreateViewerEngine();
  const canvas = useRef<HTMLDivElement>(null);
  const [engine, setEngine] = useState<ViewerEngine | null>(null);
  const [failed, setFailed] = useState(false);
  const [frame, setFrame] = useState<ImageFrame | null>(null);
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);
  const clickRef = useRef(onImageClick);
  clickRef.current = onImageClick;
  const onEngineRef = useRef(onEngine);
  onEngineRef.current = onEngine;
  const visibleRef = useRef(visible);
  visibleRef.current = visible;

  const layersKey = images.map((i) => `${i.id}=${i.urls.dzi}`).join('|');
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    let cancelled = false;
    let created: ViewerEngine | null = null;
    const unsubscribe: Array<() => void> = [];
    setFailed(false);
    createEngine(
      element,
      images.map((i) => ({ id: i.id, dzi: i.urls.dzi, preview: previewSource(i.urls) })),
      visibleRef.current,
    ).then(
      (e) => {
        if (cancelled) {
          e.destroy();
          return;
        }
        created = e;
        unsubscribe.push(
          e.onFrame(setFrame),
          e.onImageClick((p) => clickRef.current?.(p)),
        );
        setEngine(e);
        onEngineRef.current?.(e);
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
      unsubscribe.forEach((u) => u());
      if (created) {
        onEngineRef.current?.(null);
        created.destroy();
      }
      setEngine(null);
      setFrame(null);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- layersKey stands for `images` (a new array each render)
  }, [createEngine, layersKey]);

  useEffect(() => {
    engine?.showLayer(visible);
  }, [engine, visible]);

  const visibleImage = images.find((i) => i.id === visible) ?? images[0];
  const loupeSrc = loupe && visibleImage ? largestVariant(visibleImage.urls) : null;
  const loupePoint = frame && pointer ? pixelToImagePoint(frame, pointer.x, pointer.y) : null;

  return (
    <div
      className={['fl-viewer', loupe ? 'fl-viewer--loupe' : ''].join(' ')}
      data-testid="document-viewer"
      onPointerMoveCapture={(e) => {
        if (!loupe) return;
        const rect = e.currentTarget.getBoundingClientRect();
        setPointer({ x: e.clientX - rect.left, y: e.clientY - rect.top });
      }}
      onPointerLeave={() => setPointer(null)}
    >
      <div ref={canvas} className="fl-viewer__canvas" role="img" aria-label={label} />
      {frame && regions.length > 0 && (
        <svg className="fl-viewer__regions" aria-hidden="true">
          {regions.map((r) => (
            <polygon
              key={r.key}
              className={`fl-region fl-region--${r.tone}`}
              points={r.polygon
                .map((p) => {
                  const { left, top } = frameToPixel(frame, p);
                  return `${left},${top}`;
                })
                .join(' ')}
            >
              {r.label && <title>{r.label}</title>}
            </polygon>
          ))}
        </svg>
      )}
      {frame &&
        markers.map((m, i) => {
          const { left, top } = frameToPixel(frame, m.point);
          const style = { left, top };
          return m.onRemove ? (
            <button
              key={`${i}-${m.point.join(',')}`}
              type="button"
              className={`fl-marker fl-marker--${m.tone ?? 'trainee'}`}
              style={style}
              onClick={m.onRemove}
              aria-label={t('player.removePoint', { n: m.label })}
              data-testid="suspect-marker"
            >
              {m.label}
            </button>
          ) : (
            <span
              key={`${i}-${m.point.join(',')}`}
              className={`fl-marker fl-marker--${m.tone ?? 'trainee'}`}
              style={style}
              data-testid="marker"
            >
              {m.label}
            </span>
          );
        })}
      {crosshair && <span className="fl-viewer__crosshair" aria-hidden="true" />}
      {loupeSrc && frame && pointer && loupePoint && (
        <div
          className="fl-loupe"
          data-testid="loupe"
          aria-hidden="true"
          style={{
            width: LOUPE_SIZE,
            height: LOUPE_SIZE,
            left: pointer.x - LOUPE_SIZE / 2,
            top: pointer.y - LOUPE_SIZE / 2,
            backgroundImage: `url("${loupeSrc}")`,
            backgroundSize: `${frame.width * loupe!}px ${frame.height * loupe!}px`,
            backgroundPosition: `${LOUPE_SIZE / 2 - loupePoint[0] * frame.width * loupe!}px ${LOUPE_SIZE / 2 - loupePoint[1] * frame.height * loupe!}px`,
          }}
        />
      )}
      {!engine && !failed && visibleImage && previewVariant(visibleImage.urls) && (
        // The small variant shows the document at once on a slow line, while the zoomable viewer loads.
        <picture>
          {visibleImage.urls.variants['640.avif'] && (
            <source type="image/avif" srcSet={visibleImage.urls.variants['640.avif']} />
          )}
          <img
            className="fl-viewer__preview"
            src={previewVariant(visibleImage.urls)!}
            alt=""
            data-testid="viewer-preview"
          />
        </picture>
      )}
      {!engine && !failed && (
        <div className="fl-viewer__status">
          <Spinner />
        </div>
      )}
      {failed && (
        <div className="fl-viewer__status" role="alert">
          {t('viewer.failed')}
        </div>
      )}
      {children}
    </div>
  );
}
