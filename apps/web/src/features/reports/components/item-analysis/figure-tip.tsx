// A figure's meaning in plain words: a small "?" beside its label that shows the explanation on hover, on keyboard
// focus and on a tap (a touch screen has no hover), read to screen readers as the label's description.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function FigureTip({ label, text }: { label: string; text: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <span className={`fl-ia-tip${open ? ' fl-ia-tip--open' : ''}`}>
      <button
        type="button"
        className="fl-ia-tip__button"
        aria-label={t('itemAnalysis.explain', { figure: label })}
        aria-describedby={id}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        onBlur={() => setOpen(false)}
      >
        ?
      </button>
      <span role="tooltip" id={id} className="fl-ia-tip__text">
        {text}
      </span>
    </span>
  );
}
