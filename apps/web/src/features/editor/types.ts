import type { ReactNode, Ref } from 'react';

/** What a form may do to the editor from outside (e.g. the mention picker inserting a token). */
export interface RichTextHandle {
  /** Inserts plain text at the cursor (the end if the editor never had focus) and focuses the editor. */
  insertText: (text: string) => void;
  focus: () => void;
}

export interface RichTextEditorProps {
  label: ReactNode;
  /** HTML as the server stores it (sanitised); '' when empty. */
  value: string;
  /** Called with the editor's HTML, or '' when it holds no text. The server sanitises it again. */
  onChange: (html: string) => void;
  hint?: ReactNode;
  error?: ReactNode;
  disabled?: boolean;
  /** Marks the editor aria-required (the label should say so too). */
  required?: boolean;
  /** Lines of height before it scrolls (default 6). */
  rows?: number;
  /** Receives the editor's handle once it is loaded. */
  handleRef?: Ref<RichTextHandle>;
}

/** Link targets the server keeps (sanitizeRichText allows http, https and mailto only). */
export function isAllowedHref(href: string): boolean {
  return /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(href.trim());
}
