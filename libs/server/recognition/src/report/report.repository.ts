import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { FUNNEL_STEPS, type FunnelStep, type ImpactTotal, type RecognitionForm } from '@eclore/domain';
import { findOrgUnit, findOrgUnits, type OrgUnit } from '@eclore/server-identity';
import { readAnswerTimeSettings } from '@eclore/server-qualification';
import { ImpactRepository } from '@eclore/server-realisation';
import {
  CHARTER_INPUTS_SQL,
  COHORT_SQL,
  EXPERIMENTS_SQL,
  IMPLEMENTED_SQL,
  PARTICIPATION_KINDS,
  RECOGNISED_BY_BUCKET_SQL,
  RECOGNISED_BY_FORM_SQL,
  REPLICATIONS_SQL,
  STAFF_BY_BUCKET_SQL,
} from './report.sql';

/** The period and scope every query of the report takes. */
export interface ReportSlice {
  from: Date;
  cutoff: Date;
  /** The year's end (1 January of the next year): the headcount's bound, whatever the cut-off. */
  yearEnd: Date;
  /** Null: the whole organisation. */
  scopeUnitId: string | null;
}

export interface StaffBucketRow {
  /** The unit directly below the scope (the scope unit itself for its own people); null: no unit. */
  bucketId: string | null;
  headcount: number;
  contributors: number;
}

export interface CohortRow {
  submitted: number;
  /** How many of the cohort's ideas stopped at each step (the furthest they reached). */
  atFurthest: Record<FunnelStep, number>;
  answeredCount: number;
  answerMedianMs: number | null;
  answerP90Ms: number | null;
  decidedCount: number;
  decisionMedianMs: number | null;
  decisionP90Ms: number | null;
  guaranteeJudged: number;
  guaranteeWithin: number;
}

/** People recognised in one bucket of the scope with one form. */
export interface RecognisedBucketRow {
  bucketId: string | null;
  form: RecognitionForm;
  people: number;
}

export interface CharterInputsRow {
  peopleTrained: number | null;
  communicationActions: number | null;
  celebrationsHeld: number | null;
  budget: string | null;
}

export type ExperimentOutcome = 'running' | 'validated' | 'stopped';

type RawCohort = Omit<CohortRow, 'atFurthest'> & Record<`step${number}`, number>;

/** The annual report's SQL (report.sql.ts): one method per figure group, each a few rows. */
@Injectable()
export class ReportRepository {
  constructor(
    private readonly ds: DataSource,
    private readonly impact: ImpactRepository,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    // One snapshot for every figure: a report never mixes two states of the data.
    return this.ds.transaction('REPEATABLE READ', work);
  }

  unit(id: string, manager: EntityManager = this.ds.manager): Promise<OrgUnit | null> {
    return findOrgUnit(manager, id);
  }

  units(ids: readonly string[], manager: EntityManager = this.ds.manager): Promise<OrgUnit[]> {
    return findOrgUnits(manager, ids);
  }

  async guaranteeDays(manager: EntityManager = this.ds.manager): Promise<number> {
    return (await readAnswerTimeSettings(manager)).firstAnswerDays;
  }

  staffByBucket(s: ReportSlice, manager: EntityManager = this.ds.manager): Promise<StaffBucketRow[]> {
    return manager.query(STAFF_BY_BUCKET_SQL, [s.from, s.cutoff, s.scopeUnitId, s.yearEnd, PARTICIPATION_KINDS]);
  }

  async cohort(s: ReportSlice, guaranteeDays: number, manager: EntityManager = this.ds.manager): Promise<CohortRow> {
    const [raw] = (await manager.query(COHORT_SQL, [s.from, s.cutoff, s.scopeUnitId, guaranteeDays])) as RawCohort[];
    const row = raw!;
    const atFurthest = Object.fromEntries(FUNNEL_STEPS.map((step, i) => [step, row[`step${i}`] ?? 0])) as Record<
      FunnelStep,
      number
    >;
    return {
      submitted: row.submitted,
      atFurthest,
      answeredCount: row.answeredCount,
      answerMedianMs: row.answerMedianMs,
      answerP90Ms: row.answerP90Ms,
      decidedCount: row.decidedCount,
      decisionMedianMs: row.decisionMedianMs,
      decisionP90Ms: row.decisionP90Ms,
      guaranteeJudged: row.guaranteeJudged,
      guaranteeWithin: row.guaranteeWithin,
    };
  }

  async experiments(
    s: ReportSlice,
    manager: EntityManager = this.ds.manager,
  ): Promise<Record<ExperimentOutcome, number>> {
    const rows: { outcome: ExperimentOutcome; count: number }[] = await manager.query(EXPERIMENTS_SQL, sliceParams(s));
    const byOutcome = { running: 0, validated: 0, stopped: 0 };
    for (const r of rows) byOutcome[r.outcome] = r.count;
    return byOutcome;
  }

  async implemented(s: ReportSlice, manager: EntityManager = this.ds.manager): Promise<number> {
    const [row] = (await manager.query(IMPLEMENTED_SQL, sliceParams(s))) as { count: number }[];
    return row?.count ?? 0;
  }

  async replications(s: ReportSlice, manager: EntityManager = this.ds.manager): Promise<number> {
    const [row] = (await manager.query(REPLICATIONS_SQL, sliceParams(s))) as { count: number }[];
    return row?.count ?? 0;
  }

  recognisedByForm(
    s: ReportSlice,
    manager: EntityManager = this.ds.manager,
  ): Promise<{ form: RecognitionForm; people: number }[]> {
    return manager.query(RECOGNISED_BY_FORM_SQL, sliceParams(s));
  }

  recognisedByBucket(s: ReportSlice, manager: EntityManager = this.ds.manager): Promise<RecognisedBucketRow[]> {
    return manager.query(RECOGNISED_BY_BUCKET_SQL, sliceParams(s));
  }

  /** Impact projected vs actual for the year: the realisation context's own roll-up (docs/realisation.md §4). */
  async impactOfYear(
    year: number,
    scopeUnitId: string | null,
    manager: EntityManager = this.ds.manager,
  ): Promise<ImpactTotal[]> {
    const lines = await this.impact.rollup(
      { everywhere: true, units: [], themes: [] },
      { grouping: 'year', year, ...(scopeUnitId ? { orgUnitId: scopeUnitId } : {}) },
      manager,
    );
    return lines.map(({ key: _year, ...line }) => line);
  }

  async charterInputs(year: number, manager: EntityManager = this.ds.manager): Promise<CharterInputsRow | null> {
    const [row] = (await manager.query(CHARTER_INPUTS_SQL, [year])) as CharterInputsRow[];
    return row ?? null;
  }
}

function sliceParams(s: ReportSlice): unknown[] {
  return [s.from, s.cutoff, s.scopeUnitId];
}
