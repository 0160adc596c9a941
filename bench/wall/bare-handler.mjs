#!/usr/bin/env node
// The bare handler the wall bench sets beside the API (issue 15): node:http and a `pg` pool, no Nest,
// no Express, no session, no access log, no page cache. `GET /api/wall` runs the wall's own service
// (bench/wall/wall-service.mjs), i.e. the very statements the API runs for that page; the idea page
// and a support are one statement each here (the idea's row and counters; the support and its
// counter), where the API runs its whole use case (session, permissions, authors, audit): they are
// the floor of those classes, not a twin.
// Usage: node bench/wall/bare-handler.mjs <build folder> <database url> <port>
import http from 'node:http';
import pg from 'pg';
import { wallQueryOf, wallServiceOn } from './wall-service.mjs';

const [build, url, port] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 10 });
const wall = wallServiceOn(build, pool);

const IDEA = `SELECT i.id, i.kind, i.status, i.title, i.summary, i.body_html, i.themes, i.published_at,
  coalesce(n.support_count, 0) AS support_count, coalesce(n.comment_count, 0) AS comment_count
  FROM idea i LEFT JOIN idea_counter n ON n.idea_id = i.id WHERE i.id = $1`;
const SUPPORT = `WITH s AS (INSERT INTO support (idea_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING idea_id)
  UPDATE idea_counter SET support_count = support_count + 1 WHERE idea_id IN (SELECT idea_id FROM s)`;
const UNSUPPORT = `WITH s AS (DELETE FROM support WHERE idea_id = $1 AND person_id = $2 RETURNING idea_id)
  UPDATE idea_counter SET support_count = support_count - 1 WHERE idea_id IN (SELECT idea_id FROM s)`;
const PERSON = process.env.BENCH_PERSON_ID;

const send = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

http
  .createServer(async (req, res) => {
    try {
      const u = new URL(req.url, 'http://bare');
      const idea = /^\/api\/ideas\/([0-9a-f-]{36})(\/support)?$/.exec(u.pathname);
      if (u.pathname === '/api/wall') return send(res, 200, await wall.page(wallQueryOf(u.searchParams)));
      if (idea && !idea[2] && req.method === 'GET') {
        const { rows } = await pool.query(IDEA, [idea[1]]);
        return send(res, rows.length ? 200 : 404, rows[0] ?? {});
      }
      if (idea && idea[2]) {
        await pool.query(req.method === 'DELETE' ? UNSUPPORT : SUPPORT, [idea[1], PERSON]);
        return send(res, 200, {});
      }
      send(res, 404, {});
    } catch (err) {
      send(res, 500, { error: String(err) });
    }
  })
  .listen(Number(port), '127.0.0.1', () => console.log('listening'));

process.on('SIGTERM', () => pool.end().finally(() => process.exit(0)));
