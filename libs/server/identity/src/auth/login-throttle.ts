import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { DomainError } from '@eclore/domain';
import { AppConfig } from '@eclore/server-platform';

const WINDOW_SECONDS = 15 * 60;
/** Failed sign-ins tolerated per account (e-mail as typed, lower-cased; known or not) per window. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failed sign-ins tolerated per client address per window (a shared NAT gets more room). */
export const MAX_FAILURES_PER_ADDRESS = 20;

export class TooManyAttempts extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', 'rate_limited', 'Too many failed sign-in attempts; try again later.');
  }
}

/**
 * Counts failed sign-ins per account and per address with rate-limiter-flexible. The counters must be
 * shared by every api replica: Redis in production; with QUEUE_BACKEND=postgres (embedded mode, no
 * Redis) the library's PostgreSQL store on the application database. If the store is unreachable an
 * in-memory limiter stands in (the library's "insurance"), so a Redis outage neither opens the gate
 * wide nor blocks every sign-in.
 */
@Injectable()
export class LoginThrottle implements OnModuleInit, OnModuleDestroy {
  private byAccount!: RateLimiterAbstract;
  private byAddress!: RateLimiterAbstract;
  private redis: Redis | undefined;

  constructor(private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    const prefix = `${this.config.QUEUE_PREFIX}:login`;
    const limits = (points: number, name: string) => ({
      points,
      duration: WINDOW_SECONDS,
      blockDuration: WINDOW_SECONDS,
      keyPrefix: `${prefix}:${name}`,
      insuranceLimiter: new RateLimiterMemory({
        points,
        duration: WINDOW_SECONDS,
        blockDuration: WINDOW_SECONDS,
        keyPrefix: `${prefix}:${name}`,
      }),
    });
    if (this.config.QUEUE_BACKEND === 'redis') {
      // Fail fast instead of queueing commands while Redis is away: the insurance limiter answers then.
      this.redis = new Redis(this.config.REDIS_URL!, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectionName: 'eclore-login-throttle',
      });
      this.redis.on('error', () => undefined);
      this.byAccount = new RateLimiterRedis({
        storeClient: this.redis,
        ...limits(MAX_FAILURES_PER_ACCOUNT, 'account'),
      });
      this.byAddress = new RateLimiterRedis({
        storeClient: this.redis,
        ...limits(MAX_FAILURES_PER_ADDRESS, 'address'),
      });
      return;
    }
    // Embedded mode (QUEUE_BACKEND=postgres) runs a single api process: an in-memory limiter is exact
    // there, and it keeps the schema under migrations only (a store table would be created at run time).
    this.byAccount = new RateLimiterMemory(limits(MAX_FAILURES_PER_ACCOUNT, 'account'));
    this.byAddress = new RateLimiterMemory(limits(MAX_FAILURES_PER_ADDRESS, 'address'));
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis) {
      await this.redis.quit().catch(() => undefined);
      this.redis = undefined;
    }
  }

  /** Throws TooManyAttempts when this account or this address has used up its failures. */
  async assertAllowed(account: string, address: string): Promise<void> {
    const [acc, addr] = await Promise.all([this.byAccount.get(account), this.byAddress.get(address)]);
    const waits: number[] = [];
    if (acc && acc.consumedPoints >= MAX_FAILURES_PER_ACCOUNT) waits.push(acc.msBeforeNext);
    if (addr && addr.consumedPoints >= MAX_FAILURES_PER_ADDRESS) waits.push(addr.msBeforeNext);
    if (waits.length) throw new TooManyAttempts(Math.max(1, Math.ceil(Math.max(...waits) / 1000)));
  }

  async recordFailure(account: string, address: string): Promise<void> {
    await Promise.all([
      this.byAccount.consume(account).catch(ignoreLimit),
      this.byAddress.consume(address).catch(ignoreLimit),
    ]);
  }

  /** A successful sign-in clears the account's failures (not the address's: one good password must not reset a spray). */
  async recordSuccess(account: string): Promise<void> {
    await this.byAccount.delete(account);
  }
}

/** `consume` rejects with a RateLimiterRes once over the limit: expected here, the next `assertAllowed` refuses. */
function ignoreLimit(err: unknown): void {
  if (err instanceof RateLimiterRes) return;
  throw err;
}
