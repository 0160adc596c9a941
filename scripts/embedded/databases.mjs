// Embedded mode's data services: two PGlite instances (PostgreSQL compiled to WASM), each served on
// 127.0.0.1 by pglite-socket so the api and the worker use the ordinary `pg` driver unchanged.
//
// Why two instances: pglite-socket multiplexes every TCP connection onto ONE PostgreSQL session
// (read node_modules/@electric-sql/pglite-socket/dist/chunk-*.js, QueryQueueManager). BullMQ's
// PostgreSQL backend relies on session state (LISTEN, `search_path` set at connect, advisory
// locks); keeping it in its own instance keeps that state away from the application's data.
//
// Limits that follow from the single session (they do not exist with a real PostgreSQL):
//  - Queries of all connections run one at a time. Once a connection issues BEGIN, only that
//    connection's messages are served until COMMIT/ROLLBACK; the others wait in the queue.
//    So a code path that, inside a transaction, awaits a query on ANOTHER pooled connection hangs
//    forever here (it works on PostgreSQL). Always use the transaction's EntityManager.
//  - Row locks never conflict (one session): FOR UPDATE SKIP LOCKED skips nothing, advisory locks
//    are re-entrant across "connections". Correct only because one worker process runs.
//  - Session settings (SET, search_path, prepared statement names, LISTEN) are shared by every
//    connection of an instance. PGlite writes a NOTIFY's NotificationResponse into the output of
//    whichever connection's message is running (usually the notifier's own), so a listener never
//    saw it: routeNotifications below hands each one to the connections that LISTEN on its channel.
//    Without it, a BullMQ worker whose queue holds a delayed job blocks until that job is due (up
//    to an hour) and misses every new job meanwhile (the notifications and qualification queues).
//  - Statements of the extended protocol are queued message by message by pglite-socket, so
//    another connection's Parse could run between one's Parse and Bind: keepExtendedQueriesTogether
//    below serves one connection's Parse…Sync without interleaving (seen once the worker had five
//    queues starting at once).
//  - If PGlite throws while running a message, pglite-socket 0.2.17 leaves its queue "processing"
//    and every later query hangs; the replacement queue loop below carries on with the next message.
//  - A connection beyond `maxConnections` is answered with plain text and closed, which `pg`
//    reports as a protocol error: hence maxConnections is derived from the pool sizes below.
//  - One launcher per data folder: PGlite has no file locking of its own, so start.mjs holds a
//    lock file (two processes writing the same files would corrupt them).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

// PostgreSQL's default (128 MB) is allocated up front in WASM memory, per instance; these keep
// the embedded mode near 0.2 GB resident instead of 0.5 GB, ample for a trial or a small team.
const DATA_CONF = ['shared_buffers=32MB'];
const QUEUE_CONF = ['shared_buffers=16MB'];

function initFolder(folder) {
  return new Promise((resolve, reject) => {
    const script = join(dirname(fileURLToPath(import.meta.url)), 'init-data.mjs');
    execFile(process.execPath, [script, folder], (err, stdout, stderr) =>
      err ? reject(new Error(`creating ${folder} failed: ${err.message}\n${stderr}${stdout}`)) : resolve(),
    );
  });
}

// Extended-protocol messages (Parse, Bind, Describe, Execute, Close, Flush) leave state in the
// session (the unnamed statement and portal) until the client's Sync.
const EXTENDED = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));
const SYNC = 'S'.charCodeAt(0);

/**
 * pglite-socket queues each protocol message on its own, so with several connections busy another
 * connection's Parse can run between this one's Parse and Bind and replace the unnamed statement
 * ("unnamed prepared statement does not exist"; after such an error the socket's queue hangs).
 * This keeps one connection's Parse…Sync together, as it already does for BEGIN…COMMIT: while a
 * connection is between its first extended message and its Sync, only its messages are served,
 * waiting for them if they have not arrived yet. Same fields as QueryQueueManager.processQueue.
 */
const NOTIFICATION = 'A'.charCodeAt(0);
const QUERY = 'Q'.charCodeAt(0);
const PARSE = 'P'.charCodeAt(0);

/** The LISTEN/UNLISTEN commands of a Query or Parse message: [[listen?, channel or '*'], …]. */
function listenCommands(message) {
  const type = message[0];
  if (type !== QUERY && type !== PARSE) return [];
  let text = Buffer.from(message.subarray(5)).toString('utf8');
  if (type === PARSE) text = text.slice(text.indexOf('\0') + 1); // skip the statement name
  text = text.replace(/--[^\n]*/g, '');
  return [...text.matchAll(/\b(UN)?LISTEN\s+(\*|"[^"]+"|[A-Za-z_][\w$]*)/gi)].map((m) => [!m[1], m[2].replace(/^"|"$/g, '').toLowerCase()]);
}

/**
 * Routes NOTIFY deliveries to the connections that LISTEN. Tracks each connection's LISTEN and
 * UNLISTEN as they pass, and filters a running message's output: a NotificationResponse stays in
 * that connection's stream only if it listens on the channel, and is written to every other
 * listening connection's socket (they are idle between messages, so nothing is interleaved).
 * An UNLISTEN by one connection would unlisten the shared session for all: the channel is
 * listened again while another connection still wants it.
 */
function routeNotifications(server) {
  const channels = new Map(); // handlerId → Set of channels
  const handler = (id) => [...server.handlers].find((h) => h.handlerId === id);
  const listeners = (channel) => [...channels].filter(([, set]) => set.has(channel)).map(([id]) => id);
  return {
    /** Updates the bookkeeping for an incoming message; returns channels to listen on again. */
    observe(handlerId, message) {
      const relisten = [];
      for (const [listen, channel] of listenCommands(message)) {
        const set = channels.get(handlerId) ?? new Set();
        channels.set(handlerId, set);
        if (listen) set.add(channel);
        else {
          const dropped = channel === '*' ? [...set] : [channel];
          for (const c of dropped) set.delete(c);
          for (const c of dropped) if (listeners(c).length > 0) relisten.push(c);
        }
      }
      return relisten;
    },
    forget(handlerId) {
      channels.delete(handlerId);
    },
    /** Wraps an output callback: NotificationResponses are routed, everything else passes. */
    filter(handlerId, onData) {
      let pending = Buffer.alloc(0);
      return (chunk) => {
        pending = pending.length ? Buffer.concat([pending, Buffer.from(chunk)]) : Buffer.from(chunk);
        let passed = 0;
        let offset = 0;
        const out = [];
        while (pending.length - offset >= 5) {
          const length = 1 + pending.readInt32BE(offset + 1);
          if (pending.length - offset < length) break;
          const message = pending.subarray(offset, offset + length);
          offset += length;
          if (message[0] !== NOTIFICATION) {
            out.push(message);
            continue;
          }
          const body = message.subarray(9); // type, length, sender pid
          const channel = body.subarray(0, body.indexOf(0)).toString('utf8').toLowerCase();
          for (const id of listeners(channel)) {
            if (id === handlerId) out.push(message);
            else {
              const socket = handler(id)?.socket;
              if (socket?.writable) socket.write(Buffer.from(message));
            }
          }
        }
        pending = pending.subarray(offset);
        for (const message of out) {
          passed += message.length;
          onData(new Uint8Array(message));
        }
        return passed;
      };
    },
  };
}

function keepExtendedQueriesTogether(queue, notifications) {
  let midSequence = false;
  queue.processQueue = async function processQueue() {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    while (this.queue.length > 0) {
      let item;
      if ((midSequence || this.db.isInTransaction()) && this.lastHandlerId) {
        const index = this.queue.findIndex((q) => q.handlerId === this.lastHandlerId);
        item = index === -1 ? null : this.queue.splice(index, 1)[0];
      } else {
        item = this.queue.shift();
      }
      if (!item) break; // the sequence's next message has not arrived yet: its enqueue resumes us
      let bytes = 0;
      const relisten = notifications.observe(item.handlerId, item.message);
      const onData = notifications.filter(item.handlerId, (data) => item.onData(data));
      try {
        await this.db.runExclusive(() =>
          this.db.execProtocolRawStream(item.message, { onRawData: (data) => (bytes += onData(data)) }),
        );
        // exec takes PGlite's lock itself: after runExclusive, still before any other message.
        for (const channel of relisten) await this.db.exec(`LISTEN "${channel.replace(/"/g, '""')}"`);
      } catch (err) {
        // pglite-socket stops here and stays "processing" (every later query hangs); go on instead.
        midSequence = false;
        item.reject(err);
        continue;
      }
      const type = item.message[0];
      if (EXTENDED.has(type)) midSequence = true;
      else if (type === SYNC) midSequence = false;
      this.lastHandlerId = item.handlerId;
      item.resolve(bytes);
    }
    this.processing = false;
  };
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    // A connection gone mid-sequence must not hold the others forever.
    if (handlerId === queue.lastHandlerId) midSequence = false;
    notifications.forget(handlerId);
    clear(handlerId);
  };
}

async function serve(db, maxConnections, port) {
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections });
  keepExtendedQueriesTogether(server.queryQueue, routeNotifications(server));
  await server.start();
  const address = server.getServerConn(); // "127.0.0.1:<port>"
  return { server, url: `postgres://postgres@${address}/postgres` };
}

/**
 * Opens (creating on first use) `<dataDir>/db` and `<dataDir>/queue`, and serves them on free
 * local ports. Returns both URLs and a stop() that closes sockets first, then PGlite (a clean
 * shutdown checkpoints, so the next start needs no recovery).
 */
export async function startEmbeddedDatabases(dataDir, { dataConnections, queueConnections, onStep = () => {} }) {
  mkdirSync(dataDir, { recursive: true });
  const opened = [];
  const stop = async () => {
    for (const { server } of opened.filter((o) => o.server)) await server.stop().catch(() => {});
    for (const { db } of opened) if (!db.closed) await db.close().catch(() => {});
  };
  const folders = [join(dataDir, 'db'), join(dataDir, 'queue')];
  const fresh = folders.filter((f) => !existsSync(join(f, 'PG_VERSION')));
  // One process per folder, in parallel: initdb is CPU-bound and single-threaded.
  await Promise.all(fresh.map((folder) => initFolder(folder)));
  try {
    onStep('data');
    const data = await PGlite.create(folders[0], { extensions: { pg_trgm, unaccent }, postgresqlconf: DATA_CONF });
    const dataEntry = { db: data };
    opened.push(dataEntry);
    onStep('queue');
    const queue = await PGlite.create(folders[1], { postgresqlconf: QUEUE_CONF });
    const queueEntry = { db: queue };
    opened.push(queueEntry);
    const d = await serve(data, dataConnections, Number(process.env.ECLORE_DB_PORT ?? 0));
    dataEntry.server = d.server;
    const q = await serve(queue, queueConnections, 0);
    queueEntry.server = q.server;
    return { dataUrl: d.url, queueUrl: q.url, stop, stats: () => ({ data: d.server.getStats(), queue: q.server.getStats() }) };
  } catch (err) {
    await stop();
    throw err;
  }
}
