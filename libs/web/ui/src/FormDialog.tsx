import { useId, type FormEvent, type ReactNode } from 'react';
import { Button } from './Button';
import { useModal, type ModalDialogProps } from './useModal';

export interface FormDialogProps extends ModalDialogProps {
  submitLabel: ReactNode;
  onSubmit: () => void;
  /** Extra class on the <dialog>, for a feature's layout of its fields. */
  className?: string;
  children: ReactNode;
}

/**
 * A modal form on the native <dialog> (focus trapped, Escape cancels, focus restored to the opener).
 * Focus starts on the first field; Enter or the submit button calls `onSubmit` (the browser's own
 * validation is off: the API's field errors are shown on the fields). The fields are rendered only
 * while open, so each opening starts from the caller's state.
 */
export function FormDialog({
  open,
  title,
  submitLabel,
  cancelLabel,
  onSubmit,
  onCancel,
  busy = false,
  className,
  children,
}: FormDialogProps) {
  const titleId = useId();
  const dialog = useModal(open, (el) => el.querySelector<HTMLElement>('input, textarea, select'));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <dialog
      ref={dialog}
      className={['ec-dialog', className].filter(Boolean).join(' ')}
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
