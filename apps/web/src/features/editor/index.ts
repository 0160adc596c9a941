export { RichTextEditor, preloadRichTextEditor } from './RichTextEditor';
export { isAllowedHref, type RichTextEditorProps, type RichTextHandle } from './types';
