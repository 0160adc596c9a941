import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';

export interface DisclosureOptions {
  /** A new value closes the panel (e.g. the address: navigating away closes it). */
  resetKey?: unknown;
  /** The panel's id when the page fixes it; otherwise a generated one. */
  panelId?: string;
  /** Also close on Escape anywhere and on a click outside the root (a popover rather than an inline panel). */
  dismissOutside?: boolean;
}

export interface Disclosure {
  open: boolean;
  close: () => void;
  panelId: string;
  /** Spread on the button that shows and hides the panel. */
  buttonProps: {
    ref: RefObject<HTMLButtonElement | null>;
    'aria-expanded': boolean;
    'aria-controls': string;
    onClick: () => void;
  };
  /** The element holding the button and the panel: a click outside it dismisses (with `dismissOutside`). */
  rootRef: RefObject<HTMLDivElement | null>;
  /** On the root: Escape inside it closes the panel and puts focus back on the button. */
  onKeyDown: (event: KeyboardEvent) => void;
}

/**
 * A disclosure: a button (`aria-expanded`, `aria-controls`) showing and hiding a panel of plain links
 * and buttons, closed by Escape (focus back on the button) and by `resetKey` changing.
 */
export function useDisclosure({ resetKey, panelId, dismissOutside = false }: DisclosureOptions = {}): Disclosure {
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(resetKey);
  if (key !== resetKey) {
    // Adjusting state during render (not in an effect), so the stale panel never paints.
    setKey(resetKey);
    setOpen(false);
  }
  const generatedId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const dismiss = () => {
    setOpen(false);
    button.current?.focus();
  };
  useEffect(() => {
    if (!open || !dismissOutside) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onClick = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [open, dismissOutside]);
  const id = panelId ?? generatedId;
  return {
    open,
    close: () => setOpen(false),
    panelId: id,
    buttonProps: { ref: button, 'aria-expanded': open, 'aria-controls': id, onClick: () => setOpen((o) => !o) },
    rootRef: root,
    onKeyDown: (event) => {
      // With dismissOutside the document listener already handles it.
      if (event.key === 'Escape' && open && !dismissOutside) dismiss();
    },
  };
}
