import { Check, Entity, Index } from 'typeorm';
import { Col } from '@eclore/server-platform';
import type { GrantableRole } from '@eclore/domain';
import { PersonOwnedRow } from './person-owned-row';

/**
 * A role granted to a person, optionally scoped to an org unit (and its subtree) or a theme.
 * Revoking keeps the row (revoked_at/by): the history stays readable beside the audit log.
 */
@Entity({ name: 'role_grant' })
@Check(
  'ck_role_grant_scope',
  `(scope_kind = 'organisation' AND scope_org_unit_id IS NULL AND scope_theme IS NULL)
    OR (scope_kind = 'org_unit' AND scope_org_unit_id IS NOT NULL AND scope_theme IS NULL)
    OR (scope_kind = 'theme' AND scope_theme IS NOT NULL AND scope_org_unit_id IS NULL)`,
)
@Index('ix_role_grant_person_active', ['personId'], { where: 'revoked_at IS NULL' })
export class RoleGrant extends PersonOwnedRow {
  @Col.Text()
  role!: GrantableRole;

  @Col.Text('scope_kind', { default: 'organisation' })
  scopeKind!: 'organisation' | 'org_unit' | 'theme';

  @Col.Uuid('scope_org_unit_id', { nullable: true })
  scopeOrgUnitId!: string | null;

  @Col.Text('scope_theme', { nullable: true })
  scopeTheme!: string | null;

  @Col.Uuid('granted_by', { nullable: true })
  grantedBy!: string | null;

  @Col.CreatedAt('granted_at')
  grantedAt!: Date;

  @Col.Uuid('revoked_by', { nullable: true })
  revokedBy!: string | null;

  @Col.Timestamp('revoked_at', { nullable: true })
  revokedAt!: Date | null;
}
