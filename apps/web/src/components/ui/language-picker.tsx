// English / Urdu switch. Presentational: the caller decides what a change means (e.g. saving the preference).
import { LANGUAGES, type Language } from '@firstline/contracts/vocabulary';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '@/lib/i18n';
import { GlobeIcon } from './icons';

export function LanguagePicker({
  value,
  onChange,
  disabled,
  tone = 'light',
}: {
  value: Language;
  onChange: (lng: Language) => void;
  disabled?: boolean;
  /** 'dark' for use on the dark top bar. */
  tone?: 'light' | 'dark';
}) {
  const { t } = useTranslation();
  return (
    <div className={`fl-lang fl-lang--${tone}`} role="group" aria-label={t('language.label')}>
      <GlobeIcon size={18} className="fl-lang__icon" />
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className="fl-lang__option"
          aria-pressed={value === lng}
          disabled={disabled}
          onClick={() => value !== lng && onChange(lng)}
        >
          {LANGUAGE_NAMES[lng]}
        </button>
      ))}
    </div>
  );
}
