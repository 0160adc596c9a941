import { Suspense, lazy } from 'react';
import { useEditorText } from './i18n';
import type { RichTextEditorProps } from './types';

// Tiptap and ProseMirror weigh more than the rest of a page: fetched only when an editor is shown.
const TiptapEditor = lazy(() => import('./TiptapEditor'));

/**
 * The rich-text field for idea bodies and comments. Controlled: `value` is HTML, `onChange` gets
 * HTML ('' when empty). Whatever it produces, the server sanitises (sanitizeRichText) before storing.
 */
export function RichTextEditor(props: RichTextEditorProps) {
  const s = useEditorText();
  return (
    <Suspense
      fallback={
        <div className="ec-text-field" aria-busy="true">
          <span className="ec-text-field__label">{props.label}</span>
          <p role="status">{s.loading}</p>
        </div>
      }
    >
      <TiptapEditor {...props} />
    </Suspense>
  );
}

/** Starts loading the editor early (e.g. when a "reply" button is hovered). */
export function preloadRichTextEditor(): void {
  void import('./TiptapEditor');
}
