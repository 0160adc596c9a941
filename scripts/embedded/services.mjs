// The api and worker child processes: spawned with their environment, their output prefixed
// (`api |`, `worker |`) and made readable by pino-pretty, the last lines kept for a crash report,
// and a stop() that sends SIGTERM then SIGKILL after a grace period.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import pinoPretty from 'pino-pretty';

const KEPT_LINES = 30;
const STOP_GRACE_MS = 10_000;
/** Nest's per-module and per-route boot lines: dozens of them, useful only when debugging (ECLORE_LOG_FORMAT=json keeps them). */
const NEST_BOOT_NOISE = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

function formatter(pretty, colorize) {
  if (!pretty) return (line) => line;
  const format = pinoPretty.prettyFactory({
    colorize,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,service,context,req,res,responseTime,reqId',
    // Request lines on one line (method, path, status, time) instead of nested objects.
    messageFormat: (log, messageKey) => {
      const context = log.context ? `[${log.context}] ` : '';
      const { req, res } = log;
      if (req && res) return `${context}${req.method} ${req.url} → ${res.statusCode} (${log.responseTime} ms)`;
      return `${context}${log[messageKey] ?? ''}`;
    },
  });
  return (line) => {
    if (!line.startsWith('{')) return line;
    try {
      const parsed = JSON.parse(line);
      if (parsed.level <= 30 && NEST_BOOT_NOISE.has(parsed.context)) return null;
      return format(parsed).trimEnd();
    } catch {
      return line;
    }
  };
}

/**
 * Starts `node <entry>` as service `name`. `onExit(code, signal)` is called once when it ends.
 * `onLine(line)` sees each raw output line (readiness markers).
 */
export function startService({ name, entry, env, cwd, width, pretty, colorize, onLine = () => {}, onExit }) {
  const child = spawn(process.execPath, [entry], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const recent = [];
  const prefix = `${name.padEnd(width)} | `;
  const format = formatter(pretty, colorize);
  let exited = false;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
      onExit(code, signal);
    });
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      const shown = format(line);
      if (shown !== null) {
        // Kept as shown (readable), for the report when the process dies.
        recent.push(shown);
        if (recent.length > KEPT_LINES) recent.shift();
        process.stdout.write(prefix + shown.split('\n').join(`\n${prefix}`) + '\n');
      }
      onLine(line);
    });
  }
  return {
    name,
    pid: child.pid,
    recentLines: () => [...recent],
    get running() {
      return !exited;
    },
    async stop(graceMs = STOP_GRACE_MS) {
      if (exited) return exitPromise;
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (!exited) {
          process.stdout.write(`${prefix}did not stop within ${graceMs / 1000} s; killing it\n`);
          child.kill('SIGKILL');
        }
      }, graceMs);
      const result = await exitPromise;
      clearTimeout(timer);
      return result;
    },
  };
}
