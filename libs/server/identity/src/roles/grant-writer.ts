import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { GrantViews, grantAuditData } from './grant-view';
import type { RoleGrantDto } from './roles-admin.dto';
import { RolesRepository, type NewGrant } from './roles.repository';

/** Writes an active grant and its `role.granted` audit event in the caller's transaction. */
@Injectable()
export class GrantWriter {
  constructor(
    private readonly roles: RolesRepository,
    private readonly views: GrantViews,
    private readonly audit: AuditService,
  ) {}

  /** `requestedBy` is set when a second admin approved it: the admin who asked. */
  async write(
    manager: EntityManager,
    grant: NewGrant & { requestedBy?: string },
    requestId: string | null,
  ): Promise<RoleGrantDto> {
    const { requestedBy, ...fields } = grant;
    const saved = await this.roles.insertGrant(fields, manager);
    await this.audit.append(manager, {
      actorId: grant.grantedBy,
      action: 'role.granted',
      subjectType: 'person',
      subjectId: grant.personId,
      data: { ...grantAuditData(saved), ...(requestedBy ? { requestedBy } : {}) },
      requestId,
    });
    const [view] = await this.views.of([saved], manager);
    return view as RoleGrantDto;
  }
}
