import {
  CONTRIBUTION_KINDS,
  DECISION_FROM_STATUS,
  FIRST_ANSWER_STATUSES,
  FUNNEL_STEPS,
  ruleOf,
  STEP_OF_STATUS,
} from '@eclore/domain';

/**
 * The annual report's inputs as set-based SQL (docs/recognition.md §5): every query aggregates in
 * the database and returns a handful of rows, whatever the size of the year. The formulas themselves
 * (rates, rounding, funnel conversions, days) are the domain's, applied by the service to these
 * counts; what is here is the selection (period, scope, cohort) and the counting.
 *
 * Shared parameters: $1 the period's start, $2 its cut-off, $3 the scope unit (NULL: the whole
 * organisation).
 */

/** The kinds that count a person among the year's contributors (ledger.ts). */
export const PARTICIPATION_KINDS: readonly string[] = CONTRIBUTION_KINDS.filter((k) => ruleOf(k).participation);

/**
 * Staff and contributors per "bucket" of the scope: the unit directly below the scope that the
 * person's unit lies in (the scope unit itself for people attached to it; NULL for people without a
 * unit when the scope is the whole organisation). $4: the year's end (headcount: active at some time
 * during the year); $5: the participation kinds. A person counts once, in their unit of today.
 */
export const STAFF_BY_BUCKET_SQL = `
  WITH scope AS (
    SELECT COALESCE((SELECT cardinality(path) FROM org_unit WHERE id = $3::uuid), 0) AS depth
  ),
  staff AS (
    SELECT p.id, COALESCE(ou.path[s.depth + 1], ou.id) AS bucket
      FROM person p
      LEFT JOIN org_unit ou ON ou.id = p.org_unit_id
     CROSS JOIN scope s
     WHERE p.created_at < $4 AND (p.deactivated_at IS NULL OR p.deactivated_at >= $1)
       AND ($3::uuid IS NULL OR $3::uuid = ANY(ou.path))
  ),
  contributors AS (
    SELECT DISTINCT c.person_id
      FROM contribution c
     WHERE c.occurred_at >= $1 AND c.occurred_at < $2 AND c.kind = ANY($5::text[]) AND c.person_id IS NOT NULL
  )
  SELECT s.bucket::text AS "bucketId", COUNT(*)::int AS headcount, COUNT(k.person_id)::int AS contributors
    FROM staff s
    LEFT JOIN contributors k ON k.person_id = s.id
   GROUP BY s.bucket
   ORDER BY s.bucket NULLS LAST`;

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** The furthest funnel step of a status as its index in FUNNEL_STEPS, built from the domain's table. */
const STEP_INDEX_CASE = `CASE e.to_status ${Object.entries(STEP_OF_STATUS)
  .map(([status, step]) => `WHEN ${quote(status)} THEN ${FUNNEL_STEPS.indexOf(step)}`)
  .join(' ')} END`;

const ANSWER_STATUSES = `(${FIRST_ANSWER_STATUSES.map(quote).join(', ')})`;

/**
 * The cohort of ideas FIRST submitted in the period (of the scope: the idea's unit), followed to the
 * cut-off: how many stopped at each funnel step, the nearest-rank percentiles (percentile_disc is the
 * domain's `percentile`) of the time to first answer and to decision in milliseconds, and the
 * answer-time guarantee's counts ($4: the guarantee in days), by the rule of answeredWithinGuarantee:
 * judged when answered by the cut-off, or when its due time passed while it was open (not withdrawn
 * unanswered); within when answered by its due time.
 */
export const COHORT_SQL = `
  WITH first_submit AS (
    SELECT e.idea_id, MIN(e.occurred_at) AS submitted_at
      FROM idea_event e
     WHERE e.type = 'submit' AND e.to_status IS NOT NULL
     GROUP BY e.idea_id
    HAVING MIN(e.occurred_at) >= $1 AND MIN(e.occurred_at) < $2
  ),
  cohort AS MATERIALIZED (
    SELECT f.idea_id, f.submitted_at
      FROM first_submit f
      JOIN idea i ON i.id = f.idea_id
      LEFT JOIN org_unit ou ON ou.id = i.org_unit_id
     WHERE $3::uuid IS NULL OR $3::uuid = ANY(ou.path)
  ),
  facts AS (
    SELECT c.idea_id, c.submitted_at,
           MAX(${STEP_INDEX_CASE}) AS furthest,
           MIN(e.occurred_at) FILTER (WHERE e.to_status IN ${ANSWER_STATUSES} AND e.occurred_at >= c.submitted_at) AS answered_at,
           MIN(e.occurred_at) FILTER (WHERE e.from_status = ${quote(DECISION_FROM_STATUS)}) AS decided_at,
           MIN(e.occurred_at) FILTER (WHERE e.to_status = 'withdrawn') AS withdrawn_at
      FROM cohort c
      JOIN idea_event e ON e.idea_id = c.idea_id AND e.occurred_at <= $2 AND e.to_status IS NOT NULL
     GROUP BY c.idea_id, c.submitted_at
  ),
  judged AS (
    SELECT f.*, f.submitted_at + make_interval(days => $4::int) AS due,
           (f.answered_at IS NOT NULL OR f.submitted_at + make_interval(days => $4::int)
              <= LEAST($2::timestamptz, COALESCE(f.withdrawn_at, 'infinity'::timestamptz))) AS is_judged
      FROM facts f
  )
  SELECT COUNT(*)::int AS submitted,
         ${FUNNEL_STEPS.map((_, i) => `COUNT(*) FILTER (WHERE furthest = ${i})::int AS "step${i}"`).join(',\n         ')},
         COUNT(answered_at)::int AS "answeredCount",
         percentile_disc(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM answered_at - submitted_at) * 1000)
           FILTER (WHERE answered_at IS NOT NULL)::float8 AS "answerMedianMs",
         percentile_disc(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM answered_at - submitted_at) * 1000)
           FILTER (WHERE answered_at IS NOT NULL)::float8 AS "answerP90Ms",
         COUNT(decided_at)::int AS "decidedCount",
         percentile_disc(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM decided_at - submitted_at) * 1000)
           FILTER (WHERE decided_at IS NOT NULL)::float8 AS "decisionMedianMs",
         percentile_disc(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM decided_at - submitted_at) * 1000)
           FILTER (WHERE decided_at IS NOT NULL)::float8 AS "decisionP90Ms",
         COUNT(*) FILTER (WHERE is_judged)::int AS "guaranteeJudged",
         COUNT(*) FILTER (WHERE is_judged AND answered_at IS NOT NULL AND answered_at <= due)::int AS "guaranteeWithin"
    FROM judged`;

/** The unit `ou` (the idea's, the adopting unit's or the person's) is in the scope. */
const IN_SCOPE = `($3::uuid IS NULL OR $3::uuid = ANY(ou.path))`;

/**
 * Experiments started in the period (their start date), by their outcome at the cut-off: an outcome
 * recorded after the cut-off was still running then.
 */
export const EXPERIMENTS_SQL = `
  SELECT CASE WHEN x.outcome_at IS NULL OR x.outcome_at > $2 THEN 'running' ELSE x.status END AS outcome,
         COUNT(*)::int AS count
    FROM experiment x
    JOIN idea i ON i.id = x.idea_id
    LEFT JOIN org_unit ou ON ou.id = i.org_unit_id
   WHERE x.starts_on >= ($1::timestamptz AT TIME ZONE 'UTC')::date
     AND (x.starts_on::timestamp AT TIME ZONE 'UTC') < $2::timestamptz AND ${IN_SCOPE}
   GROUP BY 1`;

/** Ideas that went into service in the period (an idea put back into service counts once). */
export const IMPLEMENTED_SQL = `
  SELECT COUNT(DISTINCT e.idea_id)::int AS count
    FROM idea_event e
    JOIN idea i ON i.id = e.idea_id
    LEFT JOIN org_unit ou ON ou.id = i.org_unit_id
   WHERE e.type = 'complete_implementation' AND e.to_status IS NOT NULL AND e.occurred_at >= $1 AND e.occurred_at < $2
     AND ${IN_SCOPE}`;

/** Replications accepted in the period, in the scope of the ADOPTING unit. */
export const REPLICATIONS_SQL = `
  SELECT COUNT(*)::int AS count
    FROM replication r
    JOIN org_unit ou ON ou.id = r.org_unit_id
   WHERE r.status = 'active' AND r.decided_at >= $1 AND r.decided_at < $2 AND ${IN_SCOPE}`;

/**
 * Distinct people with a recognition recorded in the period, per form (a person recognised in two
 * forms counts in each), in the scope of the person's unit.
 */
export const RECOGNISED_BY_FORM_SQL = `
  SELECT r.form, COUNT(DISTINCT r.person_id)::int AS people
    FROM recognition r
    JOIN person p ON p.id = r.person_id
    LEFT JOIN org_unit ou ON ou.id = p.org_unit_id
   WHERE r.status = 'recorded' AND r.recorded_at >= $1 AND r.recorded_at < $2 AND ${IN_SCOPE}
   GROUP BY r.form`;

/**
 * People with a recognition recorded in the period, per bucket of the scope (as STAFF_BY_BUCKET_SQL:
 * the unit directly below the scope that the person's unit lies in) and form: the table whose column
 * totals are the scope's people per form and whose rows are its units' (joint suppression, §6).
 */
export const RECOGNISED_BY_BUCKET_SQL = `
  WITH scope AS (
    SELECT COALESCE((SELECT cardinality(path) FROM org_unit WHERE id = $3::uuid), 0) AS depth
  )
  SELECT COALESCE(ou.path[s.depth + 1], ou.id)::text AS "bucketId", r.form, COUNT(DISTINCT r.person_id)::int AS people
    FROM recognition r
    JOIN person p ON p.id = r.person_id
    LEFT JOIN org_unit ou ON ou.id = p.org_unit_id
   CROSS JOIN scope s
   WHERE r.status = 'recorded' AND r.recorded_at >= $1 AND r.recorded_at < $2 AND ${IN_SCOPE}
   GROUP BY 1, 2
   ORDER BY 1 NULLS LAST, 2`;

/** HR's inputs in force for the year ($1 the year). */
export const CHARTER_INPUTS_SQL = `
  SELECT people_trained AS "peopleTrained", communication_actions AS "communicationActions",
         celebrations_held AS "celebrationsHeld", budget::text AS budget
    FROM charter_input WHERE year = $1 AND superseded_at IS NULL`;
