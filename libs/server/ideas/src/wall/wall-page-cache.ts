import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '@eclore/server-platform';
import type { WallPageDto, WallQuery } from './wall.dto';

/** The channel the `idea_wall_changed` trigger notifies (migration WallPageCacheNotify). */
export const WALL_CHANGED_CHANNEL = 'eclore_wall_changed';
/** At most this many pages are kept; the oldest goes first. ~10 kB each. */
const MAX_ENTRIES = 1000;
/** After losing the LISTEN connection, try again this often (pages live by their TTL meanwhile). */
const RECONNECT_MS = 5000;

interface Entry {
  expires: number;
  page: Promise<WallPageDto>;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * A short-lived cache of wall pages shared by every viewer. Sharing is exact, not approximate: a wall
 * page has no viewer-specific content (public ideas only, the same for every person allowed to read the
 * wall, and no author or "my support" field), so the cached page is byte for byte what the query would
 * answer to anyone. Pages live WALL_CACHE_SECONDS (0 turns the cache off) and are dropped at once, in
 * every api process, when an idea's wall-visible facts change: a trigger on `idea` sends a NOTIFY on
 * commit (insert, delete, or an update of status, publication, hiding, withdrawal, title, summary,
 * kind, unit, themes, campaign or merge) and each process LISTENs. Counters (supports, comments) do not
 * notify: they may lag by up to the TTL. Concurrent misses on one key run the query once.
 */
@Injectable()
export class WallPageCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(WallPageCache.name);
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private listener: Client | null = null;
  private reconnect: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly config: AppConfig) {
    this.ttlMs = config.WALL_CACHE_SECONDS * 1000;
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  async onModuleInit(): Promise<void> {
    if (this.enabled) await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  /** The page for this query: from the cache when fresh, otherwise computed (once for concurrent callers). */
  get(query: WallQuery, compute: () => Promise<WallPageDto>): Promise<WallPageDto> {
    if (!this.enabled) return compute();
    const key = JSON.stringify([
      query.q ?? null,
      query.kind ?? null,
      query.stage ?? null,
      query.campaignId ?? null,
      query.orgUnitId ?? null,
      query.theme ?? null,
      query.sort ?? null,
      query.cursor ?? null,
      query.limit ?? null,
    ]);
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.page;
    if (hit) this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.evict(now);
    // Shared by every caller: frozen so that no caller can change what the others get.
    const page = compute().then(deepFreeze);
    const entry = { expires: now + this.ttlMs, page };
    this.entries.set(key, entry);
    // A failure (bad cursor, unknown filter value, database error) is never cached.
    page.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return page;
  }

  /** Drops every page (the NOTIFY handler; also for tests). A query already running keeps its callers. */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(now: number): void {
    for (const [key, entry] of this.entries) if (entry.expires <= now) this.entries.delete(key);
    // Still full: drop the oldest (a Map iterates in insertion order).
    for (const key of this.entries.keys()) {
      if (this.entries.size < MAX_ENTRIES) break;
      this.entries.delete(key);
    }
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.DATABASE_URL });
    client.on('notification', () => this.clear());
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${WALL_CHANGED_CHANNEL}`);
      this.listener = client;
      // Anything may have changed while nobody listened.
      this.clear();
    } catch (err) {
      this.lost(client, err);
    }
  }

  /** Without the LISTEN connection, pages only expire by their TTL; reconnect in the background. */
  private lost(client: Client, err: unknown): void {
    if (this.closed || this.reconnect) return;
    if (this.listener === client) this.listener = null;
    this.logger.warn(`wall cache: no change notifications (${String(err)}); pages expire after ${this.ttlMs} ms`);
    client.end().catch(() => undefined);
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      void this.listen();
    }, RECONNECT_MS);
    this.reconnect.unref();
  }
}
