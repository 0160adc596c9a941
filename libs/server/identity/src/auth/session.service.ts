import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { Actor, RoleAssignment, RoleScope } from '@eclore/domain';
import { AppConfig } from '@eclore/server-platform';
import { AuditService } from '../audit/audit.service';
import { OrgUnit, Person, RoleGrant, UserSession } from '../entities';

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

interface ResolveRow {
  token_hash: string;
  person_id: string;
  csrf_token: string;
  method: SessionMethod;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ended_at: Date | null;
  end_reason: UserSession['endReason'];
  ip: string | null;
  user_agent: string | null;
  p_id: string | null;
  p_employee_number: string;
  p_given_name: string;
  p_family_name: string;
  p_email: string;
  p_org_unit_id: string | null;
  p_active: boolean;
  p_deactivated_at: Date | null;
  p_locale: Person['locale'];
  p_created_at: Date;
  p_updated_at: Date;
  u_id: string | null;
  u_code: string | null;
  u_name: string | null;
  u_kind: OrgUnit['kind'] | null;
  u_parent_id: string | null;
  u_path: string[] | null;
  u_active: boolean | null;
  grants: Pick<RoleGrant, 'role' | 'scopeKind' | 'scopeOrgUnitId' | 'scopeTheme'>[];
}

const RESOLVE_SESSION_SQL = `
  SELECT s.token_hash, s.person_id, s.csrf_token, s.method, s.created_at, s.last_seen_at, s.expires_at,
         s.ended_at, s.end_reason, s.ip, s.user_agent,
         p.id AS p_id, p.employee_number AS p_employee_number, p.given_name AS p_given_name,
         p.family_name AS p_family_name, p.email AS p_email, p.org_unit_id AS p_org_unit_id,
         p.active AS p_active, p.deactivated_at AS p_deactivated_at, p.locale AS p_locale,
         p.created_at AS p_created_at, p.updated_at AS p_updated_at,
         u.id AS u_id, u.code AS u_code, u.name AS u_name, u.kind AS u_kind, u.parent_id AS u_parent_id,
         to_json(u.path) AS u_path, u.active AS u_active,
         COALESCE((SELECT json_agg(json_build_object('role', g.role, 'scopeKind', g.scope_kind,
                                                     'scopeOrgUnitId', g.scope_org_unit_id, 'scopeTheme', g.scope_theme)
                                   ORDER BY g.granted_at)
                   FROM role_grant g WHERE g.person_id = s.person_id AND g.revoked_at IS NULL), '[]'::json) AS grants
  FROM user_session s
  LEFT JOIN person p ON p.id = s.person_id
  LEFT JOIN org_unit u ON u.id = p.org_unit_id
  WHERE s.token_hash = $1`;

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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
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
      const row = manager.create(UserSession, {
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
      });
      await manager.insert(UserSession, row);
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
    const tokenHash = hashSessionToken(token);
    // One round trip per request (session, person, unit and active grants): this runs before every
    // handler, so it is plain SQL rather than three ORM look-ups (see docs/performance.md).
    const rows: ResolveRow[] = await this.dataSource.query(RESOLVE_SESSION_SQL, [tokenHash]);
    const row = rows[0];
    if (!row) return 'unknown';
    const session = this.dataSource.getRepository(UserSession).create({
      tokenHash: row.token_hash,
      personId: row.person_id,
      csrfToken: row.csrf_token,
      method: row.method,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
      endedAt: row.ended_at,
      endReason: row.end_reason,
      ip: row.ip,
      userAgent: row.user_agent,
    });
    if (session.endedAt) return 'ended';
    if (now.getTime() >= session.expiresAt.getTime()) return this.endWith(session, 'expired');
    if (now.getTime() - session.lastSeenAt.getTime() > this.config.SESSION_IDLE_MINUTES * 60_000)
      return this.endWith(session, 'idle');
    if (!row.p_id || !row.p_active) return this.endWith(session, 'deactivated');
    const person = this.dataSource.getRepository(Person).create({
      id: row.p_id,
      employeeNumber: row.p_employee_number,
      givenName: row.p_given_name,
      familyName: row.p_family_name,
      email: row.p_email,
      orgUnitId: row.p_org_unit_id,
      active: row.p_active,
      deactivatedAt: row.p_deactivated_at,
      locale: row.p_locale,
      createdAt: row.p_created_at,
      updatedAt: row.p_updated_at,
      orgUnit: row.u_id
        ? this.dataSource.getRepository(OrgUnit).create({
            id: row.u_id,
            code: row.u_code!,
            name: row.u_name!,
            kind: row.u_kind!,
            parentId: row.u_parent_id,
            path: row.u_path ?? [],
            active: row.u_active!,
          })
        : null,
    });
    const assignments: RoleAssignment[] = row.grants.map((g) => ({
      role: g.role,
      scope: toScope(g as RoleGrant),
    }));
    const actor: Actor = { personId: person.id, orgUnitId: person.orgUnitId, assignments };
    if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      await this.dataSource.getRepository(UserSession).update({ tokenHash, endedAt: IsNull() }, { lastSeenAt: now });
      session.lastSeenAt = now;
    }
    return { session, person, actor };
  }

  /** The person's active grants as the domain policy's Actor. */
  async actorFor(
    person: Pick<Person, 'id' | 'orgUnitId'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Actor> {
    const grants = await manager
      .getRepository(RoleGrant)
      .find({ where: { personId: person.id, revokedAt: IsNull() }, order: { grantedAt: 'ASC' } });
    const assignments: RoleAssignment[] = grants.map((g) => ({ role: g.role, scope: toScope(g) }));
    return { personId: person.id, orgUnitId: person.orgUnitId, assignments };
  }

  /** Ends one session (sign-out). Idempotent. */
  async end(tokenHash: string, reason: SessionEndReason): Promise<void> {
    await this.dataSource
      .getRepository(UserSession)
      .update({ tokenHash, endedAt: IsNull() }, { endedAt: new Date(), endReason: reason });
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
    const result = await manager
      .getRepository(UserSession)
      .update({ personId, endedAt: IsNull() }, { endedAt: new Date(), endReason: reason });
    return result.affected ?? 0;
  }

  private async endWith(session: UserSession, reason: SessionEndReason): Promise<SessionEndReason> {
    await this.end(session.tokenHash, reason);
    return reason;
  }
}
