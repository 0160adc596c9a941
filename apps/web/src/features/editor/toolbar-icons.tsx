/**
 * The toolbar's icons as tiny inline SVG: the shapes of Lucide (https://lucide.dev, ISC licence)
 * without its runtime, which would push the editor's chunk over its 130 kB budget. SVG, never font
 * glyphs: emoji render as empty boxes without an emoji font. One <path> per shape: a leading
 * relative move is absolute only at the start of a path.
 */
const PATHS = {
  bold: ['M6 12h9a4 4 0 0 1 0 8H7a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h7a4 4 0 0 1 0 8'],
  italic: ['M19 4L10 4', 'M14 20L5 20', 'M15 4L9 20'],
  underline: ['M6 4v6a6 6 0 0 0 12 0V4', 'M4 20L20 20'],
  strike: ['M16 4H9a3 3 0 0 0-2.83 4', 'M14 12a4 4 0 0 1 0 8H6', 'M4 12L20 12'],
  heading3: [
    'M4 12h8',
    'M4 18V6',
    'M12 18V6',
    'M17.5 10.5c1.7-1 3.5 0 3.5 1.5a2 2 0 0 1-2 2',
    'M17 17.5c2 1.5 4 .3 4-1.5a2 2 0 0 0-2-2',
  ],
  heading4: ['M12 18V6', 'M17 10v3a1 1 0 0 0 1 1h3', 'M21 10v8', 'M4 12h8', 'M4 18V6'],
  bulletList: ['M3 5h.01', 'M3 12h.01', 'M3 19h.01', 'M8 5h13', 'M8 12h13', 'M8 19h13'],
  orderedList: [
    'M11 5h10',
    'M11 12h10',
    'M11 19h10',
    'M4 4h1v5',
    'M4 9h2',
    'M6.5 20H3.4c0-1 2.6-1.925 2.6-3.5a1.5 1.5 0 0 0-2.6-1.02',
  ],
  blockquote: [
    'M16 3a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2 1 1 0 0 1 1 1v1a2 2 0 0 1-2 2 1 1 0 0 0-1 1v2a1 1 0 0 0 1 1 6 6 0 0 0 6-6V5a2 2 0 0 0-2-2z',
    'M5 3a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2 1 1 0 0 1 1 1v1a2 2 0 0 1-2 2 1 1 0 0 0-1 1v2a1 1 0 0 0 1 1 6 6 0 0 0 6-6V5a2 2 0 0 0-2-2z',
  ],
  code: ['m16 18 6-6-6-6', 'm8 6-6 6 6 6'],
  codeBlock: [
    'M8 3H7a2 2 0 0 0-2 2v5a2 2 0 0 1-2 2 2 2 0 0 1 2 2v5c0 1.1.9 2 2 2h1',
    'M16 21h1a2 2 0 0 0 2-2v-5c0-1.1.9-2 2-2a2 2 0 0 1-2-2V5a2 2 0 0 0-2-2h-1',
  ],
  link: [
    'm11 6 1.5-1.5a5 5 0 0 1 8.415 3.51A5 5 0 0 1 19.5 11.5L18 13',
    'm13 18-1.5 1.5a5 5 0 0 1-8.415-3.51A5 5 0 0 1 4.5 12.5L6 11',
    'm9 15 6-6',
  ],
} as const;

export type ToolbarIconName = keyof typeof PATHS;

/** Decorative: the button carries the accessible name. */
export function ToolbarIcon({ name }: { name: ToolbarIconName }) {
  return (
    <svg
      className="ec-rich-text__icon"
      aria-hidden="true"
      focusable="false"
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {PATHS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
