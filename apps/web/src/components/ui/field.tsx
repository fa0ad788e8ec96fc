// Form fields: a visible label, optional hint, and an error that is announced and tied to the control.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  className?: string;
  id?: string;
  children: (control: FieldControlProps) => ReactNode;
}

export function Field({ label, hint, error, required, className, id, children }: FieldProps) {
  const autoId = useId();
  const controlId = id ?? `f${autoId}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['fl-field', error ? 'fl-field--invalid' : '', className].filter(Boolean).join(' ')}>
      <label className="fl-field__label" htmlFor={controlId}>
        {label}
        {required && (
          <span className="fl-field__required" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {hint && (
        <p className="fl-field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({ id: controlId, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error && (
        <p className="fl-field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

type FieldOwnProps = Pick<FieldProps, 'label' | 'hint' | 'error' | 'className'>;

export function TextField({
  label,
  hint,
  error,
  className,
  id,
  required,
  ...input
}: FieldOwnProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} hint={hint} error={error} className={className} id={id} required={required}>
      {(control) => <input className="fl-input" required={required} {...control} {...input} />}
    </Field>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export function SelectField({
  label,
  hint,
  error,
  className,
  id,
  required,
  options,
  placeholder,
  ...select
}: FieldOwnProps & SelectHTMLAttributes<HTMLSelectElement> & { options: SelectOption[]; placeholder?: string }) {
  return (
    <Field label={label} hint={hint} error={error} className={className} id={id} required={required}>
      {(control) => (
        <select className="fl-input fl-select" required={required} {...control} {...select}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function Checkbox({
  label,
  hint,
  ...input
}: { label: ReactNode; hint?: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const autoId = useId();
  const id = input.id ?? `c${autoId}`;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="fl-checkbox">
      <input type="checkbox" className="fl-checkbox__input" aria-describedby={hintId} {...input} id={id} />
      <div className="fl-checkbox__text">
        <label htmlFor={id} className="fl-checkbox__label">
          {label}
        </label>
        {hint && (
          <p className="fl-field__hint" id={hintId}>
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
