import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';

/** One choice of a SelectField. */
export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/** The choices for `keys`, each named by its label in `labels` (a text table keyed the same), in order. */
export function optionsOf<K extends string>(
  keys: readonly K[],
  labels: Readonly<Record<K, string>> | Readonly<Record<string, string>>,
): SelectOption[] {
  return keys.map((key) => ({ value: key, label: labels[key] }));
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: ReactNode;
  /** Hide the label visually (it stays the select's accessible name). */
  hideLabel?: boolean;
  /** The first choice, `value=""`: what choosing nothing means ("any stage", "nobody"). */
  placeholder?: string;
  /** The choices, after the placeholder and before any `<option>` children. */
  options?: readonly SelectOption[];
  /** The field's error: marks the select invalid and is read with it. */
  error?: ReactNode;
}

/** A native `<select>` with a real `<label>`: keyboard and screen-reader support come for free. */
export function SelectField({
  label,
  hideLabel = false,
  placeholder,
  options = [],
  error,
  className,
  children,
  ...rest
}: SelectFieldProps) {
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <span className={['ec-field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className={hideLabel ? 'ec-visually-hidden' : undefined}>
        {label}
      </label>
      <select
        id={id}
        className="ec-select"
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        {...rest}
      >
        {placeholder === undefined ? null : <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
      {error ? (
        <span id={errorId} className="ec-text-field__error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
