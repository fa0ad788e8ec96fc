// A search box with its magnifier icon: one label, used as placeholder and accessible name unless given apart.
import type { InputHTMLAttributes } from 'react';
import { SearchIcon } from './icons';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'onChange' | 'value'> & {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
};

export function SearchInput({ label, value, onValueChange, className, placeholder, ...rest }: Props) {
  return (
    <div className={['fl-search', className].filter(Boolean).join(' ')}>
      <SearchIcon size={18} className="fl-search__icon" />
      <input
        type="search"
        className="fl-input fl-search__input"
        aria-label={label}
        placeholder={placeholder ?? label}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        {...rest}
      />
    </div>
  );
}
