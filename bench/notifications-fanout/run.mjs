#!/usr/bin/env node
// Notification fan-out benchmark (npm run bench:fanout): one campaign announcement to 200 000 people,
// through the PRODUCT path.
//
//   1. compiles the server code with SWC into dist/.bench-fanout-build (never touching dist/server);
//   2. creates a scratch database, migrates it, and writes (not measured) an organisation unit with
//      BENCH_UNITS sub-units holding BENCH_PEOPLE people (one in five in English), an admin who signs in,
//      and a campaign whose audience is that unit (so the audience is resolved through the subtrees);
//   3. starts an SMTP sink (`smtp-server`) in this process, and the real API and the real worker as
//      processes (the worker's SMTP_URL is the sink);
//   4. signs the admin in, reads the audience size the confirmation shows (GET …/announcement), then
//      announces the campaign (POST …/announcement) and measures until every in-app notification is
//      written and every e-mail has reached the sink — announcement row → outbox → relay → BullMQ →
//      fan-out batches (set-based INSERTs, deliveries and `deliver_batch` jobs in bulk) → batch sender →
//      SMTP;
//   5. checks: exactly one e-mail per person (distinct Message-IDs), French and English subjects, a
//      second POST changes nothing.
// Environment: BENCH_PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL,
// BENCH_PEOPLE (default 200000), BENCH_UNITS (default 20), BENCH_PORT (default 3988),
// BENCH_WORKER_CONCURRENCY (default 4). Interrupted, it stops the api and worker it started (the
// scratch database eclore_bench_fanout_<pid> is then left to drop by hand).
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { adminQuery, compile, databaseUrl, hashPasswordOf, machine, migrate, root, secs, signIn, sleep } from '../support/index.mjs';

const build = join(root, 'dist', '.bench-fanout-build');
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 200_000);
const UNITS = Number(process.env.BENCH_UNITS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3988);
const CONCURRENCY = Number(process.env.BENCH_WORKER_CONCURRENCY ?? 4);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const DB = `eclore_bench_fanout_${process.pid}`;
const dbUrl = databaseUrl(DB);
const PREFIX = `benchfanout${process.pid}`;

/** The organisation (set-based), an admin with a password, and the campaign. Returns what the run needs. */
async function setUp(client) {
  const hashPassword = hashPasswordOf(build);
  const [{ id: rootUnit }] = (
    await client.query(
      `INSERT INTO org_unit (id, code, name, kind, parent_id, path)
       SELECT g, 'BENCH', 'Direction du banc d’essai', 'direction', NULL, ARRAY[g] FROM gen_random_uuid() g
       RETURNING id`,
    )
  ).rows;
  await client.query(
    `INSERT INTO org_unit (id, code, name, kind, parent_id, path)
     SELECT x.g, 'BENCH-' || x.n, 'Service ' || x.n, 'service', $1, ARRAY[$1::uuid, x.g]
       FROM (SELECT n, gen_random_uuid() AS g FROM generate_series(1, $2) n) x`,
    [rootUnit, UNITS],
  );
  await client.query(
    `INSERT INTO person (employee_number, given_name, family_name, email, org_unit_id, active, locale)
     SELECT 'B' || n, 'Personne', 'N' || n, 'person' || n || '@bench.example',
            (SELECT id FROM org_unit WHERE code = 'BENCH-' || (1 + n % $2)), true,
            CASE WHEN n % 5 = 0 THEN 'en' ELSE NULL END
       FROM generate_series(1, $1) n`,
    [PEOPLE, UNITS],
  );
  // The admin sits outside the audience (in no unit): the audience is exactly the generated people.
  const [{ id: adminId }] = (
    await client.query(
      `INSERT INTO person (employee_number, given_name, family_name, email, org_unit_id, active)
       VALUES ('BADMIN', 'Claire', 'Admin', 'admin@bench.example', NULL, true) RETURNING id`,
    )
  ).rows;
  await client.query(`INSERT INTO role_grant (person_id, role) VALUES ($1, 'admin')`, [adminId]);
  const password = 'bench fanout password 2026';
  await client.query(`INSERT INTO local_credential (person_id, password_hash) VALUES ($1, $2)`, [
    adminId,
    await hashPassword(password),
  ]);
  const [{ id: campaignId }] = (
    await client.query(
      `INSERT INTO campaign (title, question, description_html, sponsor_id, audience_org_unit_ids, submission_rules, created_by)
       VALUES ('Mieux accueillir les nouveaux arrivants', 'Comment pourrions-nous mieux accueillir les nouveaux arrivants ?',
               '<p>Banc d’essai</p>', NULL, ARRAY[$1::uuid],
               '{"requiredFields":[],"titleMaxLength":140,"summaryMaxLength":600,"bodyMinLength":0,"allowedKinds":["problem","solution"]}',
               $2)
       RETURNING id`,
      [rootUnit, adminId],
    )
  ).rows;
  await client.query('ANALYZE');
  return { campaignId, email: 'admin@bench.example', password };
}

async function startSink() {
  let received = 0;
  const messageIds = new Set();
  const subjects = { fr: 0, en: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    size: 1024 * 1024,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk) => {
        if (head.length < 4096) head += chunk.toString('utf8');
      });
      stream.on('end', () => {
        received += 1;
        const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1];
        if (id) messageIds.add(id);
        const subject = /^Subject:\s*(.+)$/im.exec(head)?.[1] ?? '';
        // Encoded-word subjects: count the language from the raw header's English marker.
        if (/New_call|New call|TmV3IGNhbGwg/.test(subject)) subjects.en += 1;
        else subjects.fr += 1;
        callback();
      });
    },
  });
  server.server.on('connection', (socket) => socket.setNoDelay(true));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.server.address().port,
    received: () => received,
    distinct: () => messageIds.size,
    subjects,
    close: () => new Promise((r) => server.close(r)),
  };
}

function startProcess(name, main, env, readyText) {
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: dbUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: PREFIX,
      LOG_LEVEL: 'warn',
      PUBLIC_URL: `http://127.0.0.1:${PORT}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  const keep = (d) => {
    out = (out + String(d)).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const ready = new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}: ${out}`)));
    const check = () => (out.includes(readyText) ? resolve() : setTimeout(check, 100));
    check();
  });
  return {
    ready,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

async function api(auth, method, path) {
  const res = await fetch(`http://127.0.0.1:${PORT}${path}`, {
    method,
    headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf, origin: `http://127.0.0.1:${PORT}` },
  });
  if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function main() {
  console.log(`machine: ${machine()}`);
  compile({ out: build, apps: ['apps/api/src', 'apps/worker/src'], copyFiles: true });
  await adminQuery(`CREATE DATABASE "${DB}"`);
  const client = new pg.Client({ connectionString: dbUrl });
  const sink = await startSink();
  let apiProc;
  let workerProc;
  try {
    migrate(build, dbUrl);
    await client.connect();
    const { rows: v } = await client.query('SHOW server_version');
    console.log(`PostgreSQL ${v[0].server_version}; ${PEOPLE} people in ${UNITS} units; worker concurrency ${CONCURRENCY}`);
    let t = performance.now();
    const setup = await setUp(client);
    console.log(`set-up (people, units, campaign; not measured): ${secs(performance.now() - t)}`);

    const smtpUrl = `smtp://127.0.0.1:${sink.port}`;
    apiProc = startProcess('api', join(build, 'apps/api/src/main.js'), { PORT: String(PORT), HOST: '127.0.0.1', SMTP_URL: smtpUrl }, 'listening');
    workerProc = startProcess(
      'worker',
      join(build, 'apps/worker/src/main.js'),
      { SMTP_URL: smtpUrl, WORKER_CONCURRENCY: String(CONCURRENCY), OUTBOX_POLL_INTERVAL_MS: '200' },
      'Éclore worker ready',
    );
    await Promise.all([apiProc.ready, workerProc.ready]);
    const auth = await signIn(PORT, setup.email, setup.password);
    const path = `/api/campaigns/${setup.campaignId}/announcement`;
    const preview = await api(auth, 'GET', path);
    console.log(`confirmation shows an audience of ${preview.audienceSize}`);
    if (preview.audienceSize !== PEOPLE) throw new Error(`audience ${preview.audienceSize}, expected ${PEOPLE}`);

    const start = performance.now();
    await api(auth, 'POST', path);
    // Progress as the campaign page shows it (GET every 2 s, as a manager watching would), the end
    // of the in-app part from the announcement's row, and the end of the e-mails at the sink.
    let inAppMs = null;
    let last = 0;
    let lastStatus = 0;
    let s = null;
    for (;;) {
      const now = performance.now();
      if (now - lastStatus > 2000) {
        lastStatus = now;
        s = await api(auth, 'GET', path);
        if (inAppMs === null && s.completed && s.notified === PEOPLE) inAppMs = performance.now() - start;
        if (s.emailsFailed > 0) throw new Error(`${s.emailsFailed} e-mails failed`);
      }
      if (now - last > 15_000) {
        last = now;
        console.log(
          `  ${secs(now - start)}: ${s.notified} notified, ${s.emailsQueued} e-mails queued, ${s.emailsSent} sent, sink ${sink.received()}`,
        );
      }
      if (inAppMs !== null && sink.received() >= PEOPLE) break;
      if (now - start > 30 * 60_000) throw new Error('gave up after 30 minutes');
      await sleep(100);
    }
    const totalMs = performance.now() - start;
    const { rows: timing } = await client.query(
      `SELECT extract(epoch FROM (a.completed_at - a.announced_at)) * 1000 AS fan_ms,
              extract(epoch FROM (max(d.sent_at) - a.announced_at)) * 1000 AS mail_ms
         FROM campaign_announcement a
         JOIN notification n ON n.announcement_id = a.id
         JOIN notification_delivery_item di ON di.notification_id = n.id
         JOIN notification_delivery d ON d.id = di.delivery_id
        GROUP BY a.id`,
    );
    // A second announcement changes nothing.
    await api(auth, 'POST', path);
    await sleep(3000);
    const after = await api(auth, 'GET', path);
    const { rows: counts } = await client.query(
      `SELECT (SELECT count(*) FROM notification)::int AS notifications,
              (SELECT count(*) FROM notification_delivery)::int AS deliveries,
              (SELECT count(*) FROM outbox_message WHERE job_name = 'notifications.deliver_batch')::int AS batch_jobs`,
    );
    console.log(
      `in-app: ${PEOPLE} notifications written ${secs(inAppMs)} after the POST (fan-out transactions: ${secs(Number(timing[0].fan_ms))})`,
    );
    console.log(
      `e-mail: ${sink.received()} reached the sink (${sink.distinct()} distinct Message-IDs; ${sink.subjects.fr} French, ${sink.subjects.en} English) in ${secs(totalMs)}; ${Math.round(sink.received() / (totalMs / 1000))}/s; ${counts[0].batch_jobs} deliver_batch jobs`,
    );
    console.log(
      `TOTAL: ${secs(totalMs)} from the POST to the last e-mail at the sink (last sent_at ${secs(Number(timing[0].mail_ms))}); load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    if (
      sink.received() !== PEOPLE ||
      sink.distinct() !== PEOPLE ||
      counts[0].notifications !== PEOPLE ||
      counts[0].deliveries !== PEOPLE ||
      after.notified !== PEOPLE ||
      after.emailsSent !== PEOPLE
    )
      throw new Error(`expected ${PEOPLE} of each: ${JSON.stringify({ sink: sink.received(), ...counts[0], after })}`);
    console.log('checks: one e-mail per person, one notification per person, the page’s counters exact, a second announcement changed nothing');
  } catch (err) {
    if (workerProc) console.error(`worker output (tail):\n${workerProc.output().slice(-3000)}`);
    throw err;
  } finally {
    await workerProc?.stop();
    await apiProc?.stop();
    await sink.close();
    await client.end().catch(() => undefined);
    await adminQuery(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
    const redis = new Redis(redisUrl);
    for (let cursor = '0'; ; ) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
    await redis.quit();
  }
}

const children = [];
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => {
    for (const c of children) c.kill('SIGKILL');
    process.exit(130);
  });
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
