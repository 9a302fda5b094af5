import { useEffect, useRef, useState } from 'react';
import { Icon } from './Icons';

/** A search box that waits for a pause in typing; '/' anywhere focuses it. */
export function SearchBox({ value, onChange, placeholder }: { value: string; onChange: (value: string) => void; placeholder: string }) {
  const [text, setText] = useState(value);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onChange(text), 250);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    const onFocusSearch = () => input.current?.focus();
    window.addEventListener('keydown', onKey);
    window.addEventListener('dd:focus-search', onFocusSearch);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('dd:focus-search', onFocusSearch);
    };
  }, []);
  return (
    <label className="search">
      <Icon name="search" size={16} />
      <input ref={input} type="search" value={text} placeholder={placeholder} aria-label={placeholder} maxLength={200} onChange={(e) => setText(e.target.value)} />
      <kbd aria-hidden="true">/</kbd>
    </label>
  );
}

export interface Option<T extends string> {
  value: T;
  label: string;
}

/** A labelled select whose empty choice means "any". */
export function SelectFilter<T extends string>({ label, value, options, onChange, anyLabel = 'All' }: { label: string; value: T | undefined; options: Option<T>[]; onChange: (value: T | undefined) => void; anyLabel?: string }) {
  return (
    <label className="select">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as T | undefined)}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A row of toggle buttons (radio semantics) for a few choices. */
export function Segmented<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: Option<T>[]; onChange: (value: T) => void }) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <button key={o.value} role="radio" aria-checked={o.value === value} className={o.value === value ? 'on' : ''} onClick={() => onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
