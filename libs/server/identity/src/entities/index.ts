import { AuditEvent } from './audit-event.entity';
import { AuditPseudonym } from './audit-pseudonym.entity';
import { LocalCredential } from './credential.entity';
import { DirectoryImport } from './directory-import.entity';
import { ExternalIdentity } from './external-identity.entity';
import { OrgUnitHeadcount } from './headcount.entity';
import { OrgUnit } from './org-unit.entity';
import { Person } from './person.entity';
import { RoleGrant } from './role-grant.entity';
import { RoleGrantRequest } from './role-grant-request.entity';
import { UserSession } from './session.entity';

export { AuditEvent, AuditPseudonym, LocalCredential, DirectoryImport, ExternalIdentity, OrgUnitHeadcount, OrgUnit, Person, RoleGrant, RoleGrantRequest, UserSession };
export type { RoleGrantRequestStatus } from './role-grant-request.entity';
export type { DirectoryImportRowError, DirectoryImportStatus } from './directory-import.entity';
export { ORG_UNIT_KINDS, type OrgUnitKind } from './org-unit.entity';

export const IDENTITY_ENTITIES = [OrgUnit, Person, LocalCredential, ExternalIdentity, RoleGrant, RoleGrantRequest, UserSession, AuditEvent, AuditPseudonym, DirectoryImport, OrgUnitHeadcount];
