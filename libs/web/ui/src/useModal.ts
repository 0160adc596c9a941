import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

/** What every modal dialog of the kit is given: its state, its title and the way out. */
export interface ModalDialogProps {
  open: boolean;
  title: ReactNode;
  cancelLabel: ReactNode;
  /** Cancel, Escape: the caller closes the dialog by setting `open` to false. */
  onCancel: () => void;
  /** While a command runs: the buttons are off. */
  busy?: boolean;
}

/**
 * Opens and closes a native <dialog> as a modal with `open`: the browser traps focus, closes on
 * Escape (the dialog's `cancel` event) and restores focus to the opener on close. `focus` picks the
 * element to focus once open. Unmounting an open dialog closes it first, so focus is restored too.
 */
export function useModal(
  open: boolean,
  focus: (dialog: HTMLDialogElement) => HTMLElement | null | undefined,
): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  const focusRef = useRef(focus);
  focusRef.current = focus;
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      focusRef.current(el)?.focus();
    } else if (!open && el.open) {
      el.close();
    }
  }, [open]);
  useEffect(() => {
    const el = dialog.current;
    return () => {
      if (el?.open) el.close();
    };
  }, []);
  return dialog;
}
