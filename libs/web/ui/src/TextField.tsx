import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: ReactNode;
  /** Help shown under the label, tied to the input with aria-describedby. */
  hint?: ReactNode;
  /** The field's error: marks the input invalid and is read with it. */
  error?: ReactNode;
  hideLabel?: boolean;
}

/** A labelled text input with its hint and error wired for screen readers. */
export function TextField({ label, hint, error, hideLabel = false, className, ...rest }: TextFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['ec-text-field', error ? 'ec-text-field--invalid' : null, className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className={hideLabel ? 'ec-visually-hidden' : 'ec-text-field__label'}>
        {label}
      </label>
      {hint ? (
        <span id={hintId} className="ec-text-field__hint">
          {hint}
        </span>
      ) : null}
      <input
        id={id}
        className="ec-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...rest}
      />
      {error ? (
        <span id={errorId} className="ec-text-field__error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
