import { AuditChainHead } from './audit-chain-head.entity';
import { AuditEvent } from './audit-event.entity';
import { AuditPseudonym } from './audit-pseudonym.entity';
import { LocalCredential } from './credential.entity';
import { DirectoryImport } from './directory-import.entity';
import { ExternalIdentity } from './external-identity.entity';
import { OrgUnitHeadcount } from './headcount.entity';
import { OrgUnit } from './org-unit.entity';
import { Person } from './person.entity';
import { PersonalDataExport } from './personal-data-export.entity';
import { RoleGrant } from './role-grant.entity';
import { RoleGrantRequest } from './role-grant-request.entity';
import { UserSession } from './session.entity';

export { AuditChainHead, AuditEvent, AuditPseudonym, LocalCredential, DirectoryImport, ExternalIdentity, OrgUnitHeadcount, OrgUnit, Person, PersonalDataExport, RoleGrant, RoleGrantRequest, UserSession };
export type { PersonalDataExportStatus } from './personal-data-export.entity';
export type { RoleGrantRequestStatus } from './role-grant-request.entity';
export type { DirectoryImportRowError, DirectoryImportStatus } from './directory-import.entity';
export { ORG_UNIT_KINDS, type OrgUnitKind } from './org-unit.entity';

export const IDENTITY_ENTITIES = [OrgUnit, Person, LocalCredential, ExternalIdentity, RoleGrant, RoleGrantRequest, UserSession, AuditEvent, AuditChainHead, AuditPseudonym, DirectoryImport, OrgUnitHeadcount, PersonalDataExport];
