import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { Button } from '@eclore/web-ui';

export interface FormDialogProps {
  open: boolean;
  title: ReactNode;
  submitLabel: ReactNode;
  cancelLabel: ReactNode;
  onSubmit: () => void;
  onCancel: () => void;
  busy?: boolean;
  children: ReactNode;
}

/**
 * A modal form on the native <dialog> (focus trapped, Escape closes, focus restored to the opener),
 * for the report, hide and merge dialogs. Focus starts on the first field.
 */
export function FormDialog({
  open,
  title,
  submitLabel,
  cancelLabel,
  onSubmit,
  onCancel,
  busy = false,
  children,
}: FormDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      el.querySelector<HTMLElement>('input, textarea, select')?.focus();
    } else if (!open && el.open) {
      el.close();
    }
  }, [open]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <dialog
      ref={dialog}
      className="ec-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={titleId} className="ec-dialog__title">
          {title}
        </h2>
        {open ? children : null}
        <div className="ec-dialog__actions">
          <Button variant="secondary" onClick={onCancel} disabled={busy}>
            {cancelLabel}
          </Button>
          <Button type="submit" disabled={busy}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}

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
