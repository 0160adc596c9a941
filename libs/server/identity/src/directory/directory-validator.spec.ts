import {
  detectDelimiter,
  firstLineOf,
  inspectCsvSample,
  readHeader,
  startLineOf,
  DIRECTORY_COLUMNS,
} from './csv-format';
import { DirectoryValidator } from './directory-validator';

const HEADER = [...DIRECTORY_COLUMNS];

function validatorFor(header: readonly string[] = HEADER) {
  const { index, problems } = readHeader(header);
  expect(problems).toEqual([]);
  return new DirectoryValidator(index);
}

/** employee_number, given, family, email, unit code, unit name, kind, parent, locale */
function row(
  n: string,
  unit = 'U1',
  parent = 'S1',
  extra: Partial<Record<'email' | 'kind' | 'locale' | 'name', string>> = {},
): string[] {
  return [
    n,
    'Camille',
    'Martin',
    extra.email ?? `p${n}@example.org`,
    unit,
    extra.name ?? `Unit ${unit}`,
    extra.kind ?? 'unit',
    parent,
    extra.locale ?? '',
  ];
}

describe('csv format', () => {
  it('detects the separator from the header line', () => {
    expect(detectDelimiter('employee_number;given_name;family_name')).toBe(';');
    expect(detectDelimiter('employee_number,given_name,family_name')).toBe(',');
    expect(firstLineOf('\ufeffa;b\r\nc;d')).toBe('a;b');
  });

  it('reads a header in any order and case, and names missing or doubled columns', () => {
    const ok = readHeader(['EMAIL', ...HEADER.filter((c) => c !== 'email' && c !== 'locale'), 'extra']);
    expect(ok.problems).toEqual([]);
    expect(ok.index.get('email')).toBe(0);
    const bad = readHeader(['employee_number', 'employee_number', 'given_name']);
    expect(bad.problems).toEqual(
      expect.arrayContaining([
        { column: 'employee_number', code: 'duplicate_column' },
        { column: 'family_name', code: 'missing_column' },
        { column: 'org_unit_kind', code: 'missing_column' },
      ]),
    );
    expect(bad.problems.find((p) => p.column === 'locale')).toBeUndefined();
  });

  it('accepts a UTF-8 CSV sample and refuses binary or header-less content', () => {
    expect(inspectCsvSample(Buffer.from(`\ufeff${HEADER.join(';')}\n1;a`))).toEqual({ ok: true, delimiter: ';' });
    expect(inspectCsvSample(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]))).toEqual({
      ok: false,
      code: 'not_text',
    });
    expect(inspectCsvSample(Buffer.from([0xff, 0xfe, 0x41, 0x42]))).toEqual({ ok: false, code: 'not_text' });
    expect(inspectCsvSample(Buffer.from('name,mail\nx,y'))).toMatchObject({ ok: false, code: 'missing_column' });
    expect(inspectCsvSample(Buffer.alloc(0))).toEqual({ ok: false, code: 'empty' });
  });

  it('gives the line a record starts on, even when a quoted field spans lines', () => {
    expect(startLineOf({ record: ['1', 'two\nlines', '3'], info: { lines: 5 } })).toBe(4);
    expect(startLineOf({ record: ['1'], info: { lines: 2 } })).toBe(2);
  });
});

describe('DirectoryValidator', () => {
  const existing = new Map<string, string | null>([
    ['S1', 'D1'],
    ['D1', null],
  ]);

  it('keeps valid rows and the unit definitions', () => {
    const v = validatorFor();
    v.addRow(2, row('1', 'U1', 'S1', { locale: 'EN' }), HEADER.length);
    v.addRow(3, row('2', 'U1', 'S1'), HEADER.length);
    const result = v.finish(existing);
    expect(result.errors).toEqual([]);
    expect(result.people.map((p) => [p.line, p.employeeNumber, p.locale])).toEqual([
      [2, '1', 'en'],
      [3, '2', null],
    ]);
    expect([...result.units.values()]).toEqual([
      { code: 'U1', name: 'Unit U1', kind: 'unit', parentCode: 'S1', line: 2 },
    ]);
  });

  it('reports every bad line with its field and code', () => {
    const v = validatorFor();
    v.addRow(2, row('1'), HEADER.length);
    v.addRow(3, ['', 'A', 'B', 'not-an-email', 'U1', 'Unit U1', 'unit', 'S1', ''], HEADER.length);
    v.addRow(4, row('1', 'U1', 'S1', { email: 'P1@EXAMPLE.org' }), HEADER.length);
    v.addRow(5, row('5', 'U2', 'S1', { kind: 'team', locale: 'de' }), HEADER.length);
    v.addRow(6, ['6', 'x'], HEADER.length);
    v.addRow(7, row('7', 'U1', 'S1', { name: 'Another name' }), HEADER.length);
    const { errors, people } = v.finish(existing);
    expect(errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [3, 'employee_number', 'missing_field'],
      [3, 'email', 'invalid_email'],
      [4, 'employee_number', 'duplicate_employee_number'],
      [4, 'email', 'duplicate_email'],
      [5, 'org_unit_kind', 'invalid_kind'],
      [5, 'locale', 'invalid_locale'],
      [6, null, 'column_count'],
      [7, 'org_unit_name', 'org_unit_conflict'],
    ]);
    expect(errors[2]?.message).toMatch(/line 2/);
    expect(people.map((p) => p.line)).toEqual([2]);
  });

  it('names every line of a unit whose parent is unknown', () => {
    const v = validatorFor();
    v.addRow(2, row('1', 'U9', 'NOWHERE'), HEADER.length);
    v.addRow(3, row('2', 'U9', 'NOWHERE'), HEADER.length);
    const { errors } = v.finish(existing);
    expect(errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [2, 'parent_org_unit_code', 'unknown_parent'],
      [3, 'parent_org_unit_code', 'unknown_parent'],
    ]);
  });

  it('refuses cycles, within the file and through units already in the directory', () => {
    const v = validatorFor();
    v.addRow(2, row('1', 'A', 'B', { kind: 'service' }), HEADER.length);
    v.addRow(3, row('2', 'B', 'A', { kind: 'service' }), HEADER.length);
    v.addRow(4, row('3', 'C', 'C', { kind: 'service' }), HEADER.length);
    // D1 is a root in the directory; making it a child of U1 (child of S1, child of D1) loops.
    v.addRow(5, row('4', 'D1', 'U1', { kind: 'direction' }), HEADER.length);
    v.addRow(6, row('5', 'U1', 'S1'), HEADER.length);
    const { errors } = v.finish(existing);
    expect(errors.filter((e) => e.code === 'org_unit_cycle').map((e) => e.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it('refuses a file without rows (it would deactivate everyone)', () => {
    const { errors } = validatorFor().finish(existing);
    expect(errors).toEqual([expect.objectContaining({ line: 0, code: 'no_rows' })]);
  });
});
