import { useEffect, useId, useImperativeHandle, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { ToolbarIcon, type ToolbarIconName } from './toolbar-icons';
import { isAllowedHref, type RichTextEditorProps } from './types';
import { useEditorText, type EditorText } from './i18n';
import './editor.css';

/**
 * The editor itself (Tiptap/ProseMirror), loaded only by pages that show it (see RichTextEditor).
 * It produces exactly what the server's allow-list keeps: paragraphs, line breaks, bold, italic,
 * underline, strike, level-3/4 headings, lists, quotes, inline and block code, http(s)/mailto links.
 */
export default function TiptapEditor({
  label,
  value,
  onChange,
  hint,
  error,
  disabled,
  required,
  rows = 6,
  handleRef,
}: RichTextEditorProps) {
  const s = useEditorText();
  const id = useId();
  const labelId = `${id}-label`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [3, 4] },
        horizontalRule: false,
        link: {
          openOnClick: false,
          autolink: true,
          protocols: ['http', 'https', 'mailto'],
          isAllowedUri: (url) => isAllowedHref(url),
          HTMLAttributes: { rel: 'noopener noreferrer', target: null },
        },
      }),
    ],
    content: value,
    editable: !disabled,
    // Tiptap would inject its base CSS as an inline <style>, which the Content-Security-Policy
    // (style-src 'self') refuses: the same rules ship in editor.css instead.
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        class: 'ec-input ec-rich-text__content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        ...(hintId || errorId ? { 'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') } : {}),
        ...(error ? { 'aria-invalid': 'true' } : {}),
        ...(required ? { 'aria-required': 'true' } : {}),
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? '' : e.getHTML()),
  });

  // Outside changes (a reset, a loaded draft) replace the content; our own echoes do not.
  useEffect(() => {
    if (!editor) return;
    const current = editor.isEmpty ? '' : editor.getHTML();
    if (value !== current) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  useEffect(() => {
    editor?.setEditable(!disabled);
  }, [editor, disabled]);

  useImperativeHandle(
    handleRef,
    () => ({
      insertText: (text: string) => {
        editor?.chain().focus().insertContent({ type: 'text', text }).run();
      },
      focus: () => {
        editor?.commands.focus();
      },
    }),
    [editor],
  );

  return (
    <div
      className={['ec-text-field', 'ec-rich-text', error ? 'ec-text-field--invalid' : null].filter(Boolean).join(' ')}
    >
      <span id={labelId} className="ec-text-field__label" onClick={() => editor?.commands.focus()}>
        {label}
      </span>
      {hint ? (
        <span id={hintId} className="ec-text-field__hint">
          {hint}
        </span>
      ) : null}
      {editor ? <Toolbar editor={editor} s={s} disabled={disabled} /> : null}
      {/* The height comes through a custom property set by React (CSSOM, which CSP allows): ProseMirror
          would write a style="" attribute, which style-src 'self' refuses. */}
      <EditorContent editor={editor} style={{ '--ec-rich-text-rows': rows } as CSSProperties} />
      {error ? (
        <span id={errorId} className="ec-text-field__error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

type Mark = 'bold' | 'italic' | 'underline' | 'strike' | 'code';

function Toolbar({ editor, s, disabled }: { editor: Editor; s: EditorText; disabled?: boolean }) {
  // Re-render the buttons' pressed state on selection changes only.
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      strike: e.isActive('strike'),
      code: e.isActive('code'),
      h3: e.isActive('heading', { level: 3 }),
      h4: e.isActive('heading', { level: 4 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      codeBlock: e.isActive('codeBlock'),
      link: e.isActive('link'),
    }),
  });
  const chain = () => editor.chain().focus();
  const mark = (name: Mark) => () => chain().toggleMark(name).run();
  const editLink = () => {
    const previous = (editor.getAttributes('link') as { href?: string }).href ?? '';
    const href = window.prompt(s.linkPrompt, previous);
    if (href === null) return;
    if (href.trim() === '') {
      chain().extendMarkRange('link').unsetLink().run();
      return;
    }
    if (!isAllowedHref(href)) {
      window.alert(s.linkRefused);
      return;
    }
    chain().extendMarkRange('link').setLink({ href: href.trim() }).run();
  };
  // SVG icons (never font glyphs, which render as empty boxes without an emoji font); the button's
  // aria-label names it.
  const buttons: Array<{ key: string; label: string; icon: ToolbarIconName; pressed: boolean; run: () => void }> = [
    { key: 'bold', label: s.bold, icon: 'bold', pressed: active.bold, run: mark('bold') },
    { key: 'italic', label: s.italic, icon: 'italic', pressed: active.italic, run: mark('italic') },
    { key: 'underline', label: s.underline, icon: 'underline', pressed: active.underline, run: mark('underline') },
    { key: 'strike', label: s.strike, icon: 'strike', pressed: active.strike, run: mark('strike') },
    {
      key: 'h3',
      label: s.heading3,
      icon: 'heading3',
      pressed: active.h3,
      run: () => chain().toggleHeading({ level: 3 }).run(),
    },
    {
      key: 'h4',
      label: s.heading4,
      icon: 'heading4',
      pressed: active.h4,
      run: () => chain().toggleHeading({ level: 4 }).run(),
    },
    {
      key: 'ul',
      label: s.bulletList,
      icon: 'bulletList',
      pressed: active.bulletList,
      run: () => chain().toggleBulletList().run(),
    },
    {
      key: 'ol',
      label: s.orderedList,
      icon: 'orderedList',
      pressed: active.orderedList,
      run: () => chain().toggleOrderedList().run(),
    },
    {
      key: 'quote',
      label: s.blockquote,
      icon: 'blockquote',
      pressed: active.blockquote,
      run: () => chain().toggleBlockquote().run(),
    },
    { key: 'code', label: s.code, icon: 'code', pressed: active.code, run: mark('code') },
    {
      key: 'pre',
      label: s.codeBlock,
      icon: 'codeBlock',
      pressed: active.codeBlock,
      run: () => chain().toggleCodeBlock().run(),
    },
    { key: 'link', label: s.link, icon: 'link', pressed: active.link, run: editLink },
  ];
  // One tab stop for the whole toolbar; arrows, Home and End move along it (WAI-ARIA toolbar pattern).
  const [current, setCurrent] = useState(0);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowLeft: current - 1,
      Home: 0,
      End: buttons.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = (target + buttons.length) % buttons.length;
    setCurrent(next);
    event.currentTarget.querySelectorAll('button')[next]?.focus();
  };
  return (
    <div className="ec-rich-text__toolbar" role="toolbar" aria-label={s.toolbar} onKeyDown={onKeyDown}>
      {buttons.map((b, i) => (
        <button
          key={b.key}
          type="button"
          className="ec-rich-text__button"
          aria-label={b.label}
          title={b.label}
          aria-pressed={b.pressed}
          tabIndex={i === current ? 0 : -1}
          onFocus={() => setCurrent(i)}
          disabled={disabled}
          // Keep the selection in the editor when the button is clicked.
          onMouseDown={(e) => e.preventDefault()}
          onClick={b.run}
        >
          <ToolbarIcon name={b.icon} />
        </button>
      ))}
    </div>
  );
}
