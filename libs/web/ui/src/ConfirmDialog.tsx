import { useId, useRef, type ReactNode } from 'react';
import { Button } from './Button';
import { useModal, type ModalDialogProps } from './useModal';

export interface ConfirmDialogProps extends ModalDialogProps {
  children?: ReactNode;
  confirmLabel: ReactNode;
  onConfirm: () => void;
  /** Keeps the confirm button off until the dialog's own check passes (e.g. a name typed to confirm). */
  confirmDisabled?: boolean;
}

/**
 * A modal confirmation on the native <dialog>: the browser traps focus, closes on Escape and restores
 * focus to what opened it. Focus starts on Cancel, the safe choice.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  busy = false,
  confirmDisabled = false,
}: ConfirmDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const dialog = useModal(open, () => cancel.current);
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
      <h2 id={titleId} className="ec-dialog__title">
        {title}
      </h2>
      {children}
      <div className="ec-dialog__actions">
        <button
          ref={cancel}
          type="button"
          className="ec-button ec-button--secondary"
          onClick={onCancel}
          disabled={busy}
        >
          {cancelLabel}
        </button>
        <Button onClick={onConfirm} disabled={busy || confirmDisabled}>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
