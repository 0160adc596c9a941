#!/usr/bin/env node
// Notification fan-out benchmark (npm run bench:fanout): one campaign announcement to 200 000 people.
//
// It measures the MECHANISM, not the product path. When this bench was written the notifications
// context (libs/server/notifications) was landing, and it fans out idea events to their recipients
// (authors, followers...); there is no "campaign announcement to everyone" event in it to drive yet.
// So the bench holds its own minimal tables in a scratch database and does what that path must do,
// the way the product does it:
//   1. in-app: ONE set-based INSERT … SELECT writes a notification per person, with the e-mail
//      deliveries as `pending` rows under the unique (event, recipient, channel) key (ON CONFLICT DO
//      NOTHING, so a re-run of the fan-out writes nothing twice);
//   2. e-mail: pending deliveries are read in keyset batches, rendered in the recipient's language
//      (French or English, with a plain-text part) and handed to an SMTP server through nodemailer's
//      pooled transport; each batch is marked sent in one UPDATE.
// The SMTP sink is `smtp-server` in this same process (it competes for the same 2 cores, as a local
// relay would). The run fails unless the sink received exactly one message per person.
// Environment: BENCH_PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_PEOPLE (default 200000), BENCH_SMTP_CONNECTIONS (default 8), BENCH_BATCH (default 2000).
import { connect } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 200_000);
const CONNECTIONS = Number(process.env.BENCH_SMTP_CONNECTIONS ?? 8);
const BATCH = Number(process.env.BENCH_BATCH ?? 2000);
const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `eclore_bench_fanout_${process.pid}`;

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

const TEMPLATES = {
  fr: {
    subject: (t) => `Nouvel appel à idées : ${t}`,
    text: (name, t, url) =>
      `Bonjour ${name},\n\nUn nouvel appel à idées est ouvert : « ${t} ».\nProposez vos idées : ${url}\n\nSe désabonner de ces annonces : ${url}/preferences`,
  },
  en: {
    subject: (t) => `New call for ideas: ${t}`,
    text: (name, t, url) =>
      `Hello ${name},\n\nA new call for ideas is open: “${t}”.\nBring your ideas: ${url}\n\nUnsubscribe from these announcements: ${url}/preferences`,
  },
};
const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

async function startSink() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received += 1;
        callback();
      });
    },
  });
  server.server.on('connection', (socket) => socket.setNoDelay(true));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.server.address().port,
    received: () => received,
    close: () => new Promise((r) => server.close(r)),
  };
}

async function main() {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const db = new pg.Pool({ connectionString: url.toString(), max: 4 });
  // Dropping the scratch database (WITH FORCE) ends any connection still closing: not an error here.
  db.on('error', () => undefined);
  const sink = await startSink();
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: sink.port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: CONNECTIONS,
    maxMessages: Infinity,
    // Our own sockets with Nagle off: SMTP is many small request/reply lines, and on loopback Nagle +
    // delayed ACK otherwise put ~45 ms on every message of a connection.
    getSocket: (_options, callback) => {
      const socket = connect(sink.port, '127.0.0.1', () => {
        socket.setNoDelay(true);
        callback(null, { connection: socket });
      });
      socket.once('error', callback);
    },
  });
  try {
    console.log(
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    );
    const [{ server_version: pgVersion }] = (await db.query('SHOW server_version')).rows;
    console.log(`PostgreSQL ${pgVersion}; ${PEOPLE} people; ${CONNECTIONS} SMTP connections; batches of ${BATCH}`);

    // Set-up (not measured): the people with their language, and the event to announce.
    let t = performance.now();
    await db.query(`
      CREATE TABLE person (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), given_name text NOT NULL,
        email text NOT NULL UNIQUE, locale text NOT NULL, active boolean NOT NULL DEFAULT true);
      CREATE TABLE notification (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, event_id bigint NOT NULL,
        person_id uuid NOT NULL REFERENCES person(id), category text NOT NULL, link text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(), read_at timestamptz,
        CONSTRAINT uq_notification UNIQUE (event_id, person_id));
      CREATE INDEX ix_notification_unread ON notification (person_id, created_at DESC) WHERE read_at IS NULL;
      CREATE TABLE delivery (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, event_id bigint NOT NULL,
        person_id uuid NOT NULL REFERENCES person(id), channel text NOT NULL, status text NOT NULL DEFAULT 'pending',
        sent_at timestamptz, CONSTRAINT uq_delivery UNIQUE (event_id, person_id, channel));
      CREATE INDEX ix_delivery_pending ON delivery (id) WHERE status = 'pending';`);
    await db.query(
      `INSERT INTO person (given_name, email, locale)
       SELECT 'Person' || n, 'person' || n || '@bench.example', CASE WHEN n % 5 = 0 THEN 'en' ELSE 'fr' END
       FROM generate_series(1, $1) n`,
      [PEOPLE],
    );
    await db.query('ANALYZE person');
    console.log(`set-up (people written, not measured): ${secs(performance.now() - t)}`);

    const eventId = 1;
    const campaign = { title: 'Mieux accueillir les nouveaux arrivants', url: 'https://eclore.example/campaigns/1' };
    const start = performance.now();

    // 1. In-app notifications and pending e-mail deliveries, set-based, idempotent.
    t = performance.now();
    const fan = await db.query(
      `WITH n AS (
         INSERT INTO notification (event_id, person_id, category, link)
         SELECT $1, p.id, 'campaign_announcement', $2 FROM person p WHERE p.active
         ON CONFLICT ON CONSTRAINT uq_notification DO NOTHING
         RETURNING person_id)
       INSERT INTO delivery (event_id, person_id, channel)
       SELECT $1, person_id, 'email' FROM n
       ON CONFLICT ON CONSTRAINT uq_delivery DO NOTHING`,
      [eventId, campaign.url],
    );
    const inAppMs = performance.now() - t;
    const again = await db.query(
      `INSERT INTO notification (event_id, person_id, category, link)
       SELECT $1, p.id, 'campaign_announcement', $2 FROM person p WHERE p.active
       ON CONFLICT ON CONSTRAINT uq_notification DO NOTHING`,
      [eventId, campaign.url],
    );
    console.log(
      `in-app: ${fan.rowCount} notifications + e-mail deliveries in ${secs(inAppMs)} (re-run wrote ${again.rowCount})`,
    );

    // 2. E-mails: keyset batches of pending deliveries → nodemailer pool → SMTP sink; one UPDATE per batch.
    t = performance.now();
    let after = 0;
    let sent = 0;
    for (;;) {
      const { rows } = await db.query(
        `SELECT d.id::text AS id, p.given_name, p.email, p.locale FROM delivery d JOIN person p ON p.id = d.person_id
         WHERE d.status = 'pending' AND d.id > $1 ORDER BY d.id LIMIT $2`,
        [after, BATCH],
      );
      if (rows.length === 0) break;
      await Promise.all(
        rows.map((r) => {
          const tpl = TEMPLATES[r.locale] ?? TEMPLATES.fr;
          const text = tpl.text(r.given_name, campaign.title, campaign.url);
          return transport.sendMail({
            from: 'Éclore <no-reply@eclore.example>',
            to: r.email,
            subject: tpl.subject(campaign.title),
            text,
            html: `<p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>`,
            headers: { 'X-Eclore-Delivery': r.id, 'List-Unsubscribe': `<${campaign.url}/preferences>` },
          });
        }),
      );
      const ids = rows.map((r) => r.id);
      await db.query(`UPDATE delivery SET status = 'sent', sent_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
      sent += rows.length;
      after = Number(ids[ids.length - 1]);
      if (sent % 20_000 < BATCH) {
        const rate = sent / ((performance.now() - t) / 1000);
        console.log(`  … ${sent} e-mails handed over (${Math.round(rate)}/s)`);
      }
    }
    const mailMs = performance.now() - t;
    const totalMs = performance.now() - start;
    const received = sink.received();
    const [{ count: notifications }] = (await db.query('SELECT count(*)::int AS count FROM notification')).rows;
    const [{ count: stillPending }] = (
      await db.query(`SELECT count(*)::int AS count FROM delivery WHERE status = 'pending'`)
    ).rows;
    console.log(
      `e-mail: ${sent} handed to the SMTP sink in ${secs(mailMs)} (${Math.round(sent / (mailMs / 1000))}/s); sink received ${received}`,
    );
    console.log(
      `TOTAL fan-out: ${secs(totalMs)} for ${notifications} in-app notifications and ${received} e-mails (load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')})`,
    );
    if (notifications !== PEOPLE || received !== PEOPLE || stillPending !== 0) {
      throw new Error(
        `expected ${PEOPLE} of each; got ${notifications} notifications, ${received} e-mails, ${stillPending} pending`,
      );
    }
  } finally {
    transport.close();
    await sink.close();
    await db.end();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
