import { In, type EntityManager } from 'typeorm';
import type { GrantableRole } from '@eclore/domain';
import { Person, RoleGrantRequest } from '../entities';
import type { PersonRefDto, RoleGrantRequestDto } from './roles-admin.dto';

/** The SQL of role grant requests (grants waiting for a second admin). */
export const roleRequests = {
  pending(manager: EntityManager): Promise<RoleGrantRequest[]> {
    return manager.getRepository(RoleGrantRequest).find({
      where: { status: 'pending' },
      order: { requestedAt: 'ASC', id: 'ASC' },
    });
  },

  pendingFor(manager: EntityManager, personId: string, role: GrantableRole): Promise<RoleGrantRequest | null> {
    return manager.getRepository(RoleGrantRequest).findOneBy({ personId, role, status: 'pending' });
  },

  /** Locks the request row (two admins deciding at once serialise; the second sees it decided). */
  lock(manager: EntityManager, id: string): Promise<RoleGrantRequest | null> {
    return manager.getRepository(RoleGrantRequest).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  },

  async insert(
    manager: EntityManager,
    row: { personId: string; role: GrantableRole; requestedBy: string },
  ): Promise<RoleGrantRequest> {
    const repo = manager.getRepository(RoleGrantRequest);
    return repo.save(repo.create({ ...row, status: 'pending', decidedBy: null, decidedAt: null, grantId: null }));
  },

  async decide(
    manager: EntityManager,
    id: string,
    decision: { status: 'approved' | 'rejected'; decidedBy: string; grantId: string | null },
  ): Promise<void> {
    await manager.getRepository(RoleGrantRequest).update({ id }, { ...decision, decidedAt: new Date() });
  },

  /** Locks the grantee's row (as every role change does) and tells whether they are active. */
  async lockActivePerson(manager: EntityManager, personId: string): Promise<boolean> {
    const person = await manager
      .getRepository(Person)
      .findOne({ where: { id: personId }, lock: { mode: 'pessimistic_write' }, select: { id: true, active: true } });
    return person?.active === true;
  },

  /** Active admins: who is told of a request and of its approval. */
  async activeAdminIds(manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT p.id FROM person p
        WHERE p.active AND EXISTS (
          SELECT 1 FROM role_grant g WHERE g.person_id = p.id AND g.role = 'admin' AND g.revoked_at IS NULL)
        ORDER BY p.id`,
    );
    return rows.map((r) => r.id);
  },

  async views(manager: EntityManager, rows: readonly RoleGrantRequest[]): Promise<RoleGrantRequestDto[]> {
    const ids = [...new Set(rows.flatMap((r) => [r.personId, r.requestedBy]))];
    const people = ids.length
      ? await manager
          .getRepository(Person)
          .find({ where: { id: In(ids) }, select: { id: true, givenName: true, familyName: true } })
      : [];
    const ref = new Map<string, PersonRefDto>(
      people.map((p) => [p.id, { id: p.id, givenName: p.givenName, familyName: p.familyName }]),
    );
    const unknown = (id: string): PersonRefDto => ({ id, givenName: '', familyName: '' });
    return rows.map((r) => ({
      id: r.id,
      person: ref.get(r.personId) ?? unknown(r.personId),
      role: r.role,
      requestedBy: ref.get(r.requestedBy) ?? unknown(r.requestedBy),
      requestedAt: r.requestedAt.toISOString(),
      status: r.status,
    }));
  },
};
