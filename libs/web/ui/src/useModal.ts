import { useEffect, useRef, type RefObject } from 'react';

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
