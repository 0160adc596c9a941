import exifReader from 'exif-reader';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import {
  AttachmentTooLarge,
  UnsupportedAttachmentType,
  attachmentFileName,
  detectAttachmentType,
  stripMetadata,
} from './attachment-content';
import {
  HTML_AS_PNG,
  SECRET_AUTHOR,
  jpegWithGps,
  pdfLinkTargets,
  pdfWithActions,
  pdfWithMetadata,
  pngWithMetadata,
  runnablePdfParts,
  webpWithMetadata,
} from '../../../../../test/fixtures/attachment-files';

describe('detectAttachmentType', () => {
  it('recognises PNG, JPEG, WebP and PDF by their bytes', async () => {
    expect(await detectAttachmentType(await pngWithMetadata())).toBe('image/png');
    expect(await detectAttachmentType(await jpegWithGps())).toBe('image/jpeg');
    expect(await detectAttachmentType(await webpWithMetadata())).toBe('image/webp');
    expect(await detectAttachmentType(await pdfWithMetadata())).toBe('application/pdf');
  });

  it('refuses HTML, SVG, GIF, ZIP and empty content, naming the field', async () => {
    const gif = await sharp({ create: { width: 2, height: 2, channels: 3, background: 'blue' } })
      .gif()
      .toBuffer();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    const zip = Buffer.from('504b0304140000000000', 'hex');
    for (const content of [HTML_AS_PNG, svg, gif, zip, Buffer.alloc(0)]) {
      const err = await detectAttachmentType(content).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnsupportedAttachmentType);
      expect((err as UnsupportedAttachmentType).kind).toBe('unsupported_media_type');
      expect((err as UnsupportedAttachmentType).fields[0]?.field).toBe('file');
    }
  });
});

describe('stripMetadata', () => {
  it('removes EXIF (GPS, artist) and XMP from a JPEG and keeps the picture', async () => {
    const original = await jpegWithGps();
    const before = await sharp(original).metadata();
    // The fixture really carries a GPS position and XMP (else the test below proves nothing).
    expect(exifReader(before.exif!).GPSInfo?.GPSLatitude).toEqual([48, 51, 24]);
    expect(before.xmp).toBeDefined();

    const stored = await stripMetadata(original, 'image/jpeg');
    const after = await sharp(stored).metadata();
    expect(after.format).toBe('jpeg');
    expect([after.width, after.height]).toEqual([16, 12]);
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(stored.includes(Buffer.from('Exif\0\0'))).toBe(false);
    expect(stored.includes(Buffer.from(SECRET_AUTHOR))).toBe(false);
  });

  it.each([
    ['image/png', pngWithMetadata, 'png'],
    ['image/webp', webpWithMetadata, 'webp'],
  ] as const)('removes EXIF and XMP from %s', async (type, make, format) => {
    const original = await make();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const stored = await stripMetadata(original, type);
    const after = await sharp(stored).metadata();
    expect(after.format).toBe(format);
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(stored.includes(Buffer.from(SECRET_AUTHOR))).toBe(false);
  });

  it('applies the EXIF orientation before dropping it', async () => {
    const portrait = await sharp({ create: { width: 30, height: 10, channels: 3, background: 'green' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const after = await sharp(await stripMetadata(portrait, 'image/jpeg')).metadata();
    expect([after.width, after.height]).toEqual([10, 30]);
    expect(after.orientation).toBeUndefined();
  });

  it('refuses a damaged image as unreadable', async () => {
    const truncated = (await jpegWithGps()).subarray(0, 200);
    await expect(stripMetadata(truncated, 'image/jpeg')).rejects.toBeInstanceOf(UnsupportedAttachmentType);
  });

  it('refuses a pixel bomb as too large', async () => {
    // 8000 × 8000 of one colour compresses to a few kB but would unpack to 192 MB.
    const bomb = await sharp({ create: { width: 8000, height: 8000, channels: 3, background: 'white' } })
      .png()
      .toBuffer();
    await expect(stripMetadata(bomb, 'image/png')).rejects.toBeInstanceOf(AttachmentTooLarge);
  });

  it('removes the Info dictionary, the XMP packet, the file ID and the open action from a PDF', async () => {
    const original = await pdfWithMetadata();
    const before = await PDFDocument.load(original, { updateMetadata: false });
    expect(before.getAuthor()).toBe(SECRET_AUTHOR);
    expect(before.getTitle()).toBe('Rapport confidentiel');
    expect(original.includes(Buffer.from(SECRET_AUTHOR))).toBe(true);

    const stored = await stripMetadata(original, 'application/pdf');
    const after = await PDFDocument.load(stored, { updateMetadata: false });
    // Checked first: pdf-lib's getters create an empty Info dictionary when there is none.
    expect(after.context.trailerInfo.Info).toBeUndefined();
    expect(after.getPageCount()).toBe(1);
    expect(after.getAuthor()).toBeUndefined();
    expect(after.getTitle()).toBeUndefined();
    expect(after.getCreator()).toBeUndefined();
    expect(after.getProducer()).toBeUndefined();
    expect(after.getKeywords()).toBeUndefined();
    const text = stored.toString('latin1');
    expect(text).not.toContain('/Metadata');
    expect(text).not.toContain('xmpmeta');
    expect(text).not.toContain('/OpenAction');
    expect(text).not.toContain('/Author');
    expect(text).not.toContain('/Info');
    expect(stored.includes(Buffer.from(SECRET_AUTHOR))).toBe(false);
  });

  it('removes every script and every action that is not navigation, keeping web links and GoTo', async () => {
    const original = await pdfWithActions();
    // The fixture does carry each kind (else the check below would check nothing).
    const before = await runnablePdfParts(original);
    for (const kind of [
      'JavaScript',
      'Launch',
      'SubmitForm',
      'ImportData',
      'GoToR',
      '/JS',
      '/XFA',
      'URI javascript:',
    ]) {
      expect(before.some((f) => f.includes(kind))).toBe(true);
    }
    const stored = await stripMetadata(original, 'application/pdf');
    expect(await runnablePdfParts(stored)).toEqual([]);
    const raw = stored.toString('latin1');
    for (const needle of ['/JavaScript', '/Launch', '/JS', '/XFA', '/SubmitForm', '/ImportData', '/GoToR', 'EVIL-']) {
      expect(raw).not.toContain(needle);
    }
    expect(await pdfLinkTargets(stored)).toEqual({ uris: ['https://example.org/kept'], goTos: 1 });
    expect((await PDFDocument.load(stored)).getPageCount()).toBe(1);
  });

  it('refuses a document that only looks like a PDF', async () => {
    await expect(stripMetadata(Buffer.from('%PDF-1.7\nnot really'), 'application/pdf')).rejects.toBeInstanceOf(
      UnsupportedAttachmentType,
    );
  });
});

describe('attachmentFileName', () => {
  it('keeps the base name, drops paths and unsafe characters, and takes the detected extension', () => {
    expect(attachmentFileName('C:\\Users\\jeanne\\plan "final".PNG', 'image/png')).toBe('plan final.png');
    expect(attachmentFileName('../../etc/passwd.png', 'application/pdf')).toBe('passwd.pdf');
    expect(attachmentFileName('schéma.jpeg', 'image/jpeg')).toBe('schéma.jpg');
    expect(attachmentFileName(undefined, 'image/webp')).toBe('attachment.webp');
    expect(attachmentFileName('\u0000\u0001.png', 'image/png')).toBe('attachment.png');
  });
});
