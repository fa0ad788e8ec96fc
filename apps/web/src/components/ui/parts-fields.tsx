// The question parts an exercise (or an item model) asks: locate with its number of points, fraud type, features,
// MRZ — one set of fields for the exercise editor and the module editor's item models.
import type { ExerciseParts } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Checkbox, TextField } from './field';

const clampPoints = (value: string) => Math.min(10, Math.max(1, Math.floor(Number(value) || 1)));

export function PartsFields({ parts, onChange }: { parts: ExerciseParts; onChange: (parts: ExerciseParts) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="fl-check-grid">
        <Checkbox
          label={t('exercises.parts.locate')}
          checked={parts.locate !== null}
          onChange={(e) => onChange({ ...parts, locate: e.target.checked ? { maxPoints: 3 } : null })}
        />
        <Checkbox
          label={t('exercises.parts.fraudType')}
          checked={parts.fraudType}
          onChange={(e) => onChange({ ...parts, fraudType: e.target.checked })}
        />
        <Checkbox
          label={t('exercises.parts.features')}
          checked={parts.features}
          onChange={(e) => onChange({ ...parts, features: e.target.checked })}
        />
        <Checkbox
          label={t('exercises.parts.mrz')}
          checked={parts.mrz}
          onChange={(e) => onChange({ ...parts, mrz: e.target.checked })}
        />
      </div>
      {parts.locate && (
        <TextField
          className="fl-field--narrow"
          label={t('exercises.parts.maxPoints')}
          type="number"
          min={1}
          max={10}
          value={parts.locate.maxPoints}
          dir="ltr"
          onChange={(e) => onChange({ ...parts, locate: { maxPoints: clampPoints(e.target.value) } })}
        />
      )}
    </>
  );
}
