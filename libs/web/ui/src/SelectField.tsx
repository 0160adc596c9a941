import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: ReactNode;
  /** Hide the label visually (it stays the select's accessible name). */
  hideLabel?: boolean;
}

/** A native `<select>` with a real `<label>`: keyboard and screen-reader support come for free. */
export function SelectField({ label, hideLabel = false, className, children, ...rest }: SelectFieldProps) {
  const id = useId();
  return (
    <span className={['ec-field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className={hideLabel ? 'ec-visually-hidden' : undefined}>
        {label}
      </label>
      <select id={id} className="ec-select" {...rest}>
        {children}
      </select>
    </span>
  );
}
