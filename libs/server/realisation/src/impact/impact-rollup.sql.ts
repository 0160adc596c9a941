import type { ImpactCategory, MeasurementConfidence } from '@eclore/domain';
import type { RollupGrouping } from './impact.dto';

/**
 * The roll-ups as set-based SQL: the twin of the domain's sumIndicators / rollUpBy / rollUpByYear
 * (libs/domain/src/realisation/impact.ts, docs/realisation.md §4). The integration test holds the two
 * to the same answers on a generated data set; change one, change both.
 *
 * - an indicator counts for ITS project's idea, unit and campaign (a replication for its own unit);
 *   per unit along the unit tree (rollUpByUnitTree): in its project's unit and every unit above it,
 *   once in each, from the filtered unit down;
 * - actual = the latest validated measurement (same day: the more confident; then the first written),
 *   within the period's year when there is one;
 * - projected counts in the year of its projected date; indicatorCount counts every indicator of
 *   the group in every period (as sumIndicators does).
 */

/** Where a staff member may look (organisation-wide, unit subtrees, themes). */
export interface RollupScope {
  everywhere: boolean;
  units: string[];
  themes: string[];
}

export interface RollupFilters {
  grouping: RollupGrouping;
  year?: number;
  orgUnitId?: string;
  category?: ImpactCategory;
}

export interface RollupRow {
  key: string | null;
  category: ImpactCategory;
  unit: string;
  projected: string;
  actual: string;
  indicator_count: string;
  measured_count: string;
  weakest: MeasurementConfidence | null;
}

/** Confidence as a rank (estimated 1 < measured 2 < audited 3). */
export const CONFIDENCE_RANK = `CASE m.confidence WHEN 'audited' THEN 3 WHEN 'measured' THEN 2 ELSE 1 END`;

/** The latest validated measurement per indicator and period (`periods(yr)`, yr NULL = all time). */
export const ACTUAL_PER_PERIOD = `
  SELECT DISTINCT ON (ind.id, pr.yr) ind.id AS indicator_id, pr.yr, m.value, m.confidence
    FROM ind
    CROSS JOIN periods pr
    JOIN impact_measurement m ON m.indicator_id = ind.id AND m.validated_by IS NOT NULL
     AND (pr.yr IS NULL OR EXTRACT(YEAR FROM m.measured_on)::int = pr.yr)
   ORDER BY ind.id, pr.yr, m.measured_on DESC, ${CONFIDENCE_RANK} DESC, m.created_at, m.id`;

/** Sums per (key, category, unit) over ind × periods, each indicator once per period. */
export const TOTALS_SELECT = `
  SELECT g.key, ind.category, ind.unit,
         SUM(CASE WHEN pr.yr IS NULL OR EXTRACT(YEAR FROM ind.projected_on)::int = pr.yr
                  THEN ind.projected_value ELSE 0 END)::text AS projected,
         COALESCE(SUM(a.value), 0)::text AS actual,
         COUNT(*)::text AS indicator_count,
         COUNT(a.indicator_id)::text AS measured_count,
         (ARRAY_AGG(a.confidence ORDER BY CASE a.confidence WHEN 'audited' THEN 3 WHEN 'measured' THEN 2 ELSE 1 END)
            FILTER (WHERE a.confidence IS NOT NULL))[1] AS weakest
    FROM ind
    CROSS JOIN periods pr
    CROSS JOIN LATERAL (SELECT %KEY% AS key) g
    LEFT JOIN actual a ON a.indicator_id = ind.id AND a.yr IS NOT DISTINCT FROM pr.yr
   GROUP BY g.key, ind.category, ind.unit
   ORDER BY g.key NULLS LAST, ind.category, ind.unit`;

const KEYS: Record<RollupGrouping, string> = {
  // One row per unit on the project's path: a unit's figure includes its sub-units'.
  unit: 'unnest(ind.unit_keys)::text',
  campaign: 'ind.campaign_id::text',
  idea: 'ind.idea_id::text',
  year: 'pr.yr::text',
};

/**
 * The units a project's indicators roll up into: the project's unit and those above it (its path),
 * from the filtered unit ($5) down; for a reader scoped to units, only units inside their scope (a
 * direction above it would show a partial figure under the direction's name). A reader scoped by
 * theme sees the units of the ideas they cover, with those ideas' figures only.
 */
const UNIT_KEYS = `
  ARRAY(SELECT k.id FROM unnest(pu.path) WITH ORDINALITY AS k(id, n)
         WHERE ($5::uuid IS NULL OR k.n >= array_position(pu.path, $5::uuid))
           AND ($1::boolean OR cardinality($3::text[]) > 0
                OR EXISTS (SELECT 1 FROM org_unit ku WHERE ku.id = k.id AND ku.path && $2::uuid[])))`;

/** The roll-up query for a staff scope and filters; values travel as bound parameters only. */
export function rollupQuery(scope: RollupScope, f: RollupFilters): { text: string; values: unknown[] } {
  const values: unknown[] = [
    scope.everywhere,
    scope.units,
    scope.themes,
    f.category ?? null,
    f.orgUnitId ?? null,
    f.year ?? null,
    f.grouping === 'year',
  ];
  const text = `
    WITH ind AS (
      SELECT ii.id, ii.category, ii.unit, ii.projected_value, ii.projected_on,
             p.idea_id, p.org_unit_id, i.campaign_id,
             ${f.grouping === 'unit' ? UNIT_KEYS : 'NULL::uuid[]'} AS unit_keys
        FROM impact_indicator ii
        JOIN implementation_project p ON p.id = ii.project_id
        JOIN org_unit pu ON pu.id = p.org_unit_id
        JOIN idea i ON i.id = p.idea_id
        LEFT JOIN org_unit ou ON ou.id = i.org_unit_id
       WHERE ($1::boolean OR ou.path && $2::uuid[] OR i.themes && $3::text[])
         AND ($4::text IS NULL OR ii.category = $4::text)
         AND ($5::uuid IS NULL OR $5::uuid = ANY(pu.path))
    ),
    periods AS (
      SELECT $6::int AS yr WHERE NOT $7::boolean
      UNION
      SELECT ys.y FROM (
        SELECT EXTRACT(YEAR FROM ind.projected_on)::int AS y FROM ind
        UNION
        SELECT EXTRACT(YEAR FROM m.measured_on)::int FROM impact_measurement m
          JOIN ind ON ind.id = m.indicator_id WHERE m.validated_by IS NOT NULL
      ) ys
       WHERE $7::boolean AND ($6::int IS NULL OR ys.y = $6::int)
    ),
    actual AS (${ACTUAL_PER_PERIOD})
    ${TOTALS_SELECT.replace('%KEY%', KEYS[f.grouping])}`;
  return { text, values };
}

/**
 * The CTE `tree(id)`: the distinct projects of the lineage trees rooted at the idea's ($1) own projects
 * (active replications, followed down; UNION drops a project reached twice).
 */
const LINEAGE_TREE = `tree(id) AS (
    SELECT p.id FROM implementation_project p WHERE p.idea_id = $1
    UNION
    SELECT r.replica_project_id FROM replication r JOIN tree t ON r.original_project_id = t.id
     WHERE r.status = 'active' AND r.replica_project_id IS NOT NULL
  )`;

/** The idea's impact with its replications: the same totals over the lineage tree's projects, with no period. */
export const LINEAGE_TOTALS_SQL = `
  WITH RECURSIVE ${LINEAGE_TREE},
  ind AS (
    SELECT ii.id, ii.category, ii.unit, ii.projected_value, ii.projected_on
      FROM impact_indicator ii WHERE ii.project_id IN (SELECT id FROM tree)
  ),
  periods AS (SELECT NULL::int AS yr),
  actual AS (${ACTUAL_PER_PERIOD})
  ${TOTALS_SELECT.replace('%KEY%', 'NULL::text')}`;

/** How many distinct projects the idea's lineage tree holds. */
export const LINEAGE_COUNT_SQL = `
  WITH RECURSIVE ${LINEAGE_TREE}
  SELECT COUNT(*)::int AS count FROM tree`;
