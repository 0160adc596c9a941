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
/** Consecutive failures tolerated for one account from one address (an unknown device); a success resets them. */
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
/** Failures tolerated per client address across accounts per window (a shared NAT gets more room). */
export const MAX_FAILURES_PER_ADDRESS = 20;
/** Failures tolerated per account from unknown devices, all addresses together (a distributed guess). */
export const MAX_FAILURES_PER_ACCOUNT_UNKNOWN_DEVICES = 50;
/** Failures tolerated per known device (a valid device cookie for the account) per window. */
export const MAX_FAILURES_PER_DEVICE = 10;

export class TooManyAttempts extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', 'rate_limited', 'Too many failed sign-in attempts; try again later.');
  }
}

/** Who is trying: the account as typed (lower-cased, known or not), the client address, and the known device if any. */
export interface SignInAttempt {
  account: string;
  address: string;
  /** Id of a device cookie valid for this very account; null for an unknown device. */
  device: string | null;
}

type LimiterName = 'accountAddress' | 'address' | 'account' | 'device';
const POINTS: Record<LimiterName, number> = {
  accountAddress: MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
  address: MAX_FAILURES_PER_ADDRESS,
  account: MAX_FAILURES_PER_ACCOUNT_UNKNOWN_DEVICES,
  device: MAX_FAILURES_PER_DEVICE,
};

/**
 * Slows password guessing without letting a stranger lock a person out (OWASP, "Slow down online
 * guessing attacks with device cookies"). No counter is per account alone for everyone: a stranger's
 * failures count against their own address and their (account, address) pair, and against the
 * account only for unknown devices. A browser holding a device cookie issued to this account by an
 * earlier successful sign-in is judged by its own counter only, so the owner of an attacked account
 * still signs in from their usual browser.
 *
 * Counters are shared by every api replica: Redis in production; with QUEUE_BACKEND=postgres (embedded
 * mode, one api process) in memory. If Redis is unreachable an in-memory limiter stands in (the
 * library's "insurance"), so an outage neither opens the gate wide nor blocks every sign-in.
 */
@Injectable()
export class LoginThrottle implements OnModuleInit, OnModuleDestroy {
  private limiters!: Record<LimiterName, RateLimiterAbstract>;
  private redis: Redis | undefined;

  constructor(private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    const prefix = `${this.config.QUEUE_PREFIX}:login`;
    const options = (name: LimiterName) => ({
      points: POINTS[name],
      duration: WINDOW_SECONDS,
      blockDuration: WINDOW_SECONDS,
      keyPrefix: `${prefix}:${name}`,
    });
    if (this.config.QUEUE_BACKEND === 'redis') {
      // Fail fast instead of queueing commands while Redis is away: the insurance limiter answers then.
      this.redis = new Redis(this.config.REDIS_URL!, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectionName: 'eclore-login-throttle',
      });
      this.redis.on('error', () => undefined);
      const redis = this.redis;
      const make = (name: LimiterName) =>
        new RateLimiterRedis({
          storeClient: redis,
          ...options(name),
          insuranceLimiter: new RateLimiterMemory(options(name)),
        });
      this.limiters = { accountAddress: make('accountAddress'), address: make('address'), account: make('account'), device: make('device') };
      return;
    }
    // Embedded mode runs a single api process: an in-memory limiter is exact there, and it keeps the
    // schema under migrations only (a store table would be created at run time).
    const make = (name: LimiterName) => new RateLimiterMemory(options(name));
    this.limiters = { accountAddress: make('accountAddress'), address: make('address'), account: make('account'), device: make('device') };
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis) {
      await this.redis.quit().catch(() => undefined);
      this.redis = undefined;
    }
  }

  /** Throws TooManyAttempts when any counter that applies to this attempt is used up. */
  async assertAllowed(attempt: SignInAttempt): Promise<void> {
    const keys = this.keysOf(attempt);
    const states = await Promise.all(keys.map(([name, key]) => this.limiters[name].get(key)));
    const waits = states.flatMap((state, i) =>
      state && state.consumedPoints >= POINTS[keys[i]![0]] ? [state.msBeforeNext] : [],
    );
    if (waits.length) throw new TooManyAttempts(Math.max(1, Math.ceil(Math.max(...waits) / 1000)));
  }

  async recordFailure(attempt: SignInAttempt): Promise<void> {
    await Promise.all(this.keysOf(attempt).map(([name, key]) => this.limiters[name].consume(key).catch(ignoreLimit)));
  }

  /**
   * Clears the failures of this pair or this device only: one good password must neither reset an
   * address's spray across accounts nor hand a distributed guesser a fresh budget on the account.
   */
  async recordSuccess(attempt: SignInAttempt): Promise<void> {
    const [name, key] = attempt.device ? (['device', attempt.device] as const) : (['accountAddress', pairKey(attempt)] as const);
    await this.limiters[name].delete(key);
  }

  private keysOf(attempt: SignInAttempt): [LimiterName, string][] {
    if (attempt.device) return [['device', attempt.device]];
    return [
      ['accountAddress', pairKey(attempt)],
      ['address', attempt.address],
      ['account', attempt.account],
    ];
  }
}

function pairKey(attempt: SignInAttempt): string {
  return `${attempt.account}|${attempt.address}`;
}

/** `consume` rejects with a RateLimiterRes once over the limit: expected here, the next `assertAllowed` refuses. */
function ignoreLimit(err: unknown): void {
  if (err instanceof RateLimiterRes) return;
  throw err;
}
