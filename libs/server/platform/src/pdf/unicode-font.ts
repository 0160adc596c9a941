import { dirname, join } from 'node:path';

/**
 * The Unicode fonts of our PDFs: DejaVu Sans (the `dejavu-fonts-ttf` package), which covers Latin,
 * Greek and Cyrillic with their accents (Łukasz, Nguyễn, Zoë, Ørsted, « », ’, €), unlike pdfkit's
 * built-in Helvetica (WinAnsi only). Register them on a document, then use the names returned.
 */
export interface UnicodeFonts {
  regular: string;
  bold: string;
}

let folder: string | undefined;

/** The folder of the TrueType files, resolved once from the installed package. */
export function unicodeFontFolder(): string {
  folder ??= join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return folder;
}

/** Registers DejaVu Sans (regular and bold) on a pdfkit document and returns their names. */
export function registerUnicodeFonts(doc: { registerFont: (name: string, src: string) => unknown }): UnicodeFonts {
  const dir = unicodeFontFolder();
  doc.registerFont('DejaVuSans', join(dir, 'DejaVuSans.ttf'));
  doc.registerFont('DejaVuSans-Bold', join(dir, 'DejaVuSans-Bold.ttf'));
  return { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' };
}
