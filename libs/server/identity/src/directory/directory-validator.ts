import { isEmail } from 'class-validator';
import { isLocale, type Locale } from '@eclore/domain';
import type { DirectoryImportRowError } from '../entities';
import { ORG_UNIT_KINDS, type OrgUnitKind } from '../entities';
import { DIRECTORY_COLUMNS, type DirectoryColumn } from './csv-format';

/** Stable codes of the problems an import reports; the web translates them. */
export const IMPORT_ERROR_CODES = [
  'missing_column',
  'duplicate_column',
  'malformed_csv',
  'no_rows',
  'column_count',
  'missing_field',
  'too_long',
  'invalid_email',
  'invalid_kind',
  'invalid_locale',
  'duplicate_employee_number',
  'duplicate_email',
  'org_unit_conflict',
  'unknown_parent',
  'org_unit_cycle',
  'email_taken',
  'importer_missing',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export const MAX_FIELD_LENGTH = 200;
const MAX_EMAIL_LENGTH = 254;

/** One person row of a valid file, as it goes to the staging table. */
export interface PersonRow {
  line: number;
  employeeNumber: string;
  givenName: string;
  familyName: string;
  email: string;
  orgUnitCode: string;
  /** Null: keep what the person chose (or nothing). */
  locale: Locale | null;
}

export interface UnitDefinition {
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentCode: string | null;
  /** First line that defines it. */
  line: number;
}

/** Units already in the database (code → parent code), for parents and cycles across imports. */
export type ExistingUnits = ReadonlyMap<string, string | null>;

export interface ValidationResult {
  people: PersonRow[];
  units: Map<string, UnitDefinition>;
  errors: DirectoryImportRowError[];
}

export function rowError(
  line: number,
  field: DirectoryColumn | null,
  code: ImportErrorCode,
  message: string,
): DirectoryImportRowError {
  return { line, field, code, message };
}

/** Every column but the parent (blank for a root unit) and the locale must have a value. */
const REQUIRED_FIELDS: readonly DirectoryColumn[] = DIRECTORY_COLUMNS.filter(
  (c) => c !== 'parent_org_unit_code' && c !== 'locale',
);

/**
 * Checks a directory file row by row, then across rows (duplicates, org unit definitions, parents,
 * cycles). Pure and synchronous: the worker feeds it rows as csv-parse streams them and reads the
 * outcome at the end. Every bad line is reported, not only the first.
 */
const LENGTH_CHECKED_FIELDS = [
  'employee_number',
  'given_name',
  'family_name',
  'org_unit_code',
  'org_unit_name',
  'parent_org_unit_code',
] as const satisfies readonly DirectoryColumn[];

const isOrgUnitKind = (kind: string): kind is OrgUnitKind => (ORG_UNIT_KINDS as readonly string[]).includes(kind);

/** One row being checked: its line, its cells by column, and how to report a problem on it. */
interface RowUnderCheck {
  line: number;
  get(column: DirectoryColumn): string;
  fail(field: DirectoryColumn, code: ImportErrorCode, message: string): void;
}

export class DirectoryValidator {
  private readonly people: PersonRow[] = [];
  private readonly units = new Map<string, UnitDefinition>();
  /** Lines of each unit's rows, to name them all when the unit's parent is unknown or cyclic. */
  private readonly unitLines = new Map<string, number[]>();
  private readonly errors: DirectoryImportRowError[] = [];
  private readonly employeeLines = new Map<string, number>();
  private readonly emailLines = new Map<string, number>();
  private rows = 0;

  constructor(private readonly columns: ReadonlyMap<DirectoryColumn, number>) {}

  get rowCount(): number {
    return this.rows;
  }

  addError(error: DirectoryImportRowError): void {
    this.errors.push(error);
  }

  addRow(line: number, record: readonly string[], headerWidth: number): void {
    this.rows++;
    if (record.length !== headerWidth) {
      this.errors.push(
        rowError(line, null, 'column_count', `Line has ${record.length} fields, the header has ${headerWidth}.`),
      );
      return;
    }
    let ok = true;
    const row: RowUnderCheck = {
      line,
      get: (column) => {
        const i = this.columns.get(column);
        return i === undefined ? '' : (record[i] ?? '');
      },
      fail: (field, code, message) => {
        ok = false;
        this.errors.push(rowError(line, field, code, message));
      },
    };
    const { kind, locale } = this.checkFields(row);
    this.checkUnique(row);
    this.recordUnit(row, kind);
    if (ok) {
      this.people.push({
        line,
        employeeNumber: row.get('employee_number'),
        givenName: row.get('given_name'),
        familyName: row.get('family_name'),
        email: row.get('email'),
        orgUnitCode: row.get('org_unit_code'),
        locale: locale === '' ? null : (locale as Locale),
      });
    }
  }

  /** The row's own fields: present, not too long, well formed. Answers the kind and language, lower-cased. */
  private checkFields({ get, fail }: RowUnderCheck): { kind: string; locale: string } {
    for (const field of REQUIRED_FIELDS) {
      if (get(field) === '') fail(field, 'missing_field', `${field} is required.`);
    }
    for (const field of LENGTH_CHECKED_FIELDS) {
      if (get(field).length > MAX_FIELD_LENGTH)
        fail(field, 'too_long', `${field} is longer than ${MAX_FIELD_LENGTH} characters.`);
    }
    const email = get('email');
    if (email !== '' && (email.length > MAX_EMAIL_LENGTH || !isEmail(email)))
      fail('email', 'invalid_email', `"${email}" is not an e-mail address.`);
    const kind = get('org_unit_kind').toLowerCase();
    if (kind !== '' && !isOrgUnitKind(kind)) {
      fail('org_unit_kind', 'invalid_kind', `"${get('org_unit_kind')}" is not one of ${ORG_UNIT_KINDS.join(', ')}.`);
    }
    const locale = get('locale').toLowerCase();
    if (locale !== '' && !isLocale(locale))
      fail('locale', 'invalid_locale', `"${get('locale')}" is not a supported language (fr, en).`);
    return { kind, locale };
  }

  /** An employee number and an e-mail address appear once in the file (the first line keeps them). */
  private checkUnique({ line, get, fail }: RowUnderCheck): void {
    const employeeNumber = get('employee_number');
    if (employeeNumber !== '') {
      const first = this.employeeLines.get(employeeNumber);
      if (first === undefined) this.employeeLines.set(employeeNumber, line);
      else
        fail(
          'employee_number',
          'duplicate_employee_number',
          `Employee number ${employeeNumber} already appears on line ${first}.`,
        );
    }
    const email = get('email');
    if (email !== '') {
      const key = email.toLowerCase();
      const first = this.emailLines.get(key);
      if (first === undefined) this.emailLines.set(key, line);
      else fail('email', 'duplicate_email', `E-mail ${email} already appears on line ${first}.`);
    }
  }

  /**
   * The row's org unit: the first complete row defines it (name, kind, parent); a later row that says
   * otherwise is a conflict.
   */
  private recordUnit({ line, get, fail }: RowUnderCheck, kind: string): void {
    const unitCode = get('org_unit_code');
    if (unitCode === '') return;
    const lines = this.unitLines.get(unitCode);
    if (lines) lines.push(line);
    else this.unitLines.set(unitCode, [line]);
    const parentCode = get('parent_org_unit_code') || null;
    const definition = this.units.get(unitCode);
    if (!definition) {
      if (get('org_unit_name') !== '' && isOrgUnitKind(kind))
        this.units.set(unitCode, { code: unitCode, name: get('org_unit_name'), kind, parentCode, line });
      return;
    }
    const differs: [DirectoryColumn, string, string][] = [
      ['org_unit_name', get('org_unit_name'), definition.name],
      // An invalid kind is already reported as such.
      ['org_unit_kind', isOrgUnitKind(kind) ? kind : '', definition.kind],
      ['parent_org_unit_code', parentCode ?? '', definition.parentCode ?? ''],
    ];
    for (const [field, here, there] of differs) {
      if (here !== '' && here !== there) {
        fail(
          field,
          'org_unit_conflict',
          `Org unit ${unitCode} has ${field} "${there}" on line ${definition.line}, "${here}" here.`,
        );
      } else if (here === '' && there !== '' && field === 'parent_org_unit_code') {
        fail(
          field,
          'org_unit_conflict',
          `Org unit ${unitCode} has parent "${there}" on line ${definition.line}, none here.`,
        );
      }
    }
  }

  /** Cross-row checks on the org unit tree; call once every row was added. */
  finish(existing: ExistingUnits): ValidationResult {
    if (this.rows === 0)
      this.errors.push(
        rowError(0, null, 'no_rows', 'The file has a header but no rows: it would deactivate everyone.'),
      );

    const known = (code: string): boolean => this.units.has(code) || existing.has(code);
    const parentOf = (code: string): string | null | undefined =>
      this.units.has(code) ? (this.units.get(code)?.parentCode ?? null) : existing.get(code);

    for (const unit of this.units.values()) {
      if (unit.parentCode !== null && !known(unit.parentCode)) {
        for (const line of this.unitLines.get(unit.code) ?? []) {
          this.errors.push(
            rowError(
              line,
              'parent_org_unit_code',
              'unknown_parent',
              `Parent org unit ${unit.parentCode} is neither in the file nor in the directory.`,
            ),
          );
        }
      }
    }

    // Cycles: walk up from each unit of the file over the merged tree (file definitions win).
    const state = new Map<string, 'visiting' | 'done'>();
    const inCycle = new Set<string>();
    for (const start of this.units.keys()) {
      const trail: string[] = [];
      let code: string | null | undefined = start;
      while (code != null && known(code) && state.get(code) !== 'done') {
        if (state.get(code) === 'visiting') {
          trail.slice(trail.indexOf(code)).forEach((c) => inCycle.add(c));
          break;
        }
        state.set(code, 'visiting');
        trail.push(code);
        code = parentOf(code);
      }
      for (const c of trail) state.set(c, 'done');
    }
    for (const code of inCycle) {
      const unit = this.units.get(code);
      if (!unit) continue; // only the file's definitions can be corrected by the file
      for (const line of this.unitLines.get(code) ?? []) {
        this.errors.push(
          rowError(
            line,
            'parent_org_unit_code',
            'org_unit_cycle',
            `Org unit ${code} would be its own ancestor (parent ${unit.parentCode}).`,
          ),
        );
      }
    }

    this.errors.sort((a, b) => a.line - b.line);
    return { people: this.people, units: this.units, errors: this.errors };
  }
}
