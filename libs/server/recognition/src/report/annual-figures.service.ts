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
   * The same figures without a reader: for the annual report job, whose request was authorised when
   * it was made (AnnualReportService). Bad input is refused as in `figures`.
   */
  figuresForReport(
    year: number,
    orgUnitId: string | null,
    now = new Date(),
    options: { withPreviousYear?: boolean } = {},
  ): Promise<AnnualFiguresDto> {
    return this.compute(year, orgUnitId, now, () => undefined, options.withPreviousYear ?? true);
  }

  private compute(
    year: number,
    orgUnitId: string | null,
    now: Date,
    authorise: (unit: OrgUnit | null) => void,
    withPreviousYear = true,
  ): Promise<AnnualFiguresDto> {
    if (year > now.getUTCFullYear() || year < FIRST_REPORT_YEAR) {
      throw new ValidationFailed([
        { field: 'year', code: 'out_of_range', message: `year is from ${FIRST_REPORT_YEAR} to the current year.` },
      ]);
    }
    return this.repo.transaction(async (m) => {
      const unit = orgUnitId === null ? null : await this.repo.unit(orgUnitId, m);
      if (orgUnitId !== null && unit === null) {
        throw new ValidationFailed([{ field: 'orgUnitId', code: 'unknown', message: 'No such org unit.' }]);
      }
      authorise(unit);
      const current = await this.gather(m, year, unit, now);
      // A drill-down's units need no comparison (the report compares the scope): half the queries.
      if (!withPreviousYear) return current;
      const previous = await this.gather(m, year - 1, unit, now);
      return { ...current, yearOnYear: presentYearOnYear(yearFiguresOf(current), yearFiguresOf(previous)) };
    });
  }

  /** Every figure of one year but the comparison with the year before. */
  private async gather(m: EntityManager, year: number, unit: OrgUnit | null, now: Date): Promise<AnnualFiguresDto> {
    const period = reportPeriod(year, now);
    const slice: ReportSlice = {
      from: period.from,
      cutoff: period.cutoff,
      yearEnd: new Date(Date.UTC(year + 1, 0, 1)),
      scopeUnitId: unit?.id ?? null,
    };
    // One after the other: a transaction's connection runs one query at a time.
    const staff = await this.repo.staffByBucket(slice, m);
    const [parent, recognisedParent] = await this.parentRows(slice, unit, m);
    const guaranteeDays = await this.repo.guaranteeDays(m);
    const cohort = await this.repo.cohort(slice, guaranteeDays, m);
    const experiments = await this.repo.experiments(slice, m);
    const implementedIdeas = await this.repo.implemented(slice, m);
    const replications = await this.repo.replications(slice, m);
    const recognised = await this.repo.recognisedByBucket(slice, m);
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
  ): Promise<[ParentRow, ParentRow]> {
    const none: ParentRow = { table: null, row: null };
    if (unit === null) return [none, none];
    // The path runs from the top unit to the scope itself: the scopes above are the organisation
    // and every unit of the path but the last.
    const above = [null, ...unit.path.slice(0, -1)];
    const staff: StaffBucketRow[][] = [];
    const recognised: RecognisedBucketRow[][] = [];
    for (const scopeUnitId of above) {
      staff.push(await this.repo.staffByBucket({ ...slice, scopeUnitId }, m));
      recognised.push(await this.repo.recognisedByBucket({ ...slice, scopeUnitId }, m));
    }
    return [suppressParticipationChain(staff, unit.path), suppressChain(recognised, unit.path, recognisedGrid)];
  }
}
