// Makes sure the real services the tests need are here: PostgreSQL, Redis and Debian's chromium.
// On a fresh Debian/Ubuntu machine they are installed with apt when we are root (or have
// passwordless sudo); otherwise we say exactly what to install. Nothing is downloaded by hand.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import net from 'node:net';
import pg from 'pg';

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';
const FALLBACK_PG = 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const DEFAULT_REDIS = 'redis://127.0.0.1:6379';
const CHROMIUM = '/usr/bin/chromium';

const say = (m) => process.stdout.write(`  ${m}\n`);

function canUseApt() {
  if (!existsSync('/usr/bin/apt-get')) return null;
  if (process.getuid?.() === 0) return [];
  const sudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
  return sudo.status === 0 ? ['sudo', '-n'] : null;
}

let aptUpdated = false;
function aptInstall(prefix, packages) {
  const run = (args) => {
    const [cmd, ...rest] = [...prefix, ...args];
    execFileSync(cmd, rest, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  if (!aptUpdated) {
    say('apt-get update');
    run(['apt-get', 'update', '-qq']);
    aptUpdated = true;
  }
  say(`apt-get install ${packages.join(' ')}`);
  run(['apt-get', 'install', '-y', '-qq', ...packages]);
}

function asRoot(prefix, args) {
  const [cmd, ...rest] = [...prefix, ...args];
  return spawnSync(cmd, rest, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
}

async function pgError(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return err;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redisPing(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379), timeout: 2000 });
    let data = '';
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      data += chunk;
      if (data.includes('\r\n')) {
        socket.end();
        resolve(data.startsWith('+PONG') || data.startsWith('-NOAUTH'));
      }
    });
    socket.on('timeout', () => (socket.destroy(), resolve(false)));
    socket.on('error', () => resolve(false));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function ensurePostgres(apt) {
  const configured = process.env.TEST_PG_ADMIN_URL;
  const candidates = configured ? [configured] : [DEFAULT_PG, FALLBACK_PG];
  for (const url of candidates) if (!(await pgError(url))) return url;
  if (configured) throw new Error(`PostgreSQL is not reachable at TEST_PG_ADMIN_URL=${configured}`);
  if (!apt) {
    throw new Error(
      'PostgreSQL is not reachable on 127.0.0.1:5432. Install and start PostgreSQL 13+ (Debian/Ubuntu: ' +
        '`sudo apt-get install postgresql`), or set TEST_PG_ADMIN_URL=postgres://user:password@host:5432/postgres ' +
        '(a role allowed to create databases).',
    );
  }
  if (!existsSync('/usr/bin/pg_ctlcluster')) aptInstall(apt, ['postgresql']);
  for (const version of readdirSync('/etc/postgresql')) {
    say(`starting PostgreSQL ${version}`);
    asRoot(apt, ['pg_ctlcluster', '--skip-systemctl-redirect', version, 'main', 'start']);
  }
  for (let i = 0; i < 20; i++) {
    const err = await pgError(DEFAULT_PG);
    if (!err) return DEFAULT_PG;
    if (/password|authentication/i.test(String(err.message))) {
      // Debian's default: peer auth on the socket, password on TCP. Give the test role a local password.
      say('setting a local password for the postgres role (TCP password authentication)');
      asRoot(apt, ['runuser', '-u', 'postgres', '--', 'psql', '-q', '-c', "ALTER USER postgres PASSWORD 'postgres'"]);
      if (!(await pgError(FALLBACK_PG))) return FALLBACK_PG;
    }
    await sleep(500);
  }
  throw new Error('PostgreSQL was installed but does not accept connections on 127.0.0.1:5432');
}

async function ensureRedis(apt) {
  const url = process.env.TEST_REDIS_URL ?? DEFAULT_REDIS;
  if (await redisPing(url)) return url;
  if (process.env.TEST_REDIS_URL) throw new Error(`Redis is not reachable at TEST_REDIS_URL=${url}`);
  if (!apt) {
    throw new Error('Redis is not reachable on 127.0.0.1:6379. Install and start Redis 7 (Debian/Ubuntu: `sudo apt-get install redis-server`), or set TEST_REDIS_URL.');
  }
  if (!existsSync('/usr/bin/redis-server')) aptInstall(apt, ['redis-server']);
  say('starting redis-server on 127.0.0.1:6379');
  asRoot(apt, ['redis-server', '--daemonize', 'yes', '--bind', '127.0.0.1', '--port', '6379', '--save', '', '--appendonly', 'no']);
  for (let i = 0; i < 20; i++) {
    if (await redisPing(url)) return url;
    await sleep(250);
  }
  throw new Error('redis-server was started but does not answer PING on 127.0.0.1:6379');
}

function ensureChromium(apt) {
  const path = process.env.CHROMIUM_PATH ?? CHROMIUM;
  if (existsSync(path)) return path;
  if (!apt) throw new Error(`Chromium is not installed at ${path}. Install Debian's package: \`sudo apt-get install chromium\` (or set CHROMIUM_PATH).`);
  aptInstall(apt, ['chromium']);
  if (!existsSync(CHROMIUM)) throw new Error('apt installed chromium but /usr/bin/chromium is missing');
  return CHROMIUM;
}

/** Returns the environment the tests use: TEST_PG_ADMIN_URL, TEST_REDIS_URL, CHROMIUM_PATH. */
export async function ensureServices({ needBrowser = true } = {}) {
  const apt = canUseApt();
  const TEST_PG_ADMIN_URL = await ensurePostgres(apt);
  say(`PostgreSQL: ${TEST_PG_ADMIN_URL.replace(/:[^:@/]+@/, ':***@')}`);
  const TEST_REDIS_URL = await ensureRedis(apt);
  say(`Redis: ${TEST_REDIS_URL}`);
  const env = { TEST_PG_ADMIN_URL, TEST_REDIS_URL };
  if (needBrowser) {
    env.CHROMIUM_PATH = ensureChromium(apt);
    say(`Chromium: ${env.CHROMIUM_PATH}`);
  }
  return env;
}
