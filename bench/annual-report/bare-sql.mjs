// The annual figures' queries alone (the report's own SQL text, from the bench's build), on a plain
// `pg` connection: what bench:annual-report prints beside the service's end-to-end time, and what
// `--explain` prints the plans of. One copy of the SQL: the bench never restates a query.
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The report's statements for one year and scope, as AnnualFiguresService's repository sends them. */
export function reportStatements(build, { year, scopeUnitId, guaranteeDays, now = new Date() }) {
  const require = createRequire(join(build, 'libs/server/recognition/src/index.js'));
  const sql = require(join(build, 'libs/server/recognition/src/report/report.sql.js'));
  const { rollupQuery } = require(join(build, 'libs/server/realisation/src/impact/impact-rollup.sql.js'));
  const { reportPeriod } = require(join(build, 'libs/domain/src/index.js'));
  const period = reportPeriod(year, now);
  const from = period.from;
  const cutoff = period.cutoff;
  const yearEnd = new Date(Date.UTC(year + 1, 0, 1));
  const slice = [from, cutoff, scopeUnitId];
  const impact = rollupQuery(
    { everywhere: true, units: [], themes: [] },
    { grouping: 'year', year, ...(scopeUnitId ? { orgUnitId: scopeUnitId } : {}) },
  );
  return [
    ['staff and contributors', sql.STAFF_BY_BUCKET_SQL, [from, cutoff, scopeUnitId, yearEnd, sql.PARTICIPATION_KINDS]],
    ['cohort (funnel, times, guarantee)', sql.COHORT_SQL, [...slice, guaranteeDays]],
    ['experiments', sql.EXPERIMENTS_SQL, slice],
    ['implemented ideas', sql.IMPLEMENTED_SQL, slice],
    ['replications', sql.REPLICATIONS_SQL, slice],
    ['people recognised', sql.RECOGNISED_BY_FORM_SQL, slice],
    ['impact (realisation roll-up)', impact.text, impact.values],
    ...(scopeUnitId ? [] : [['charter inputs', sql.CHARTER_INPUTS_SQL, [year]]]),
  ];
}

/** Runs each statement once in one REPEATABLE READ snapshot (as the service does); ms per statement. */
export async function timeStatements(client, statements) {
  const times = [];
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
  try {
    for (const [label, text, values] of statements) {
      const t = process.hrtime.bigint();
      await client.query(text, values);
      times.push([label, Number(process.hrtime.bigint() - t) / 1e6]);
    }
  } finally {
    await client.query('COMMIT');
  }
  return times;
}
