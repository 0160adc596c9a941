import { useId, type ReactNode } from 'react';

/** A labelled textarea with its error read with it. */
export function TextArea({
  label,
  value,
  onChange,
  error,
  hint,
  rows = 3,
  textareaRef,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  hint?: ReactNode;
  rows?: number;
  textareaRef?: React.Ref<HTMLTextAreaElement>;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['ec-text-field', error ? 'ec-text-field--invalid' : null].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="ec-text-field__label">
        {label}
      </label>
      {hint ? (
        <span id={`${id}-hint`} className="ec-text-field__hint">
          {hint}
        </span>
      ) : null}
      <textarea
        ref={textareaRef}
        id={id}
        className="ec-input ec-engagement__textarea"
        rows={rows}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <span id={`${id}-error`} className="ec-text-field__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
