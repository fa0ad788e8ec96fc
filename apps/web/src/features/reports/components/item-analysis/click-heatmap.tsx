// The click heatmap of one item with its side and light pickers: opens on the side the truth marks, under the
// side's first light; the pickers offer what the clicks route says the exercise version has.
import type { DocumentSide, Light } from '@firstline/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingBlock, QueryError } from '@/components/ui';
import { useExerciseClicks } from '../../api/get-exercise-clicks';
import { useExerciseSides } from '../../api/get-exercise-sides';
import { ClickHeatmapView } from './click-heatmap-view';

interface Props {
  moduleId: string;
  exerciseId: string;
  exerciseVersionId: string;
}

function Heatmap({ initialSide, ...ids }: Props & { initialSide: DocumentSide }) {
  const { t } = useTranslation();
  const [side, setSide] = useState<DocumentSide>(initialSide);
  const [light, setLight] = useState<Light | undefined>(undefined);
  const clicks = useExerciseClicks({ ...ids, side, light });
  if (clicks.isPending) return <LoadingBlock />;
  if (clicks.isError) return <QueryError error={clicks.error} onRetry={() => clicks.refetch()} />;
  const data = clicks.data;
  return (
    <div className="fl-ia-heatmap-panel">
      <div className="fl-ia-heatmap__pickers">
        {data.sides.length > 1 && (
          <label className="fl-ia-picker">
            <span>{t('itemAnalysis.heatmap.side')}</span>
            <select
              className="fl-input fl-select"
              value={side}
              onChange={(e) => {
                setSide(e.target.value as DocumentSide);
                setLight(undefined);
              }}
            >
              {data.sides.map((s) => (
                <option key={s} value={s}>
                  {t(`taxonomy.side.${s}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="fl-ia-picker">
          <span>{t('itemAnalysis.heatmap.light')}</span>
          <select
            className="fl-input fl-select"
            value={data.light}
            onChange={(e) => setLight(e.target.value as Light)}
            disabled={data.lights.length < 2}
          >
            {data.lights.map((l) => (
              <option key={l} value={l}>
                {t(`taxonomy.light.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ClickHeatmapView clicks={data} />
    </div>
  );
}

export function ClickHeatmap(props: Props) {
  const sides = useExerciseSides(props.exerciseId);
  if (sides.isPending) return <LoadingBlock />;
  if (sides.isError) return <QueryError error={sides.error} onRetry={() => sides.refetch()} />;
  return <Heatmap key={props.exerciseVersionId} {...props} initialSide={sides.data.initial} />;
}
