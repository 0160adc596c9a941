import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { GrantableRole } from '@eclore/domain';
import { Person } from './person.entity';

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
export class RoleGrant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Column({ type: 'text' })
  role!: GrantableRole;

  @Column({ name: 'scope_kind', type: 'text', default: 'organisation' })
  scopeKind!: 'organisation' | 'org_unit' | 'theme';

  @Column({ name: 'scope_org_unit_id', type: 'uuid', nullable: true })
  scopeOrgUnitId!: string | null;

  @Column({ name: 'scope_theme', type: 'text', nullable: true })
  scopeTheme!: string | null;

  @Column({ name: 'granted_by', type: 'uuid', nullable: true })
  grantedBy!: string | null;

  @CreateDateColumn({ name: 'granted_at', type: 'timestamptz' })
  grantedAt!: Date;

  @Column({ name: 'revoked_by', type: 'uuid', nullable: true })
  revokedBy!: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
