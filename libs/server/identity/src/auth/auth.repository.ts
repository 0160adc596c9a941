import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { queryPrepared } from '@eclore/server-platform';
import { ExternalIdentity, OrgUnit, Person, RoleGrant, UserSession } from '../entities';

/** What a session's resolution needs of a grant. */
export type SessionGrant = Pick<RoleGrant, 'role' | 'scopeKind' | 'scopeOrgUnitId' | 'scopeTheme'>;

/** A session row joined with its person, their unit and their active grants (RESOLVE_SESSION). */
export interface ResolveSessionRow {
  token_hash: string;
  person_id: string;
  csrf_token: string;
  method: UserSession['method'];
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
  grants: SessionGrant[];
}

/** A local account's credentials, looked up by e-mail. */
export interface CredentialRow {
  id: string;
  active: boolean;
  password_hash: string | null;
}

/** A session with its person (null when the person row is gone) and their active grants. */
export interface SessionWithPerson {
  session: UserSession;
  person: Person | null;
  grants: SessionGrant[];
}

const RESOLVE_SESSION = `
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

const CREDENTIAL_BY_EMAIL = `
  SELECT p.id, p.active, c.password_hash
    FROM person p LEFT JOIN local_credential c ON c.person_id = p.id
   WHERE lower(p.email) = $1
   LIMIT 1`;

/** Every query of sign-in and sessions. */
@Injectable()
export class AuthRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One round trip per request (session, person, unit and active grants): this runs before every
   * handler, so it is plain SQL rather than three ORM look-ups (see docs/performance.md).
   */
  async resolveSession(
    tokenHash: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SessionWithPerson | undefined> {
    // Every request runs it: outside a transaction, prepared once per connection (queryPrepared).
    const rows =
      manager === this.dataSource.manager
        ? await queryPrepared<ResolveSessionRow>(this.dataSource, 'resolve_session', RESOLVE_SESSION, [tokenHash])
        : await manager.query<ResolveSessionRow[]>(RESOLVE_SESSION, [tokenHash]);
    const row = rows[0];
    return row && toSessionWithPerson(manager, row);
  }

  async insertSession(
    fields: Omit<UserSession, 'createdAt'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UserSession> {
    const row = manager.create(UserSession, fields);
    await manager.insert(UserSession, row);
    return row;
  }

  async touchSession(tokenHash: string, at: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(UserSession, { tokenHash, endedAt: IsNull() }, { lastSeenAt: at });
  }

  async endSession(
    tokenHash: string,
    reason: NonNullable<UserSession['endReason']>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.update(UserSession, { tokenHash, endedAt: IsNull() }, { endedAt: new Date(), endReason: reason });
  }

  /** Ends every open session of a person; returns how many. */
  async endSessionsOf(
    personId: string,
    reason: NonNullable<UserSession['endReason']>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const result = await manager.update(
      UserSession,
      { personId, endedAt: IsNull() },
      { endedAt: new Date(), endReason: reason },
    );
    return result.affected ?? 0;
  }

  activeGrantsOf(personId: string, manager: EntityManager = this.dataSource.manager): Promise<RoleGrant[]> {
    return manager.find(RoleGrant, { where: { personId, revokedAt: IsNull() }, order: { grantedAt: 'ASC' } });
  }

  /** `email` is already trimmed and lower-cased. */
  async credentialByEmail(email: string, manager: EntityManager = this.dataSource.manager) {
    return (await manager.query<CredentialRow[]>(CREDENTIAL_BY_EMAIL, [email]))[0];
  }

  externalIdentity(issuer: string, subject: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOne(ExternalIdentity, { where: { issuer, subject }, relations: { person: true } });
  }

  async externalIdentityOfPerson(issuer: string, personId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.exists(ExternalIdentity, { where: { issuer, personId } });
  }

  async touchExternalIdentity(id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(ExternalIdentity, { id }, { lastLoginAt: new Date() });
  }

  async linkExternalIdentity(
    row: { issuer: string; subject: string; personId: string },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.insert(ExternalIdentity, { ...row, lastLoginAt: new Date() });
  }

  personByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<Person | null> {
    return manager.createQueryBuilder(Person, 'p').where('lower(p.email) = lower(:email)', { email }).getOne();
  }
}

function toSessionWithPerson(manager: EntityManager, row: ResolveSessionRow): SessionWithPerson {
  const session = manager.create(UserSession, {
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
  const person = row.p_id
    ? manager.create(Person, {
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
          ? manager.create(OrgUnit, {
              id: row.u_id,
              code: row.u_code!,
              name: row.u_name!,
              kind: row.u_kind!,
              parentId: row.u_parent_id,
              path: row.u_path ?? [],
              active: row.u_active!,
            })
          : null,
      })
    : null;
  return { session, person, grants: row.grants };
}
