// Test files for the attachments API tests, made on the fly: real encoders (sharp, pdf-lib) write real
// metadata into them (same recipes as the unit tests' fixtures in libs/server/ideas, which the app may not import).
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import sharp from 'sharp';

// ASCII so it can be found in raw bytes (pdf-lib writes non-ASCII Info strings as UTF-16 hex).
export const SECRET_AUTHOR = 'Jeanne Mystery-Author';

const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>${SECRET_AUTHOR}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`;

const EXIF = {
  IFD0: { Artist: SECRET_AUTHOR, Copyright: SECRET_AUTHOR },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2400/100', GPSLongitudeRef: 'E', GPSLongitude: '2/1 21/1 0/1' },
};

const base = (width = 16, height = 12) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } });

/** A JPEG carrying EXIF (artist, GPS position) and XMP (creator). */
export function jpegWithGps(): Promise<Buffer> {
  return base().jpeg().withExif(EXIF).withXmp(XMP).toBuffer();
}

export function pngWithMetadata(): Promise<Buffer> {
  return base().png().withExif(EXIF).withXmp(XMP).toBuffer();
}

export function webpWithMetadata(): Promise<Buffer> {
  return base().webp().withExif(EXIF).withXmp(XMP).toBuffer();
}

/** A one-page PDF with Author/Title/Subject/Keywords/Creator/Producer in Info and an XMP packet on the catalog. */
export async function pdfWithMetadata(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText('Bonjour', { x: 20, y: 100 });
  doc.setAuthor(SECRET_AUTHOR);
  doc.setTitle('Rapport confidentiel');
  doc.setSubject('Sujet');
  doc.setKeywords(['secret']);
  doc.setCreator('Traitement de texte de Jeanne');
  doc.setProducer('Producteur');
  const xmp = doc.context.stream(XMP, { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** An HTML page, to be uploaded as `photo.png`. */
export const HTML_AS_PNG = Buffer.from(
  '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>',
);
