import { pdfFonts, pdfText } from '../../../../../test/pdf-text';
import { PDF_FONT, renderPdf, unicodeFontFiles } from './unicode-pdf';

/** fontkit is pdfkit's own font engine (it ships no type declarations): the part used here. */
interface FontKit {
  openSync(path: string): { hasGlyphForCodePoint(codePoint: number): boolean };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit') as FontKit;

/** Names the box must print as written (docs/recognition.md §3). */
const NAMES = [
  'Łukasz Wiśniewski',
  'Nguyễn Thị Hương',
  'Zoë Ørsted',
  'Ðorđe Šćepanović',
  'Çağla Öztürk',
  'Cœur « essai » – 12 €',
];

describe('the Unicode PDF fonts', () => {
  it('has a real glyph (not .notdef) for every character of the names, in both faces', () => {
    for (const file of Object.values(unicodeFontFiles())) {
      const font = fontkit.openSync(file);
      const missing = [...NAMES.join('')].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!));
      expect({ file, missing }).toEqual({ file, missing: [] });
    }
  });

  it('writes them into a PDF that embeds the TrueType font, no Latin-1 standard font, and reads back as written', async () => {
    const pdf = await renderPdf({ size: 'A4', lang: 'fr' }, (doc) => {
      doc.font(PDF_FONT.bold).fontSize(16).text(NAMES[0]!);
      for (const name of NAMES.slice(1)) doc.font(PDF_FONT.regular).fontSize(11).text(name);
    });
    const fonts = pdfFonts(pdf);
    // Two faces used, both subsets of DejaVu Sans embedded as TrueType programs.
    expect(fonts.embeddedTrueType).toBe(2);
    expect(fonts.baseFonts.every((f) => /DejaVuSans/.test(f))).toBe(true);
    expect(fonts.baseFonts.some((f) => /Helvetica|Times|Courier/.test(f))).toBe(false);
    const text = await pdfText(pdf);
    for (const name of NAMES) expect(text).toContain(name);
  });
});
