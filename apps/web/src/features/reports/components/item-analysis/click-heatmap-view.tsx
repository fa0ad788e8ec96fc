// One side of a document with where officers clicked: the image, every locate point as a density (canvas, scaled
// up smoothly by the browser), each point as a dot, the true regions outlined, and the share of points that hit no
// region. Coordinates are normalised 0–1, so the layers line up at any size.
import type { ExerciseClicks } from '@firstline/contracts';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFigureFormat } from '../../hooks/use-figure-format';
import { clickDensity, densityPixels } from '../../lib/click-density';

/** A card's width / height (ID-1), when the side has no image to measure. */
const CARD_ASPECT = 85.6 / 53.98;

export function ClickHeatmapView({ clicks }: { clicks: ExerciseClicks }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const canvas = useRef<HTMLCanvasElement>(null);
  const aspect = clicks.image ? clicks.image.width / clicks.image.height : CARD_ASPECT;
  const grid = useMemo(() => clickDensity(clicks.points, { aspect }), [clicks.points, aspect]);

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    el.width = grid.cols;
    el.height = grid.rows;
    const image = ctx.createImageData(grid.cols, grid.rows);
    image.data.set(densityPixels(grid));
    ctx.putImageData(image, 0, 0);
    el.dataset.drawn = String(clicks.points.length);
  }, [grid, clicks.points.length]);

  const misses = clicks.points.filter((p) => !p.hit).length;
  const side = t(`taxonomy.side.${clicks.side}`);
  return (
    <figure className="fl-ia-heatmap" data-testid="click-heatmap">
      <div className="fl-ia-heatmap__stage" style={{ aspectRatio: String(aspect) }} dir="ltr">
        {clicks.image ? (
          <img
            className="fl-ia-heatmap__image"
            src={clicks.image.url}
            alt={t('itemAnalysis.heatmap.imageAlt', { side, light: t(`taxonomy.light.${clicks.light}`) })}
          />
        ) : (
          <div className="fl-ia-heatmap__image fl-ia-heatmap__image--none">{t('itemAnalysis.heatmap.noImage')}</div>
        )}
        <canvas ref={canvas} className="fl-ia-heatmap__density" data-testid="heatmap-canvas" aria-hidden="true" />
        <svg className="fl-ia-heatmap__overlay" viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true">
          {clicks.regions.map((r, i) => (
            <polygon
              key={i}
              points={r.polygon.map(([x, y]) => `${x},${y}`).join(' ')}
              className="fl-ia-heatmap__region"
              vectorEffect="non-scaling-stroke"
              data-testid="truth-region"
            />
          ))}
        </svg>
        {clicks.points.map((p, i) => (
          <span
            key={i}
            className={`fl-ia-heatmap__dot${p.hit ? '' : ' fl-ia-heatmap__dot--miss'}`}
            style={{ left: `${p.x * 100}%`, top: `${p.y * 100}%` }}
          />
        ))}
      </div>
      <figcaption className="fl-ia-heatmap__caption" data-testid="miss-share">
        {clicks.missShare === null
          ? t('itemAnalysis.heatmap.noPoints', { side })
          : t('itemAnalysis.heatmap.missShare', {
              share: f.pct(clicks.missShare),
              misses: f.num(misses),
              count: clicks.points.length,
              n: f.num(clicks.points.length),
              responses: f.num(clicks.responses),
            })}{' '}
        {t('itemAnalysis.heatmap.legend', { count: clicks.regions.length, n: f.num(clicks.regions.length) })}
      </figcaption>
    </figure>
  );
}
