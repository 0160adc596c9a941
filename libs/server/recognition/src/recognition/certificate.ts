import { RECOGNITION_LABELS, type Locale, type RecognitionForm, type RecognitionMilestone } from '@eclore/domain';
import { PDF_FONT, renderPdf } from '@eclore/server-platform';

/** What a certificate says: the organisation, the person, the idea, the form, the milestone, the message. */
export interface CertificateInput {
  locale: Locale;
  organisation: string;
  /** The person's direction (top unit), printed under the organisation when it differs. */
  unit: string | null;
  person: string;
  ideaTitle: string;
  form: RecognitionForm;
  milestone: RecognitionMilestone;
  message: string;
  recordedAt: Date;
}

// prettier-ignore
const TEXT = {
  fr: {
    title: 'Certificat de reconnaissance',
    awardedTo: 'décerné à',
    forIdea: 'pour sa contribution à l’idée',
    milestone: 'Étape',
    on: 'Le',
    filename: 'certificat-reconnaissance',
    ...RECOGNITION_LABELS.fr,
    quote: (t: string) => `« ${t} »`,
  },
  en: {
    title: 'Certificate of recognition',
    awardedTo: 'awarded to',
    forIdea: 'for their contribution to the idea',
    milestone: 'Milestone',
    on: 'On',
    filename: 'recognition-certificate',
    ...RECOGNITION_LABELS.en,
    quote: (t: string) => `“${t}”`,
  },
} as const satisfies Record<Locale, unknown>;

export function certificateFilename(locale: Locale, recordedAt: Date): string {
  return `${TEXT[locale].filename}-${recordedAt.toISOString().slice(0, 10)}.pdf`;
}

/** The certificate as a one-page A4 PDF in the person's language, in the embedded Unicode font. */
export function renderCertificate(input: CertificateInput): Promise<Buffer> {
  const t = TEXT[input.locale];
  const date = new Intl.DateTimeFormat(input.locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Europe/Paris',
  }).format(input.recordedAt);
  return renderPdf(
    { size: 'A4', margin: 64, lang: input.locale, info: { Title: `${t.title} — ${input.person}` } },
    (doc) => {
      const centred = { align: 'center' as const };
      doc.font(PDF_FONT.regular).fontSize(14).text(input.organisation, centred);
      if (input.unit && input.unit !== input.organisation) doc.fontSize(11).text(input.unit, centred);
      doc.moveDown(2);
      doc.font(PDF_FONT.bold).fontSize(26).text(t.title, centred);
      doc.moveDown(1.5);
      doc.font(PDF_FONT.regular).fontSize(13).text(t.awardedTo, centred);
      doc.moveDown(0.5);
      doc.font(PDF_FONT.bold).fontSize(22).text(input.person, centred);
      doc.moveDown(1);
      doc.font(PDF_FONT.regular).fontSize(13).text(t.forIdea, centred);
      doc.moveDown(0.5);
      doc.font(PDF_FONT.bold).fontSize(16).text(t.quote(input.ideaTitle), centred);
      doc.moveDown(1.5);
      // French puts a no-break space before the colon.
      const colon = input.locale === 'fr' ? '\u00a0:' : ':';
      const line = `${t.forms[input.form]} — ${t.milestone}${colon} ${t.milestones[input.milestone]}`;
      doc.font(PDF_FONT.regular).fontSize(12).text(line, centred);
      doc.moveDown(1.5);
      doc.fontSize(12).text(input.message, { align: 'left' });
      doc.moveDown(2);
      doc.fontSize(11).text(`${t.on} ${date}`, { align: 'right' });
    },
  );
}
