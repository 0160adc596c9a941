import 'reflect-metadata';
import { applyDecorators } from '@nestjs/common';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  validateSync,
} from 'class-validator';
import ipaddr from 'ipaddr.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const POSTGRES_URL = /^postgres(ql)?:\/\/.+/;
const REDIS_URL = /^rediss?:\/\/.+/;

/** Names proxy-addr (Express's `trust proxy`) understands besides addresses and CIDRs. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isTrustedProxiesValue(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (/^\d+$/.test(value.trim())) return Number(value) >= 1 && Number(value) <= 10;
  const items = value.split(',').map((item) => item.trim());
  return items.every((item) => {
    if (PROXY_RANGE_NAMES.includes(item)) return true;
    if (item.includes('/')) {
      try {
        ipaddr.parseCIDR(item);
        return true;
      } catch {
        return false;
      }
    }
    // Only the usual dotted-quad / IPv6 forms: `127.1` or `0x7f.1` would be read differently by proxy-addr.
    return ipaddr.IPv4.isValidFourPartDecimal(item) || ipaddr.IPv6.isValid(item);
  });
}

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;
/** Comma-separated host names, IP addresses and CIDR ranges (WEBHOOK_ALLOWED_HOSTS). */
const isHostAllowList = (value: unknown): boolean =>
  typeof value === 'string' &&
  value
    .split(',')
    .map((e) => e.trim())
    .every((e) => e !== '' && (ipaddr.isValid(e) || ipaddr.isValidCIDR(e) || HOST_NAME.test(e)));

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** A whole-number setting read from its environment string, within `min`..`max`. */
function IntSetting(min: number, max: number): PropertyDecorator {
  // Bottom-up, as the stacked `@Transform @IsInt @Min @Max` applied (same order of messages).
  return applyDecorators(Max(max), Min(min), IsInt(), Transform(toInt));
}

/**
 * Every setting the api and the worker read, validated once at boot. The process refuses to start
 * on a bad or missing value and names the variable. docs/configuration.md documents each one, and a
 * test keeps that page, this class and docker-compose.yml in agreement.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IntSetting(0, 65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_URL = 'http://localhost:3000';

  @Matches(POSTGRES_URL, { message: 'DATABASE_URL must be a postgres:// connection string' })
  DATABASE_URL!: string;

  @IntSetting(1, 200)
  DATABASE_POOL_SIZE = 10;

  /**
   * Requests the api sends itself before it listens, through its whole request path (apps/api
   * request-warm-up.ts), so that a restart under traffic does not queue; 0: none.
   */
  @IntSetting(0, 5000)
  WARM_UP_REQUESTS = 2000;

  /** `redis` in production; `postgres` is BullMQ's PostgreSQL backend, used by the embedded mode. */
  @IsIn(['redis', 'postgres'])
  QUEUE_BACKEND: 'redis' | 'postgres' = 'redis';

  @ValidateIf((c: AppConfig) => c.QUEUE_BACKEND === 'redis')
  @Matches(REDIS_URL, { message: 'REDIS_URL must be a redis:// URL when QUEUE_BACKEND=redis' })
  REDIS_URL?: string;

  @ValidateIf((c: AppConfig) => c.QUEUE_BACKEND === 'postgres')
  @Matches(POSTGRES_URL, { message: 'QUEUE_DATABASE_URL must be a postgres:// URL when QUEUE_BACKEND=postgres' })
  QUEUE_DATABASE_URL?: string;

  /** Key prefix of every queue; lets several environments (or test runs) share one Redis. */
  @Matches(/^[a-z0-9_-]{1,40}$/i)
  QUEUE_PREFIX = 'eclore';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /**
   * Share (0–1) of successful GET/HEAD requests written to the access log. Failed requests (4xx, 5xx)
   * and every other method are always written. Below 1 it saves the log's cost on busy reads (docs/performance.md).
   */
  @Transform(toInt)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  ACCESS_LOG_SAMPLE = 1;

  /** How long (seconds, 0–60; 0 = off) the api keeps a wall page it computed for everyone (docs/performance.md). */
  @IntSetting(0, 60)
  WALL_CACHE_SECONDS = 5;

  /**
   * Retention (docs/personal-data.md): a daily worker job erases people deactivated more than this many
   * days ago. 0 = never automatically (an admin erases on request).
   */
  @IntSetting(0, 36_500)
  ERASE_AFTER_DEACTIVATION_DAYS = 0;

  /** Folder of the web app's production build; when set, the api serves it on `/`. */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  @IntSetting(10, 60_000)
  OUTBOX_POLL_INTERVAL_MS = 500;

  @IntSetting(1, 100)
  WORKER_CONCURRENCY = 5;

  /** How long a worker holds a job before another may take it over (a crashed worker's job is retried after it). */
  @IntSetting(1000, 600_000)
  JOB_LOCK_DURATION_MS = 30_000;

  /**
   * Folder of the local-disk file store (uploads waiting for the worker, e.g. directory imports).
   * The api and every worker must see the same folder: a shared volume when they run apart.
   */
  @IsString()
  @Matches(/\S/, { message: 'STORAGE_DIR must name a folder' })
  STORAGE_DIR = 'var/storage';

  /** Where files are kept: `local` (STORAGE_DIR) or `s3` (any S3-compatible object store, shared by every replica). */
  @IsIn(['local', 's3'])
  STORAGE_DRIVER: 'local' | 's3' = 'local';

  /** S3-compatible endpoint (MinIO, Ceph, Garage, OVH…); unset for AWS S3 itself. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  S3_ENDPOINT?: string;

  @ValidateIf((c: AppConfig) => c.STORAGE_DRIVER === 's3')
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a bucket name when STORAGE_DRIVER=s3' })
  S3_BUCKET?: string;

  @ValidateIf((c: AppConfig) => c.STORAGE_DRIVER === 's3')
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'S3_REGION must be a region name like eu-west-3 when STORAGE_DRIVER=s3' })
  S3_REGION?: string;

  /** Unset (both) to use the SDK's own credential chain (instance role, web identity…). */
  @ValidateIf((c: AppConfig) => c.STORAGE_DRIVER === 's3' && Boolean(c.S3_SECRET_ACCESS_KEY))
  @IsString()
  @IsNotEmpty({ message: 'S3_ACCESS_KEY_ID is required when S3_SECRET_ACCESS_KEY is set' })
  S3_ACCESS_KEY_ID?: string;

  @ValidateIf((c: AppConfig) => c.STORAGE_DRIVER === 's3' && Boolean(c.S3_ACCESS_KEY_ID))
  @IsString()
  @IsNotEmpty({ message: 'S3_SECRET_ACCESS_KEY is required when S3_ACCESS_KEY_ID is set' })
  S3_SECRET_ACCESS_KEY?: string;

  /** Path-style URLs (`endpoint/bucket/key`), which most self-hosted S3-compatible stores need. */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? /^(true|1|yes)$/i.test(value) : value))
  @IsBoolean()
  S3_FORCE_PATH_STYLE = false;

  /** Sign-in sessions end after this long without a request (idle timeout). */
  @IntSetting(1, 1440)
  SESSION_IDLE_MINUTES = 30;

  /** Sign-in sessions end this long after sign-in, however active (absolute timeout). */
  @IntSetting(1, 720)
  SESSION_ABSOLUTE_HOURS = 12;

  /** Extra origins (comma-separated) allowed to send state-changing requests besides PUBLIC_URL's, e.g. the Vite dev server. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s,/]+(,\s*https?:\/\/[^\s,/]+)*$/, {
    message: 'TRUSTED_ORIGINS must be comma-separated origins like http://localhost:4200',
  })
  TRUSTED_ORIGINS?: string;

  /**
   * Proxies whose `X-Forwarded-For` is believed: a hop count (1–10) or comma-separated addresses, CIDRs
   * and `loopback`/`linklocal`/`uniquelocal`. Unset = none: the socket's address is the client's, so a
   * forged header cannot dodge the per-address sign-in limits.
   */
  @IsOptional()
  @ValidateBy({
    name: 'trustedProxies',
    validator: {
      validate: isTrustedProxiesValue,
      defaultMessage: () =>
        'TRUSTED_PROXIES must be a hop count (1-10) or comma-separated addresses/CIDRs (or loopback, linklocal, uniquelocal)',
    },
  })
  TRUSTED_PROXIES?: string;

  /**
   * Connection string the migrations run with (the schema owner); defaults to DATABASE_URL. Lets the
   * api and the worker run as a role that cannot alter or disable the audit log (docs/operations.md).
   */
  @IsOptional()
  @Matches(POSTGRES_URL, { message: 'MIGRATION_DATABASE_URL must be a postgres:// connection string' })
  MIGRATION_DATABASE_URL?: string;

  /**
   * Webhook receivers allowed although on this machine or the internal network (and allowed plain
   * http): host names, IP addresses and CIDR ranges, comma-separated. Unset: public https receivers only.
   */
  @IsOptional()
  @ValidateBy({
    name: 'isHostAllowList',
    validator: {
      validate: isHostAllowList,
      defaultMessage: () =>
        'WEBHOOK_ALLOWED_HOSTS must be comma-separated host names, IP addresses or CIDR ranges like hooks.intranet,10.20.0.0/16',
    },
  })
  WEBHOOK_ALLOWED_HOSTS?: string;

  /** OpenID Connect single sign-on; off when unset. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  OIDC_ISSUER_URL?: string;

  @ValidateIf((c: AppConfig) => Boolean(c.OIDC_ISSUER_URL))
  @IsString()
  @IsNotEmpty({ message: 'OIDC_CLIENT_ID is required when OIDC_ISSUER_URL is set' })
  OIDC_CLIENT_ID?: string;

  /** Unset for a public client (PKCE only); set for a confidential one (client_secret_basic). */
  @IsOptional()
  @IsString()
  OIDC_CLIENT_SECRET?: string;

  /** SMTP server for notification e-mails, e.g. smtp://mailpit:1025 or smtps://user:pass@relay:465; e-mail is off when unset. */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /**
   * The organisation's name as printed on documents (recognition certificates). Unset: the top unit
   * of the person's place in the directory (a direction) stands for it.
   */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  ORGANISATION_NAME?: string;

  /** Sender of notification e-mails (an address, optionally with a display name). */
  @IsString()
  @Matches(/^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, {
    message: 'MAIL_FROM must be an address like "Éclore <no-reply@example.org>"',
  })
  MAIL_FROM = 'Éclore <no-reply@eclore.localhost>';

  /**
   * In production the OpenAPI document and its UI answer only a signed-in person (they map every
   * route for an attacker); `true` opens them to anyone. Outside production they are always open.
   */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? /^(true|1|yes)$/i.test(value) : value))
  @IsBoolean()
  API_DOCS_PUBLIC = false;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}

/** Variables without a default (so not own properties of a fresh AppConfig). */
const OPTIONAL_VARIABLES = [
  'DATABASE_URL',
  'REDIS_URL',
  'QUEUE_DATABASE_URL',
  'WEB_DIST_DIR',
  'TRUSTED_ORIGINS',
  'TRUSTED_PROXIES',
  'MIGRATION_DATABASE_URL',
  'WEBHOOK_ALLOWED_HOSTS',
  'OIDC_ISSUER_URL',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'S3_ENDPOINT',
  'S3_BUCKET',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'SMTP_URL',
  'ORGANISATION_NAME',
];

/** Express's `trust proxy` value for TRUSTED_PROXIES: `false` (none), a hop count, or the list. */
export function trustProxySetting(config: AppConfig): false | number | string[] {
  const value = config.TRUSTED_PROXIES?.trim();
  if (!value) return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((item) => item.trim());
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly { variable: string; message: string }[]) {
    super('Invalid configuration:\n' + problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws a ConfigError naming every bad or missing variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig()).concat(OPTIONAL_VARIABLES);
  const picked: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const config = plainToInstance(AppConfig, picked, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false, forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => ({
        variable: e.property,
        message:
          e.value === undefined
            ? `is required (${Object.values(e.constraints ?? {}).join('; ')})`
            : Object.values(e.constraints ?? {}).join('; '),
      })),
    );
  }
  return config;
}

/** Names of every variable the configuration reads (for the docs and compose checks). */
export function configVariableNames(): string[] {
  return [...new Set(Object.keys(new AppConfig()).concat(OPTIONAL_VARIABLES))].sort();
}
