import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, RoleAssignment, RoleScope } from '@eclore/domain';
import { AppConfig } from '@eclore/server-platform';
import { AuditService } from '../audit/audit.service';
import { Person, UserSession, type RoleGrant } from '../entities';
import { AuthRepository } from './auth.repository';

export type SessionEndReason = NonNullable<UserSession['endReason']>;
export type SessionMethod = UserSession['method'];

export interface ResolvedSession {
  session: UserSession;
  person: Person;
  actor: Actor;
}

/** Why a presented token gave no session (the guard clears the cookie in every case). */
export type SessionRefusal = 'unknown' | 'ended' | SessionEndReason;

/** `last_seen_at` is written at most this often: one UPDATE a minute per session, not one per request. */
const TOUCH_INTERVAL_MS = 60_000;

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function toScope(grant: Pick<RoleGrant, 'scopeKind' | 'scopeOrgUnitId' | 'scopeTheme'>): RoleScope {
  if (grant.scopeKind === 'org_unit' && grant.scopeOrgUnitId)
    return { kind: 'org_unit', orgUnitId: grant.scopeOrgUnitId };
  if (grant.scopeKind === 'theme' && grant.scopeTheme) return { kind: 'theme', theme: grant.scopeTheme };
  return { kind: 'organisation' };
}

/**
 * Server-side sessions. The cookie carries 32 random bytes; the table keeps only their SHA-256, so
 * neither a database dump nor a log line yields a usable session. Everything (the person's state, their
 * role grants) is re-read on every request: a deactivation or a revoked role takes effect at once.
 */
@Injectable()
export class SessionService {
  /** openInternalSession's sessions, by token: in memory only, and empty once the api listens. */
  private readonly internalSessions = new Map<string, ResolvedSession>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly auth: AuthRepository,
  ) {}

  /** Opens a new session (a fresh token on every sign-in: no session fixation). */
  async create(
    personId: string,
    method: SessionMethod,
    meta: { ip?: string | null; userAgent?: string | null; requestId?: string | null } = {},
  ): Promise<{ token: string; session: UserSession }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const session = await this.dataSource.transaction(async (manager) => {
      const row = await this.auth.insertSession(
        {
          tokenHash: hashSessionToken(token),
          personId,
          csrfToken: randomBytes(32).toString('base64url'),
          method,
          lastSeenAt: now,
          expiresAt: new Date(now.getTime() + this.config.SESSION_ABSOLUTE_HOURS * 3_600_000),
          endedAt: null,
          endReason: null,
          ip: meta.ip ?? null,
          userAgent: meta.userAgent?.slice(0, 400) ?? null,
        },
        manager,
      );
      await this.audit.append(manager, {
        actorId: personId,
        action: 'session.started',
        subjectType: 'person',
        subjectId: personId,
        data: { method },
        requestId: meta.requestId ?? null,
      });
      return row;
    });
    return { token, session };
  }

  /**
   * The session behind a cookie token, with its person and their current roles; ends it (recording
   * why) when it is idle, past its absolute expiry, or its person is no longer active.
   */
  async resolve(token: string, now = new Date()): Promise<ResolvedSession | SessionRefusal> {
    const internal = this.internalSessions.size > 0 ? this.internalSessions.get(token) : undefined;
    if (internal) return internal;
    const tokenHash = hashSessionToken(token);
    const found = await this.auth.resolveSession(tokenHash);
    if (!found) return 'unknown';
    const { session, person } = found;
    if (session.endedAt) return 'ended';
    if (now.getTime() >= session.expiresAt.getTime()) return this.endWith(session, 'expired');
    if (now.getTime() - session.lastSeenAt.getTime() > this.config.SESSION_IDLE_MINUTES * 60_000)
      return this.endWith(session, 'idle');
    if (!person || !person.active) return this.endWith(session, 'deactivated');
    const assignments: RoleAssignment[] = found.grants.map((g) => ({ role: g.role, scope: toScope(g) }));
    const actor: Actor = { personId: person.id, orgUnitId: person.orgUnitId, assignments };
    if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      await this.auth.touchSession(tokenHash, now);
      session.lastSeenAt = now;
    }
    return { session, person, actor };
  }

  /**
   * Readies `connections` database connections for the session's look-up before the api takes
   * traffic (issue 15, cold start): every request runs it, and a new connection's first one parsed,
   * planned and prepared it (AuthRepository.resolveSession), 1 ms against 0.1. One look-up per
   * connection at once, for a token no session has.
   */
  async warmUp(connections: number): Promise<void> {
    await Promise.all(Array.from({ length: connections }, () => this.resolve(randomBytes(32).toString('base64url'))));
  }

  /**
   * A session for the api's own requests before it listens (apps/api request-warm-up.ts): a reader
   * with no roles, no person row and no unit, so those requests run the whole path (guard, pipes,
   * handlers, the database) as a signed-in employee's would and see only what any employee sees.
   * Held in memory, never written; `end` forgets it, which the api does before it takes traffic.
   */
  openInternalSession(now = new Date()): { token: string; csrfToken: string; end: () => void } {
    const token = randomBytes(32).toString('base64url');
    const personId = randomUUID();
    const person = Object.assign(new Person(), {
      id: personId,
      employeeNumber: '',
      givenName: '',
      familyName: '',
      email: '',
      orgUnitId: null,
      active: true,
      deactivatedAt: null,
      erasedAt: null,
      locale: null,
      createdAt: now,
      updatedAt: now,
    });
    const session = Object.assign(new UserSession(), {
      tokenHash: hashSessionToken(token),
      personId,
      csrfToken: randomBytes(32).toString('base64url'),
      method: 'local' as const,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 3_600_000),
      endedAt: null,
      endReason: null,
      ip: null,
      userAgent: null,
    });
    this.internalSessions.set(token, { session, person, actor: { personId, orgUnitId: null, assignments: [] } });
    return { token, csrfToken: session.csrfToken, end: () => void this.internalSessions.delete(token) };
  }

  /** The person's active grants as the domain policy's Actor. */
  async actorFor(
    person: Pick<Person, 'id' | 'orgUnitId'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Actor> {
    const grants = await this.auth.activeGrantsOf(person.id, manager);
    const assignments: RoleAssignment[] = grants.map((g) => ({ role: g.role, scope: toScope(g) }));
    return { personId: person.id, orgUnitId: person.orgUnitId, assignments };
  }

  /** Ends one session (sign-out). Idempotent. */
  async end(tokenHash: string, reason: SessionEndReason): Promise<void> {
    await this.auth.endSession(tokenHash, reason);
  }

  /**
   * Ends every open session of a person at once, e.g. on deactivation. Pass the caller's transaction
   * manager so the sessions end exactly when the deactivation commits. Returns how many were ended.
   */
  async endAllFor(
    personId: string,
    reason: SessionEndReason,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    return this.auth.endSessionsOf(personId, reason, manager);
  }

  private async endWith(session: UserSession, reason: SessionEndReason): Promise<SessionEndReason> {
    await this.end(session.tokenHash, reason);
    return reason;
  }
}
