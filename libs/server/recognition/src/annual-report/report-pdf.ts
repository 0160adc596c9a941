import { PDF_FONT, renderPdf } from '@eclore/server-platform';
import { formatNumber, type Cell, type ReportModel, type ReportTable } from './report-model';

const MARGIN = 48;
const BAR_COLOURS = ['#9aa5b1', '#2f6f9f'];

/** The annual report as a PDF in the model's language: sections, tables, bar charts (DejaVu Sans). */
export function renderReportPdf(model: ReportModel): Promise<Buffer> {
  return renderPdf(
    {
      size: 'A4',
      margin: MARGIN,
      lang: model.locale,
      info: { Title: model.title, Author: 'Éclore' },
      bufferPages: false,
    },
    (doc) => new PdfWriter(doc, model).write(),
  );
}

class PdfWriter {
  private readonly fonts = PDF_FONT;
  private readonly width: number;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly model: ReportModel,
  ) {
    this.width = doc.page.width - 2 * MARGIN;
  }

  write(): void {
    const { doc, model, fonts } = this;
    doc.font(fonts.bold).fontSize(18).text(model.title);
    doc.moveDown(0.4);
    doc.font(fonts.regular).fontSize(10);
    for (const line of model.lines) doc.text(line);
    doc.moveDown(0.5);
    doc.fontSize(9).fillColor('#444444');
    for (const note of model.notes) doc.text(note);
    doc.fillColor('black');
    for (const section of model.sections) {
      this.room(80);
      doc.moveDown(0.8);
      doc.font(fonts.bold).fontSize(14).text(section.title, MARGIN);
      doc.moveDown(0.3);
      for (const table of section.tables) this.table(table);
    }
  }

  /** A new page when less than `height` points are left. */
  private room(height: number): void {
    if (this.doc.y + height > this.doc.page.height - MARGIN) this.doc.addPage();
  }

  private cellText(value: Cell, decimals?: number): string {
    if (typeof value !== 'number') return value ?? '—';
    if (decimals === undefined) return formatNumber(value, this.model.locale, 2);
    return new Intl.NumberFormat(this.model.locale === 'fr' ? 'fr-FR' : 'en-GB', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    }).format(value);
  }

  private table(table: ReportTable): void {
    const { doc, fonts } = this;
    this.room(50);
    doc.moveDown(0.4);
    doc.font(fonts.bold).fontSize(11).text(table.title, MARGIN);
    doc.moveDown(0.2);
    const n = table.columns.length;
    const first = n === 1 ? this.width : Math.max(this.width * 0.4, this.width - (n - 1) * 80);
    const rest = n === 1 ? 0 : (this.width - first) / (n - 1);
    const xs = table.columns.map((_, i) => MARGIN + (i === 0 ? 0 : first + (i - 1) * rest));
    const widths = table.columns.map((_, i) => (i === 0 ? first : rest) - 6);
    const row = (cells: string[], font: string) => {
      doc.font(font).fontSize(9);
      const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] })));
      this.room(height + 4);
      const y = doc.y;
      cells.forEach((c, i) => doc.text(c, xs[i], y, { width: widths[i], align: i === 0 ? 'left' : 'right' }));
      doc.x = MARGIN;
      doc.y = y + height + 3;
    };
    row(table.columns, fonts.bold);
    doc
      .moveTo(MARGIN, doc.y - 1)
      .lineTo(MARGIN + this.width, doc.y - 1)
      .lineWidth(0.5)
      .stroke('#999999');
    for (const r of table.rows)
      row(
        r.map((c) => this.cellText(c, table.decimals)),
        fonts.regular,
      );
    if (table.note) {
      doc.font(fonts.regular).fontSize(8).fillColor('#555555').text(table.note, MARGIN, doc.y, { width: this.width });
      doc.fillColor('black');
    }
    if (table.chart && table.rows.length > 0) this.chart(table);
  }

  /** Horizontal bars, one row per line of the table (two bars when comparing two columns). */
  private chart(table: ReportTable): void {
    const { doc, fonts } = this;
    const chart = table.chart!;
    const values = table.rows.map((r) =>
      chart.valueColumns.map((c) => (typeof r[c] === 'number' ? (r[c] as number) : null)),
    );
    const max = Math.max(0, ...values.flat().map((v) => Math.abs(v ?? 0)));
    if (max === 0) return;
    const labelWidth = this.width * 0.35;
    const barMax = this.width - labelWidth - 60;
    const barHeight = 7;
    doc.moveDown(0.4);
    table.rows.forEach((r, i) => {
      const label = String(r[chart.labelColumn] ?? '');
      this.room(barHeight * chart.valueColumns.length + 8);
      const y = doc.y;
      doc.font(fonts.regular).fontSize(8).fillColor('black');
      doc.text(label, MARGIN, y, {
        width: labelWidth - 6,
        height: barHeight * chart.valueColumns.length + 4,
        ellipsis: true,
      });
      values[i]!.forEach((v, j) => {
        const by = y + j * (barHeight + 1);
        const w = v === null ? 0 : Math.max(1, (Math.abs(v) / max) * barMax);
        if (v !== null)
          doc
            .rect(MARGIN + labelWidth, by, w, barHeight)
            .fill(BAR_COLOURS[(chart.valueColumns.length === 1 ? 1 : j) % 2]!);
        doc
          .fillColor('black')
          .text(v === null ? '—' : formatNumber(v, this.model.locale), MARGIN + labelWidth + w + 4, by - 1, {
            width: 56,
          });
      });
      doc.x = MARGIN;
      doc.y = y + chart.valueColumns.length * (barHeight + 1) + 4;
    });
    if (chart.valueColumns.length === 2) {
      doc
        .font(fonts.regular)
        .fontSize(7)
        .fillColor('#555555')
        .text(chart.valueColumns.map((c, j) => `${j === 0 ? '▒' : '█'} ${table.columns[c]}`).join('    '), MARGIN);
      doc.fillColor('black');
    }
    doc.moveDown(0.3);
  }
}
