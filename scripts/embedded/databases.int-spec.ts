/**
 * The embedded databases' connection server (scripts/embedded/databases.mjs) as BullMQ uses it:
 * a NOTIFY reaches the connection that LISTENs, and so a worker whose queue holds a far-off
 * delayed job still picks up a new job at once. Before the notification routing, PGlite handed
 * the NotificationResponse to the notifier's own connection: the worker slept until its delayed
 * job was due (up to an hour) and the notifications and qualification queues stood still.
 * Runs in a child process: PGlite and the server are ES modules that Jest's CommonJS runtime
 * does not load.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

const PROBE = `
import { startEmbeddedDatabases } from ${JSON.stringify(join(ROOT, 'scripts/embedded/databases.mjs'))};
import pg from 'pg';
import { Queue, Worker, createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
const dbs = await startEmbeddedDatabases(process.argv.at(-1), { dataConnections: 4, queueConnections: 12 });
const result = {};
try {
  // Plain LISTEN/NOTIFY between two connections, in and out of a transaction, and UNLISTEN by one
  // connection leaving the other one listening.
  const listener = new pg.Client({ connectionString: dbs.queueUrl });
  const notifier = new pg.Client({ connectionString: dbs.queueUrl });
  const other = new pg.Client({ connectionString: dbs.queueUrl });
  for (const c of [listener, notifier, other]) await c.connect();
  const heard = [];
  for (const [name, c] of [['listener', listener], ['notifier', notifier], ['other', other]]) c.on('notification', (m) => heard.push([name, m.payload]));
  await listener.query('LISTEN probe_channel');
  await other.query('LISTEN probe_channel');
  await other.query('UNLISTEN probe_channel');
  await notifier.query("SELECT pg_notify('probe_channel', 'one')");
  await notifier.query('BEGIN');
  await notifier.query("NOTIFY probe_channel, 'two'");
  await notifier.query('COMMIT');
  await new Promise((r) => setTimeout(r, 200));
  result.heard = heard;
  for (const c of [listener, notifier, other]) await c.end();

  // BullMQ's PostgreSQL backend, as the embedded worker runs it.
  setDefaultBackendFactory(createPostgresBackend);
  const connection = { connectionString: dbs.queueUrl, schema: 'public', migrate: true };
  const queue = new Queue('probe', { connection });
  await queue.add('later', {}, { delay: 3_600_000 });
  const done = [];
  const worker = new Worker('probe', async (job) => { done.push(job.name); }, { connection });
  await worker.waitUntilReady();
  await new Promise((r) => setTimeout(r, 1500)); // the worker now blocks until the delayed job
  const added = Date.now();
  await queue.add('now', {});
  while (!done.includes('now') && Date.now() - added < 30_000) await new Promise((r) => setTimeout(r, 50));
  result.processed = done;
  result.pickedUpWithin30s = done.includes('now');
  await worker.close();
  await queue.close();
} finally {
  await dbs.stop();
}
process.stdout.write(JSON.stringify(result));
`;

describe('embedded databases: notifications reach their listeners', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'eclore-embedded-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('routes NOTIFY to the listening connection, and a BullMQ worker blocked on a delayed job takes a new job', async () => {
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--input-type=module', '-e', PROBE, dir], { cwd: ROOT, timeout: 110_000 }, (err, stdout, stderr) =>
        err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
      ),
    );
    const result = JSON.parse(out) as { heard: [string, string][]; processed: string[]; pickedUpWithin30s: boolean };
    expect(result.heard).toEqual([
      ['listener', 'one'],
      ['listener', 'two'],
    ]);
    expect(result.processed).toEqual(['now']);
    expect(result.pickedUpWithin30s).toBe(true);
  }, 120_000);
});
