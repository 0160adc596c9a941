import type { EntityManager } from 'typeorm';
import type { GrantableRole } from '@eclore/domain';
import type { AuditService } from '../audit/audit.service';
import { RoleGrant } from '../entities';
import { grantAuditData, toGrantViews } from './grant-view';
import type { RoleGrantDto } from './roles-admin.dto';

/** Writes an active grant and its `role.granted` audit event in the caller's transaction. */
export async function writeGrant(
  manager: EntityManager,
  audit: AuditService,
  grant: {
    personId: string;
    role: GrantableRole;
    scopeKind: RoleGrant['scopeKind'];
    scopeOrgUnitId: string | null;
    grantedBy: string;
    /** Set when a second admin approved it: the admin who asked. */
    requestedBy?: string;
  },
  requestId: string | null,
): Promise<RoleGrantDto> {
  const repo = manager.getRepository(RoleGrant);
  const saved = await repo.save(
    repo.create({
      personId: grant.personId,
      role: grant.role,
      scopeKind: grant.scopeKind,
      scopeOrgUnitId: grant.scopeOrgUnitId,
      scopeTheme: null,
      grantedBy: grant.grantedBy,
    }),
  );
  await audit.append(manager, {
    actorId: grant.grantedBy,
    action: 'role.granted',
    subjectType: 'person',
    subjectId: grant.personId,
    data: { ...grantAuditData(saved), ...(grant.requestedBy ? { requestedBy: grant.requestedBy } : {}) },
    requestId,
  });
  const [view] = await toGrantViews(manager, [saved]);
  return view as RoleGrantDto;
}
