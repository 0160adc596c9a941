// The runtime-neutral entry: Jest's CommonJS resolver does not follow the package's node/module-sync export.
import { fileTypeFromBuffer } from 'file-type/core';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';
import sharp from 'sharp';
import { DomainError } from '@eclore/domain';
import { removePdfActions } from './pdf-actions';

/** The only types an attachment may be, decided from the bytes, never from the name or the declared type. */
export const ATTACHMENT_TYPES = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
} as const;
export type AttachmentContentType = keyof typeof ATTACHMENT_TYPES;

/** Largest upload accepted (before metadata is stripped). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Decompression-bomb guard: a small file may not unpack to a gigantic bitmap. */
export const MAX_IMAGE_PIXELS = 40_000_000;

const FIELD = 'file';

/** 415: the content is not one of the accepted types (or cannot be read as the type it claims). */
export class UnsupportedAttachmentType extends DomainError {
  constructor(code: string, message: string) {
    super('unsupported_media_type', code, message, [{ field: FIELD, code, message }]);
  }
}

/** 413: the file is larger than the limit. */
export class AttachmentTooLarge extends DomainError {
  constructor(code: string, message: string) {
    super('payload_too_large', code, message, [{ field: FIELD, code, message }]);
  }
}

/** Detects the type from the magic bytes; refuses anything but PNG, JPEG, WebP and PDF. */
export async function detectAttachmentType(content: Buffer): Promise<AttachmentContentType> {
  const detected = await fileTypeFromBuffer(content);
  if (!detected || !(detected.mime in ATTACHMENT_TYPES)) {
    throw new UnsupportedAttachmentType(
      'unsupported_file_type',
      `The file's content is ${detected ? detected.mime : 'not a recognised type'}; only PNG, JPEG, WebP images and PDF documents are accepted.`,
    );
  }
  return detected.mime as AttachmentContentType;
}

/**
 * A copy of the content without metadata. Images are decoded and re-encoded (EXIF, XMP, IPTC, GPS,
 * ICC and comments are not carried over; the EXIF orientation is applied first so the picture
 * stays upright). PDFs lose their Info dictionary, every XMP /Metadata stream, the file ID,
 * document-level actions, and every script and non-navigation action (pdf-actions.ts). The
 * original bytes are never kept.
 */
export async function stripMetadata(content: Buffer, type: AttachmentContentType): Promise<Buffer> {
  return type === 'application/pdf' ? stripPdf(content) : stripImage(content, type);
}

async function stripImage(content: Buffer, type: Exclude<AttachmentContentType, 'application/pdf'>): Promise<Buffer> {
  try {
    const image = sharp(content, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).rotate();
    // sharp writes no metadata unless asked to (keepExif/withMetadata), which is the point here.
    if (type === 'image/png') return await image.png().toBuffer();
    if (type === 'image/jpeg') return await image.jpeg({ quality: 90, mozjpeg: true }).toBuffer();
    return await image.webp({ quality: 90 }).toBuffer();
  } catch (err) {
    if (/pixel limit/i.test(String((err as Error).message))) {
      throw new AttachmentTooLarge('image_too_large', `The image has more than ${MAX_IMAGE_PIXELS} pixels.`);
    }
    throw new UnsupportedAttachmentType('unreadable_file', 'The image could not be read; it may be damaged.');
  }
}

const METADATA = PDFName.of('Metadata');
const DOCUMENT_ACTIONS = [PDFName.of('OpenAction'), PDFName.of('AA')];

async function stripPdf(content: Buffer): Promise<Buffer> {
  try {
    return await rewritePdfWithoutMetadata(content);
  } catch (err) {
    const encrypted = (err as Error).name === 'EncryptedPDFError';
    throw new UnsupportedAttachmentType(
      encrypted ? 'encrypted_pdf' : 'unreadable_file',
      encrypted
        ? 'Encrypted PDF documents are not accepted.'
        : 'The PDF document could not be read; it may be damaged.',
    );
  }
}

async function rewritePdfWithoutMetadata(content: Buffer): Promise<Buffer> {
  // updateMetadata: false — pdf-lib would otherwise write its own Producer/dates into a new Info.
  const doc = await PDFDocument.load(content, { updateMetadata: false });
  // pdf-lib is lenient: garbage after a %PDF header loads as an empty document.
  if (doc.getPageCount() === 0) throw new Error('PDF without pages');
  const context = doc.context;
  // First, while the open action still points at its script: the script goes with it.
  removePdfActions(context, doc.catalog);
  const info = context.trailerInfo.Info;
  if (info instanceof PDFRef) context.delete(info);
  context.trailerInfo.Info = undefined;
  context.trailerInfo.ID = undefined;
  for (const name of DOCUMENT_ACTIONS) doc.catalog.delete(name);
  // XMP packets hang off the catalog and off any page, image or font: remove each, and the stream itself
  // (pdf-lib writes every object of the context, referenced or not).
  const metadataRefs = new Set<PDFRef>();
  for (const [, object] of context.enumerateIndirectObjects()) {
    const dict = dictOf(object);
    const value = dict?.get(METADATA);
    if (!dict || value === undefined) continue;
    if (value instanceof PDFRef) metadataRefs.add(value);
    dict.delete(METADATA);
  }
  for (const ref of metadataRefs) context.delete(ref);
  // Whatever other stream still declares itself XMP (unreferenced leftovers) goes too.
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('XML'))
      context.delete(ref);
  }
  // No object streams: every dictionary stays readable in the stored bytes, so a scanner (or a
  // test) looking for /JavaScript or /Launch in the file sees what a reader would run.
  return Buffer.from(await doc.save({ updateFieldAppearances: false, useObjectStreams: false }));
}

function dictOf(object: PDFObject): PDFDict | undefined {
  if (object instanceof PDFDict) return object;
  if (object instanceof PDFStream) return object.dict;
  return undefined;
}

/**
 * The name shown and offered on download: the uploader's base name without path, control or
 * quoting characters, with the extension of the detected type (a `.png` that is a PDF becomes `.pdf`).
 */
export function attachmentFileName(original: string | undefined, type: AttachmentContentType): string {
  const base = (original ?? '').split(/[\\/]/).pop() ?? '';
  const stem = base
    .replace(/\.[^.]*$/, '')
    .replace(/[\p{Cc}"<>|*?:]/gu, '')
    .trim()
    .slice(0, 120);
  return `${stem || 'attachment'}.${ATTACHMENT_TYPES[type]}`;
}
