import { readsOn } from '@eclore/server-platform';
import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { IMPACT_CATEGORIES, type ImpactCategory, type ImpactTotal, type MeasurementConfidence } from '@eclore/domain';
import { ImpactIndicator, ImpactMeasurement, ImplementationProject } from '../entities';
import {
  LINEAGE_COUNT_SQL,
  LINEAGE_TOTALS_SQL,
  rollupQuery,
  type RollupFilters,
  type RollupRow,
  type RollupScope,
} from './impact-rollup.sql';

/** A roll-up line with its group key (unit, campaign or idea id; the year as text). */
export interface KeyedTotal extends ImpactTotal {
  key: string | null;
}

export interface IndicatorFields {
  category: ImpactCategory;
  label: string;
  unit: string;
  baseline: number | null;
  projectedValue: number;
  projectedOn: string;
}

export interface NewMeasurement {
  indicatorId: string;
  category: ImpactCategory;
  value: number;
  measuredOn: string;
  source: string;
  confidence: MeasurementConfidence;
  recordedBy: string;
}

/** The same order as the domain's sumIndicators: category order, then unit. */
function byCategoryThenUnit(a: ImpactTotal, b: ImpactTotal): number {
  return IMPACT_CATEGORIES.indexOf(a.category) - IMPACT_CATEGORIES.indexOf(b.category) || a.unit.localeCompare(b.unit);
}

function toTotal(r: RollupRow): KeyedTotal {
  return {
    key: r.key,
    category: r.category,
    unit: r.unit,
    projected: Number(r.projected),
    actual: Number(r.actual),
    indicatorCount: Number(r.indicator_count),
    measuredCount: Number(r.measured_count),
    weakestConfidence: r.weakest,
  };
}

/** Impact indicators and measurements, and the roll-ups (all the impact SQL). */
@Injectable()
export class ImpactRepository {
  constructor(private readonly ds: DataSource) {}

  project(id: string, manager = this.ds.manager): Promise<ImplementationProject | null> {
    return manager.findOneBy(ImplementationProject, { id });
  }

  projectsOfIdea(ideaId: string, manager = this.ds.manager): Promise<ImplementationProject[]> {
    return manager.find(ImplementationProject, { where: { ideaId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  indicator(id: string, manager = this.ds.manager, lock = false): Promise<ImpactIndicator | null> {
    return manager.findOne(ImpactIndicator, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' } } : {}),
    });
  }

  indicatorsOf(projectIds: readonly string[], manager = this.ds.manager): Promise<ImpactIndicator[]> {
    if (projectIds.length === 0) return Promise.resolve([]);
    return manager.find(ImpactIndicator, {
      where: { projectId: In([...projectIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Oldest first (by day, then writing time). */
  measurementsOf(indicatorIds: readonly string[], manager = this.ds.manager): Promise<ImpactMeasurement[]> {
    if (indicatorIds.length === 0) return Promise.resolve([]);
    return manager.find(ImpactMeasurement, {
      where: { indicatorId: In([...indicatorIds]) },
      order: { measuredOn: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  measurement(id: string, manager = this.ds.manager, lock = false): Promise<ImpactMeasurement | null> {
    return manager.findOne(ImpactMeasurement, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' } } : {}),
    });
  }

  async insertIndicator(
    projectId: string,
    fields: IndicatorFields,
    createdBy: string,
    manager: EntityManager,
  ): Promise<ImpactIndicator> {
    const result = await manager.insert(ImpactIndicator, { projectId, ...fields, createdBy });
    return manager.findOneByOrFail(ImpactIndicator, { id: String(result.identifiers[0]?.['id']) });
  }

  /** Updates when the version still is `version`; false when someone changed it meanwhile. */
  async updateIndicator(
    id: string,
    version: number,
    fields: IndicatorFields,
    manager: EntityManager,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `UPDATE impact_indicator
          SET category = $3, label = $4, unit = $5, baseline = $6, projected_value = $7, projected_on = $8,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2
        RETURNING id`,
      [
        id,
        version,
        fields.category,
        fields.label,
        fields.unit,
        fields.baseline,
        fields.projectedValue,
        fields.projectedOn,
      ],
    );
    // TypeORM returns [rows, count] for UPDATE … RETURNING on PostgreSQL.
    const returned = Array.isArray(rows[0]) ? (rows[0] as unknown[]) : rows;
    return returned.length > 0;
  }

  async deleteIndicator(id: string, manager: EntityManager): Promise<void> {
    await manager.delete(ImpactIndicator, { id });
  }

  hasMeasurements(indicatorId: string, manager: EntityManager): Promise<boolean> {
    return manager.existsBy(ImpactMeasurement, { indicatorId });
  }

  async insertMeasurement(m: NewMeasurement, manager: EntityManager): Promise<ImpactMeasurement> {
    const result = await manager.insert(ImpactMeasurement, m);
    return manager.findOneByOrFail(ImpactMeasurement, { id: String(result.identifiers[0]?.['id']) });
  }

  async validateMeasurement(id: string, validatorId: string, manager: EntityManager): Promise<void> {
    await manager.update(ImpactMeasurement, { id }, { validatedBy: validatorId, validatedAt: new Date() });
  }

  /** Who to tell when a measurement is validated: the projects' owners and the idea's team. */
  async ownerAndTeam(ideaId: string, projectId: string, manager: EntityManager): Promise<string[]> {
    const rows: { person_id: string }[] = await manager.query(
      `SELECT owner_id AS person_id FROM implementation_project WHERE id = $2
       UNION SELECT person_id FROM idea_team_member WHERE idea_id = $1`,
      [ideaId, projectId],
    );
    return rows.map((r) => r.person_id).sort();
  }

  /** Roll-up lines per group, each group's lines in the domain's order. */
  async rollup(scope: RollupScope, filters: RollupFilters, manager = this.ds.manager): Promise<KeyedTotal[]> {
    const { text, values } = rollupQuery(scope, filters);
    const rows: RollupRow[] = await manager.query(text, values);
    // Groups in the SQL's key order; within a group, the domain's line order.
    const keyOrder = new Map(rows.map((r, i) => [r.key, i]));
    return rows
      .map(toTotal)
      .sort((a, b) => (keyOrder.get(a.key) ?? 0) - (keyOrder.get(b.key) ?? 0) || byCategoryThenUnit(a, b));
  }

  /** The idea's impact with its replications (the lineage rule: each project once). */
  async lineageTotals(ideaId: string, manager = this.ds.manager): Promise<{ totals: ImpactTotal[]; projects: number }> {
    const [rows, count] = await readsOn(manager, [
      () => manager.query<RollupRow[]>(LINEAGE_TOTALS_SQL, [ideaId]),
      () => manager.query<{ count: number }[]>(LINEAGE_COUNT_SQL, [ideaId]),
    ]);
    const totals = rows.map(toTotal).map(({ key: _key, ...t }) => t);
    return { totals: totals.sort(byCategoryThenUnit), projects: count[0]?.count ?? 0 };
  }

  /** Names for the groups of a roll-up. */
  async labels(grouping: 'unit' | 'campaign' | 'idea', ids: readonly string[], manager = this.ds.manager) {
    if (ids.length === 0) return new Map<string, string>();
    const table = { unit: 'org_unit', campaign: 'campaign', idea: 'idea' }[grouping];
    const column = grouping === 'unit' ? 'name' : 'title';
    const rows: { id: string; label: string }[] = await manager.query(
      `SELECT id, ${column} AS label FROM ${table} WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.label]));
  }
}

export { byCategoryThenUnit };
