import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { reportPeriod, ValidationFailed, type Actor } from '@eclore/domain';
import { AccessService, type OrgUnit } from '@eclore/server-identity';
import type { OrgUnitRefDto } from '@eclore/server-platform';
import {
  presentCohort,
  presentParticipation,
  presentRecognised,
  presentYearOnYear,
  recognisedGrid,
  suppressChain,
  suppressParticipationChain,
  yearFiguresOf,
  type ParentRow,
} from './annual-figures';
import { FIRST_REPORT_YEAR, type AnnualFiguresDto } from './report.dto';
import { ReportRepository, type RecognisedBucketRow, type ReportSlice, type StaffBucketRow } from './report.repository';

/**
 * The annual report's figures for a year and a scope (docs/recognition.md §5): HR and admins, or a
 * network lead within their scope (the domain policy's `annual_report.read`). One snapshot, a few
 * aggregate queries, the domain's formulas, and suppression before anything leaves.
 */
@Injectable()
export class AnnualFiguresService {
  constructor(
    private readonly repo: ReportRepository,
    private readonly access: AccessService,
  ) {}

  async figures(actor: Actor, year: number, orgUnitId: string | null, now = new Date()): Promise<AnnualFiguresDto> {
    this.access.assert(actor, 'annual_report.read');
    return this.compute(year, orgUnitId, now, (unit) =>
      // The whole organisation is the empty path: only an organisation-wide role covers it.
      this.access.assert(actor, 'annual_report.read', { target: { orgUnitPath: unit?.path ?? [] } }),
    );
  }

  /**
   * The report job's figures (no reader: its request was authorised when it was made,
   * AnnualReportService): the scope's, with the year before, then each of `unitIds`' (the units
   * below it, their year alone: the report compares the scope), all in one snapshot. The by-bucket
   * tables the joint suppression reads (the scope's and those above it, §6) are the same for every
   * unit below: each is computed once per report, not once per unit. `onProgress` is told after the
   * scope and after each unit. Bad input is refused as in `figures`.
   */
  reportFigures(
    year: number,
    scopeUnitId: string | null,
    unitIds: readonly string[],
    now = new Date(),
    onProgress: (done: number, total: number) => Promise<void> = async () => undefined,
  ): Promise<{ scope: AnnualFiguresDto; units: AnnualFiguresDto[] }> {
    this.assertYear(year, now);
    return this.repo.transaction(async (m) => {
      const tables = new BucketTables();
      const total = 1 + unitIds.length;
      const scope = await this.computeIn(m, year, scopeUnitId, now, () => undefined, true, tables);
      await onProgress(1, total);
      const units: AnnualFiguresDto[] = [];
      for (const id of unitIds) {
        units.push(await this.computeIn(m, year, id, now, () => undefined, false, tables));
        await onProgress(1 + units.length, total);
      }
      return { scope, units };
    });
  }

  private assertYear(year: number, now: Date): void {
    if (year > now.getUTCFullYear() || year < FIRST_REPORT_YEAR) {
      throw new ValidationFailed([
        { field: 'year', code: 'out_of_range', message: `year is from ${FIRST_REPORT_YEAR} to the current year.` },
      ]);
    }
  }

  private compute(
    year: number,
    orgUnitId: string | null,
    now: Date,
    authorise: (unit: OrgUnit | null) => void,
  ): Promise<AnnualFiguresDto> {
    this.assertYear(year, now);
    return this.repo.transaction((m) => this.computeIn(m, year, orgUnitId, now, authorise, true, new BucketTables()));
  }

  private async computeIn(
    m: EntityManager,
    year: number,
    orgUnitId: string | null,
    now: Date,
    authorise: (unit: OrgUnit | null) => void,
    withPreviousYear: boolean,
    tables: BucketTables,
  ): Promise<AnnualFiguresDto> {
    const unit = orgUnitId === null ? null : await this.repo.unit(orgUnitId, m);
    if (orgUnitId !== null && unit === null) {
      throw new ValidationFailed([{ field: 'orgUnitId', code: 'unknown', message: 'No such org unit.' }]);
    }
    authorise(unit);
    const current = await this.gather(m, year, unit, now, tables);
    // A drill-down's units need no comparison (the report compares the scope): half the queries.
    if (!withPreviousYear) return current;
    const previous = await this.gather(m, year - 1, unit, now, tables);
    return { ...current, yearOnYear: presentYearOnYear(yearFiguresOf(current), yearFiguresOf(previous)) };
  }

  /** Every figure of one year but the comparison with the year before. */
  private async gather(
    m: EntityManager,
    year: number,
    unit: OrgUnit | null,
    now: Date,
    tables: BucketTables,
  ): Promise<AnnualFiguresDto> {
    const period = reportPeriod(year, now);
    const slice: ReportSlice = {
      from: period.from,
      cutoff: period.cutoff,
      yearEnd: new Date(Date.UTC(year + 1, 0, 1)),
      scopeUnitId: unit?.id ?? null,
    };
    // One after the other: a transaction's connection runs one query at a time.
    const staff = await tables.staff(slice, () => this.repo.staffByBucket(slice, m));
    const [parent, recognisedParent] = await this.parentRows(slice, unit, m, tables);
    const guaranteeDays = await this.repo.guaranteeDays(m);
    const cohort = await this.repo.cohort(slice, guaranteeDays, m);
    const experiments = await this.repo.experiments(slice, m);
    const implementedIdeas = await this.repo.implemented(slice, m);
    const replications = await this.repo.replications(slice, m);
    const recognised = await tables.recognised(slice, () => this.repo.recognisedByBucket(slice, m));
    const impact = await this.repo.impactOfYear(year, slice.scopeUnitId, m);
    const inputs = unit === null ? await this.repo.charterInputs(year, m) : null;
    const units = new Map(
      (
        await this.repo.units(
          staff.flatMap((r) => (r.bucketId ? [r.bucketId] : [])),
          m,
        )
      ).map((u) => [u.id, u]),
    );
    const unitRef = (id: string | null): OrgUnitRefDto | null => {
      const u = id === null ? undefined : units.get(id);
      return u ? { id: u.id, code: u.code, name: u.name } : null;
    };
    const participation = presentParticipation(staff, unitRef, parent);
    return {
      year,
      scope: unit ? { id: unit.id, code: unit.code, name: unit.name } : null,
      period: { from: period.from.toISOString(), cutoff: period.cutoff.toISOString(), complete: period.complete },
      headcount: participation.headcount,
      contributors: participation.contributors,
      participationRate: participation.participationRate,
      // By unit code, people without a unit last: a stable order to read (suppression is already done).
      participationByUnit: [...participation.byUnit].sort((a, b) =>
        (a.unit?.code ?? '\uffff').localeCompare(b.unit?.code ?? '\uffff'),
      ),
      ...presentCohort(cohort, guaranteeDays, participation.headcount),
      experiments: { ...experiments, total: experiments.running + experiments.validated + experiments.stopped },
      implementedIdeas,
      impact,
      replications,
      peopleRecognised: presentRecognised(recognised, recognisedParent),
      charterInputs: inputs,
      yearOnYear: [],
    };
  }

  /**
   * The scope's row in the tables of the unit above it (participation; people recognised by form),
   * each table suppressed as a drill-down of the one above it, up to the whole organisation (joint
   * suppression, §6): so a drill-down never shows a figure its parent's table hides.
   */
  private async parentRows(
    slice: ReportSlice,
    unit: OrgUnit | null,
    m: EntityManager,
    tables: BucketTables,
  ): Promise<[ParentRow, ParentRow]> {
    const none: ParentRow = { table: null, row: null };
    if (unit === null) return [none, none];
    // The path runs from the top unit to the scope itself: the scopes above are the organisation
    // and every unit of the path but the last.
    const above = [null, ...unit.path.slice(0, -1)];
    const staff: StaffBucketRow[][] = [];
    const recognised: RecognisedBucketRow[][] = [];
    for (const scopeUnitId of above) {
      const s = { ...slice, scopeUnitId };
      staff.push(await tables.staff(s, () => this.repo.staffByBucket(s, m)));
      recognised.push(await tables.recognised(s, () => this.repo.recognisedByBucket(s, m)));
    }
    return [suppressParticipationChain(staff, unit.path), suppressChain(recognised, unit.path, recognisedGrid)];
  }
}

/**
 * The by-bucket tables (staff and contributors; people recognised by form) already read in one
 * transaction, by scope and period: a unit's joint suppression reads the tables of every scope above
 * it, which are the same for all the units of a report (and the scope's own). Only ever shared
 * within one snapshot, so a cached table is the one a query would give again.
 */
class BucketTables {
  private readonly staffTables = new Map<string, StaffBucketRow[]>();
  private readonly recognisedTables = new Map<string, RecognisedBucketRow[]>();

  staff(slice: ReportSlice, load: () => Promise<StaffBucketRow[]>): Promise<StaffBucketRow[]> {
    return BucketTables.cached(this.staffTables, slice, load);
  }

  recognised(slice: ReportSlice, load: () => Promise<RecognisedBucketRow[]>): Promise<RecognisedBucketRow[]> {
    return BucketTables.cached(this.recognisedTables, slice, load);
  }

  private static async cached<T>(tables: Map<string, T>, slice: ReportSlice, load: () => Promise<T>): Promise<T> {
    const key = [
      slice.scopeUnitId ?? '',
      slice.from.toISOString(),
      slice.cutoff.toISOString(),
      slice.yearEnd.toISOString(),
    ].join('|');
    const hit = tables.get(key);
    if (hit !== undefined) return hit;
    const table = await load();
    tables.set(key, table);
    return table;
  }
}
