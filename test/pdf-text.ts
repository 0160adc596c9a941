// Reading back the PDFs the server writes: their text (pdf.js, through each font's ToUnicode map,
// as a reader's copy and search would) and the fonts they use.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * The PDF's text as pdf.js lays it out (lines kept), by pdf-parse in a child Node process: pdf.js
 * needs ESM workers Jest's VM lacks.
 */
export async function pdfLines(content: Buffer): Promise<string> {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const parser = new PDFParse({ data: Buffer.from(process.argv[1], 'base64') });
    parser.getText().then((r) => process.stdout.write(r.text)).finally(() => parser.destroy());`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, content.toString('base64')], {
    cwd: process.cwd(),
    maxBuffer: 20 * 1024 * 1024,
  });
  return stdout.normalize('NFC');
}

/** The PDF's text with one space for every run of spaces and line breaks (a long line wraps where the page ends). */
export async function pdfText(content: Buffer): Promise<string> {
  return (await pdfLines(content)).replace(/\s+/g, ' ');
}

/** The fonts a PDF names (`/BaseFont`) and whether each embeds a TrueType program (`/FontFile2`). */
export function pdfFonts(content: Buffer): { baseFonts: string[]; embeddedTrueType: number } {
  const raw = content.toString('latin1');
  const baseFonts = [...raw.matchAll(/\/BaseFont\s*\/([A-Za-z0-9+\-_]+)/g)].map((m) => m[1]!);
  const embeddedTrueType = [...raw.matchAll(/\/FontFile2\s/g)].length;
  return { baseFonts: [...new Set(baseFonts)], embeddedTrueType };
}
