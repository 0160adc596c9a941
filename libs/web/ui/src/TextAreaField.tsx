import { useId, type ReactNode, type TextareaHTMLAttributes } from 'react';

/** A labelled multi-line field with hint and error wired for screen readers. */
export function TextAreaField({
  label,
  hint,
  error,
  className,
  ...rest
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={['ec-text-field', error ? 'ec-text-field--invalid' : null, className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="ec-text-field__label">
        {label}
      </label>
      {hint ? (
        <span id={hintId} className="ec-text-field__hint">
          {hint}
        </span>
      ) : null}
      <textarea
        id={id}
        className="ec-input ec-textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
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

/**
 * A field error next to a group (radio/checkbox sets, selects); its id ties it to the group with
 * aria-describedby. Always rendered (empty when valid) so the live region exists before it speaks.
 */
export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <span id={id} className="ec-text-field__error" aria-live="polite">
      {children}
    </span>
  );
}
