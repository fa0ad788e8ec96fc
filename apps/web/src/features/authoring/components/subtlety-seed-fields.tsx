// The two fields every forge form ends with: how careful the forger was (crude … careful) and the seed that makes the
// same forgery again, with a button for a new one.
import { useTranslation } from 'react-i18next';
import { Button, TextField } from '@/components/ui';
import { newSeed } from '../lib/forge-form-state';

export function SubtletySeedFields({
  id,
  subtlety,
  seed,
  seedHint,
  onChange,
}: {
  /** Unique per form: the range's id. */
  id: string;
  subtlety: number;
  seed: number;
  seedHint: string;
  onChange: (change: { subtlety?: number; seed?: number }) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="fl-form__row">
      <div className="fl-field">
        <label className="fl-field__label" htmlFor={`${id}-subtlety`}>
          {t('authoring.forge.subtlety')}
        </label>
        <div className="fl-range">
          <span aria-hidden="true">{t('authoring.forge.crude')}</span>
          <input
            id={`${id}-subtlety`}
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={subtlety}
            aria-valuetext={t('authoring.forge.subtletyValue', { value: Math.round(subtlety * 100) })}
            onChange={(e) => onChange({ subtlety: Number(e.target.value) })}
          />
          <span aria-hidden="true">{t('authoring.forge.careful')}</span>
        </div>
      </div>
      <div className="fl-input-with-action">
        <TextField
          label={t('authoring.forge.seed')}
          hint={seedHint}
          type="number"
          inputMode="numeric"
          min={0}
          value={seed}
          onChange={(e) => onChange({ seed: Math.max(0, Math.floor(Number(e.target.value) || 0)) })}
        />
        <Button variant="secondary" onClick={() => onChange({ seed: newSeed() })}>
          {t('authoring.forge.newSeed')}
        </Button>
      </div>
    </div>
  );
}
