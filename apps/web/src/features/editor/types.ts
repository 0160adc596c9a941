import type { ReactNode } from 'react';

export interface RichTextEditorProps {
  label: ReactNode;
  /** HTML as the server stores it (sanitised); '' when empty. */
  value: string;
  /** Called with the editor's HTML, or '' when it holds no text. The server sanitises it again. */
  onChange: (html: string) => void;
  hint?: ReactNode;
  error?: ReactNode;
  disabled?: boolean;
  /** Lines of height before it scrolls (default 6). */
  rows?: number;
}

/** Link targets the server keeps (sanitizeRichText allows http, https and mailto only). */
export function isAllowedHref(href: string): boolean {
  return /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(href.trim());
}
