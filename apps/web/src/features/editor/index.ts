export { RichTextEditor, preloadRichTextEditor } from './RichTextEditor';
export { isAllowedHref, type RichTextEditorProps } from './types';
