// Picks the dimension a heatmap or breakdown is shown by: feature category, fraud type, light, state, document type.
import { HEATMAP_DIMENSIONS, type HeatmapDimension } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';

export function DimensionSwitch({
  value,
  onChange,
  dimensions = HEATMAP_DIMENSIONS,
}: {
  value: HeatmapDimension;
  onChange: (by: HeatmapDimension) => void;
  dimensions?: readonly HeatmapDimension[];
}) {
  const { t } = useTranslation();
  return (
    <div className="fl-dimension-switch">
      <span className="fl-filter__label" id="dimension-switch-label">
        {t('reports.heatmap.showBy')}
      </span>
      <div className="fl-segmented" role="group" aria-labelledby="dimension-switch-label">
        {dimensions.map((by) => (
          <button key={by} type="button" aria-pressed={by === value} onClick={() => onChange(by)}>
            {t(`taxonomy.dimension.${by}`)}
          </button>
        ))}
      </div>
    </div>
  );
}

export function isDimension(value: string | null): value is HeatmapDimension {
  return value !== null && (HEATMAP_DIMENSIONS as readonly string[]).includes(value);
}
