// The open-model load generator the benches share (a fixed arrival rate, no coordinated omission).
import http from 'node:http';
import { percentile } from './index.mjs';

/**
 * Open-model load at a fixed arrival rate: request n is due at start + n / rate (evenly spaced), sent on
 * a keep-alive connection (up to 50; when all are busy it waits for one, and that wait is counted), and
 * its latency is measured from the time it was DUE, so a slow server or a busy client never hides
 * waiting time (no coordinated omission). autocannon's `overallRate` was not this (bursts at the start
 * of each second; see docs/performance.md). `next(n)` gives request n: { cls, path, method?, headers? }.
 * Returns the percentiles per class and over all, and `timeline`: the p95 of the requests due in each
 * second (where a cold start's slow first seconds show).
 */
export async function load(port, next, seconds, rate) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
  const total = Math.round(rate * seconds);
  const times = new Map();
  const bySecond = [];
  const errors = new Map();
  const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
  const firstError = new Map();
  let late = 0;
  const start = performance.now();
  let sent = 0;
  let done = 0;
  await new Promise((resolve) => {
    const finish = () => {
      if (++done === total) resolve();
    };
    const fire = (n) => {
      const due = start + (n * 1000) / rate;
      if (performance.now() - due > 5) late += 1;
      const r = next(n);
      const req = http.request(
        { host: '127.0.0.1', port, path: r.path, method: r.method ?? 'GET', agent, headers: r.headers },
        (res) => {
          const failed = res.statusCode >= 300;
          if (failed) bump(errors, r.cls);
          let body = '';
          // The first failure of each class is kept to be printed (what went wrong, not just how often).
          if (failed && !firstError.has(r.cls)) res.on('data', (d) => (body += d));
          else res.resume();
          res.on('end', () => {
            if (failed && !firstError.has(r.cls))
              firstError.set(r.cls, `${r.method ?? 'GET'} ${r.path} → ${res.statusCode} ${body.slice(0, 300)}`);
            if (!times.has(r.cls)) times.set(r.cls, []);
            times.get(r.cls).push(performance.now() - due);
            (bySecond[Math.floor(n / rate)] ??= []).push(performance.now() - due);
            finish();
          });
        },
      );
      req.on('error', (err) => {
        bump(errors, r.cls);
        // No answer at all (a reset socket, a refused connection): said as such, not only counted.
        if (!firstError.has(r.cls))
          firstError.set(r.cls, `${r.method ?? 'GET'} ${r.path} → no answer: ${err.code ?? err.message}`);
        finish();
      });
      req.end();
    };
    const tick = () => {
      const dueNow = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
      while (sent < dueNow) fire(sent++);
      if (sent < total) setTimeout(tick, Math.max(0, start + (sent * 1000) / rate - performance.now()));
    };
    tick();
  });
  agent.destroy();
  const summary = (list, errs) => {
    list.sort((a, b) => a - b);
    return {
      requests: list.length,
      errors: errs,
      p50: percentile(list, 50),
      p95: percentile(list, 95),
      p99: percentile(list, 99),
    };
  };
  const classes = {};
  for (const [cls, list] of times) classes[cls] = summary(list, errors.get(cls) ?? 0);
  const all = summary(
    [...times.values()].flat(),
    [...errors.values()].reduce((a, b) => a + b, 0),
  );
  const timeline = bySecond.map((list) =>
    percentile(
      list.sort((a, b) => a - b),
      95,
    ),
  );
  return { classes, all, late, rate: total / seconds, firstError, timeline };
}
