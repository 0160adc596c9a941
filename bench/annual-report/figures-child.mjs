#!/usr/bin/env node
// The "figures only" step of bench:annual-report (--figures-only, --figures-only-too), in a process
// of its own so that its peak memory is its own: boots a Nest application context of the bench's
// build with the modules the figures read through (configuration, database, access, ReportModule),
// as the api would, and asks AnnualFiguresService as HR for the whole organisation's figures of YEAR
// (the service computes the year before too, for the comparison), then for each top-level unit (the
// dashboard's drill-down, one request each). Prints one JSON line: the timings and the process's
// peak RSS (VmHWM). The whole report by the worker is job.mjs.
// Usage (run.mjs does it): node figures-child.mjs <build dir> <year>   with DATABASE_URL set.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const [buildArg, yearArg] = process.argv.slice(2);
const build = resolve(buildArg);
const year = Number(yearArg);
const require = createRequire(join(build, 'libs/server/recognition/src/index.js'));
require('reflect-metadata');
const { Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { DataSource } = require('typeorm');
const { AppConfigModule, DatabaseModule } = require(join(build, 'libs/server/platform/src/index.js'));
const { AccessModule, AuditModule } = require(join(build, 'libs/server/identity/src/index.js'));
const { ReportModule, AnnualFiguresService } = require(join(build, 'libs/server/recognition/src/report/index.js'));
const { dataSourceOptions } = require(join(build, 'migrations/index.js'));

const peakRssMb = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;

class AnnualBenchModule {}
Module({
  imports: [AppConfigModule, DatabaseModule.forRoot(dataSourceOptions), AuditModule, AccessModule, ReportModule],
})(AnnualBenchModule);

async function main() {
  const t0 = process.hrtime.bigint();
  const app = await NestFactory.createApplicationContext(AnnualBenchModule, { logger: false, abortOnError: false });
  const bootMs = ms(t0);
  const service = app.get(AnnualFiguresService);
  const ds = app.get(DataSource);
  // HR, organisation-wide: the report's requester.
  const actor = {
    personId: '00000000-0000-4000-8000-000000000001',
    orgUnitId: null,
    assignments: [{ role: 'hr', scope: { kind: 'organisation' } }],
  };
  const now = new Date();
  let t = process.hrtime.bigint();
  const whole = await service.figures(actor, year, null, now);
  const wholeMs = ms(t);
  const directions = await ds.query(`SELECT id, code FROM org_unit WHERE parent_id IS NULL AND active ORDER BY code`);
  const units = [];
  t = process.hrtime.bigint();
  for (const d of directions) {
    const u0 = process.hrtime.bigint();
    const f = await service.figures(actor, year, d.id, now);
    units.push({ code: d.code, ms: ms(u0), headcount: f.headcount, submitted: f.funnel?.[0]?.count ?? null });
  }
  const unitsMs = ms(t);
  await app.close();
  process.stdout.write(
    `${JSON.stringify({
      bootMs,
      wholeMs,
      unitsMs,
      units,
      peakRssMb: peakRssMb(),
      figures: {
        headcount: whole.headcount,
        contributors: whole.contributors,
        participationRate: whole.participationRate,
        ideasPer100Staff: whole.ideasPer100Staff,
        funnel: whole.funnel?.map((s) => [s.step, s.count]),
        timeToFirstAnswer: whole.timeToFirstAnswer,
        timeToDecision: whole.timeToDecision,
        answeredWithinGuarantee: whole.answeredWithinGuarantee,
        experiments: whole.experiments,
        implementedIdeas: whole.implementedIdeas,
        replications: whole.replications,
        peopleRecognised: whole.peopleRecognised?.total ?? whole.peopleRecognised,
        impactLines: whole.impact?.length,
      },
    })}\n`,
  );
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
