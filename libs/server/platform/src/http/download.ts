import { StreamableFile } from '@nestjs/common';
import contentDisposition from 'content-disposition';
import type { Response } from 'express';
import type { Readable } from 'node:stream';

/** "Étude coûts.pdf" → "Etude couts.pdf": accents dropped, anything else non-ASCII replaced. */
export function asciiFallback(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_');
}

export interface Download {
  fileName: string;
  contentType: string;
  content: Buffer | Readable;
  sizeBytes?: number | null;
}

/**
 * Answers a file as a download, the same way on every route: always an attachment (an ASCII fallback
 * plus the RFC 5987 UTF-8 name, so "Bilan Łódź.pdf" survives every browser), never sniffed, never
 * rendered with a script or an origin, and not kept by shared caches. `cacheControl`: 'no-store' for
 * a file reached through a link that is itself the authority (signed links, exports).
 */
export function sendDownload(
  res: Response,
  file: Download,
  cacheControl: 'private, no-cache' | 'no-store' = 'private, no-cache',
): StreamableFile {
  res.set({
    'Content-Disposition': contentDisposition(file.fileName, { fallback: asciiFallback(file.fileName) }),
    'Content-Type': file.contentType,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': cacheControl,
    'Referrer-Policy': 'no-referrer',
  });
  if (Buffer.isBuffer(file.content)) return new StreamableFile(file.content, { length: file.content.length });
  const length = file.sizeBytes ?? null;
  return new StreamableFile(file.content, length === null ? {} : { length });
}
