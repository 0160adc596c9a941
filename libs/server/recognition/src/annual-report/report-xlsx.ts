import ExcelJS from 'exceljs';
import { neutraliseCell } from '@eclore/domain';
import type { Cell, ReportModel } from './report-model';

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], distinct. */
function sheetName(title: string, taken: Set<string>): string {
  const base =
    title
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim()
      .slice(0, 28) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 27)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Every text cell goes through the domain's neutralisation (docs/recognition.md §7); numbers stay numbers. */
const cellValue = (c: Cell): string | number => (typeof c === 'number' ? c : neutraliseCell(c ?? '—'));

/**
 * The annual report as XLSX: a first sheet with the report's title, scope and notes, then one sheet
 * per section (key figures, each charter commitment, by unit, year on year), each table under its title.
 */
export async function renderReportXlsx(model: ReportModel): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Éclore';
  book.created = new Date(0);
  const taken = new Set<string>();
  const cover = book.addWorksheet(sheetName(model.locale === 'fr' ? 'Bilan' : 'Report', taken));
  cover.addRow([neutraliseCell(model.title)]).font = { bold: true, size: 14 };
  for (const line of [...model.lines, ...model.notes]) cover.addRow([neutraliseCell(line)]);
  cover.getColumn(1).width = 100;
  for (const section of model.sections) {
    const sheet = book.addWorksheet(sheetName(section.title, taken));
    sheet.addRow([neutraliseCell(section.title)]).font = { bold: true, size: 13 };
    for (const table of section.tables) {
      sheet.addRow([]);
      sheet.addRow([neutraliseCell(table.title)]).font = { bold: true };
      sheet.addRow(table.columns.map((c) => neutraliseCell(c))).font = { bold: true };
      for (const row of table.rows) {
        const added = sheet.addRow(row.map(cellValue));
        if (table.decimals !== undefined) added.numFmt = `#,##0.${'0'.repeat(table.decimals)}`;
      }
      if (table.note) sheet.addRow([neutraliseCell(table.note)]).font = { italic: true };
    }
    sheet.getColumn(1).width = 48;
    for (let i = 2; i <= 6; i++) sheet.getColumn(i).width = 18;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
