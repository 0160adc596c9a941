import PDFDocument from 'pdfkit';

/**
 * The one place the server's PDFs (committee minutes, recognition certificates…) get their fonts.
 * pdfkit's built-in Helvetica is Latin-1 (WinAnsi) only: a name like Łukasz, Nguyễn or Ørsted would
 * print wrong or not at all. These documents embed DejaVu Sans instead, a TrueType font with Latin,
 * Greek and Cyrillic in full and Vietnamese, shipped by the `dejavu-fonts-ttf` npm package (never the
 * machine's /usr/share/fonts, absent on a fresh server). pdfkit embeds only the glyphs used, with a
 * ToUnicode map, so the text stays searchable and copyable.
 */
export const PDF_FONT = { regular: 'Unicode-Regular', bold: 'Unicode-Bold' } as const;
export type PdfFontName = (typeof PDF_FONT)[keyof typeof PDF_FONT];

/** The TrueType files behind PDF_FONT, resolved from node_modules. */
export function unicodeFontFiles(): Record<keyof typeof PDF_FONT, string> {
  return {
    regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  };
}

/**
 * A new PDF document whose default font is the Unicode regular face, with PDF_FONT's names
 * registered (`doc.font(PDF_FONT.bold)`). Helvetica is never loaded.
 */
export function createUnicodePdf(options: Omit<PDFKit.PDFDocumentOptions, 'font'> = {}): PDFKit.PDFDocument {
  const files = unicodeFontFiles();
  const doc = new PDFDocument({ ...options, font: files.regular });
  doc.registerFont(PDF_FONT.regular, files.regular);
  doc.registerFont(PDF_FONT.bold, files.bold);
  return doc;
}

/** Writes a document with `draw` and answers its bytes. */
export function renderPdf(
  options: Omit<PDFKit.PDFDocumentOptions, 'font'>,
  draw: (doc: PDFKit.PDFDocument) => void,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = createUnicodePdf(options);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw(doc);
      doc.end();
    } catch (error) {
      reject(error as Error);
    }
  });
}
