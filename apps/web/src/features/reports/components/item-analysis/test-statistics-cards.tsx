// The test-level figures of a module version (Moodle's quiz statistics), each with its meaning in plain words.
import type { TestStatistics } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { useFigureFormat, type FigureFormat } from '../../hooks/use-figure-format';
import { FigureTip } from './figure-tip';

type Key = keyof TestStatistics;

const CARDS: Array<{ key: Key; show: (value: number | null, f: FigureFormat) => string }> = [
  { key: 'attempts', show: (v, f) => (v === null ? '—' : f.num(v)) },
  { key: 'mean', show: (v, f) => f.score(v) },
  { key: 'median', show: (v, f) => f.score(v) },
  { key: 'sd', show: (v, f) => f.score(v) },
  { key: 'skewness', show: (v, f) => f.dec(v) },
  { key: 'kurtosis', show: (v, f) => f.dec(v) },
  { key: 'cic', show: (v, f) => f.score(v) },
  { key: 'errorRatio', show: (v, f) => f.score(v) },
  { key: 'standardError', show: (v, f) => f.score(v) },
];

export function TestStatisticsCards({ test }: { test: TestStatistics }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  return (
    <dl className="fl-stats fl-figures fl-ia-test" data-testid="test-statistics">
      {CARDS.map(({ key, show }) => {
        const label = t(`itemAnalysis.test.${key}`);
        return (
          <div className="fl-stat fl-figure" key={key}>
            <dt>
              {label} <FigureTip label={label} text={t(`itemAnalysis.test.${key}Help`)} />
            </dt>
            <dd>
              <span className="fl-figure__value" dir="ltr">
                {show(test[key], f)}
              </span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
