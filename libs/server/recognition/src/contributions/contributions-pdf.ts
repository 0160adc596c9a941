import {
  CONTRIBUTION_KINDS,
  type ContributionKind,
  type Locale,
  type RecognitionForm,
  type RecognitionMilestone,
  RECOGNITION_LABELS,
} from '@eclore/domain';
import { PDF_FONT, renderPdf } from '@eclore/server-platform';

/** What "My contributions" prints (docs/recognition.md §1): the person's own ledger, for their annual review. */
export interface ContributionsReport {
  personName: string;
  unitName: string | null;
  generatedAt: Date;
  totals: readonly { kind: ContributionKind; count: number }[];
  items: readonly {
    ideaTitle: string;
    kind: ContributionKind;
    anonymous: boolean;
    claimed: boolean;
    occurredAt: Date;
  }[];
  /** More entries than printed (the most recent are printed). */
  truncated: boolean;
  /** Recorded recognitions, most recent first. */
  recognitions: readonly {
    ideaTitle: string;
    form: RecognitionForm;
    milestone: RecognitionMilestone;
    recordedAt: Date;
    message: string;
  }[];
}

const TEXT = {
  fr: {
    title: 'Mes contributions à l’innovation participative',
    person: (name: string, unit: string | null) => (unit ? `${name} — ${unit}` : name),
    generated: (day: string) => `Relevé établi le ${day}, pour l’entretien annuel.`,
    totals: 'Contributions par nature',
    list: 'Détail, des plus récentes aux plus anciennes',
    none: 'Aucune contribution enregistrée pour l’instant.',
    anonymous: 'anonyme : visible par vous seul·e',
    truncated: (n: number) =>
      `Seules les ${n} contributions les plus récentes sont détaillées ; les totaux comptent tout.`,
    total: 'Total',
    recognitions: 'Mes reconnaissances',
    forms: RECOGNITION_LABELS.fr.forms,
    milestones: RECOGNITION_LABELS.fr.milestones,
    kinds: RECOGNITION_LABELS.fr.kinds,
  },
  en: {
    title: 'My contributions to participative innovation',
    person: (name: string, unit: string | null) => (unit ? `${name} — ${unit}` : name),
    generated: (day: string) => `Statement of ${day}, for the annual review.`,
    totals: 'Contributions by kind',
    list: 'Details, most recent first',
    none: 'No contribution recorded yet.',
    anonymous: 'anonymous: visible to you only',
    truncated: (n: number) => `Only the ${n} most recent contributions are listed; the totals count them all.`,
    total: 'Total',
    recognitions: 'My recognitions',
    forms: RECOGNITION_LABELS.en.forms,
    milestones: RECOGNITION_LABELS.en.milestones,
    kinds: RECOGNITION_LABELS.en.kinds,
  },
} as const;

export function contributionsFilename(locale: Locale, at: Date): string {
  return `${locale === 'fr' ? 'mes-contributions' : 'my-contributions'}-${at.toISOString().slice(0, 10)}.pdf`;
}

/** The statement as a PDF in the person's language, in a Unicode font (names like Łukasz or Nguyễn print). */
export function renderContributionsPdf(report: ContributionsReport, locale: Locale): Promise<Buffer> {
  const t = TEXT[locale];
  const day = (d: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
  return renderPdf(
    { size: 'A4', margin: 56, lang: locale, info: { Title: t.title, Author: report.personName } },
    (doc) => {
      doc.font(PDF_FONT.bold).fontSize(16).text(t.title);
      doc.moveDown(0.4);
      doc.font(PDF_FONT.regular).fontSize(12).text(t.person(report.personName, report.unitName));
      doc.fontSize(10).text(t.generated(day(report.generatedAt)));
      doc.moveDown(0.8);
      doc.font(PDF_FONT.bold).fontSize(13).text(t.totals);
      doc.moveDown(0.3);
      doc.font(PDF_FONT.regular).fontSize(11);
      const counted = new Map(report.totals.map((r) => [r.kind, r.count]));
      if (counted.size === 0) doc.text(t.none);
      for (const kind of CONTRIBUTION_KINDS) if (counted.has(kind)) doc.text(`${t.kinds[kind]} : ${counted.get(kind)}`);
      if (counted.size > 0) doc.text(`${t.total} : ${[...counted.values()].reduce((s, n) => s + n, 0)}`);
      if (report.recognitions.length > 0) {
        doc.moveDown(0.8);
        doc.font(PDF_FONT.bold).fontSize(13).text(t.recognitions);
        doc.moveDown(0.3);
        for (const r of report.recognitions) {
          doc.font(PDF_FONT.bold).fontSize(11).text(`${t.forms[r.form]} — ${r.ideaTitle}`);
          doc
            .font(PDF_FONT.regular)
            .fontSize(10)
            .text(`${day(r.recordedAt)} (${t.milestones[r.milestone]})`);
          if (r.message) doc.fontSize(10).text(`« ${r.message} »`);
          doc.moveDown(0.3);
        }
      }
      if (report.items.length === 0) return;
      doc.moveDown(0.8);
      doc.font(PDF_FONT.bold).fontSize(13).text(t.list);
      doc.moveDown(0.3);
      for (const item of report.items) {
        doc.font(PDF_FONT.bold).fontSize(11).text(item.ideaTitle);
        const note = item.anonymous && !item.claimed ? ` (${t.anonymous})` : '';
        doc
          .font(PDF_FONT.regular)
          .fontSize(10)
          .text(`${day(item.occurredAt)} — ${t.kinds[item.kind]}${note}`);
        doc.moveDown(0.3);
      }
      if (report.truncated) {
        doc.moveDown(0.5);
        doc.fontSize(9).text(t.truncated(report.items.length));
      }
    },
  );
}
