import { Check, Column, Entity, Index } from 'typeorm';
import { Col } from '@eclore/server-platform';
import type { GrantableRole } from '@eclore/domain';
import { Person } from './person.entity';
import { PersonOwnedRow } from './person-owned-row';

export type RoleGrantRequestStatus = 'pending' | 'approved' | 'rejected';

/**
 * A grant of a role that needs a second admin (`ROLES_NEEDING_APPROVAL`: the anonymity guardian),
 * waiting for that admin. Approving creates the `role_grant`; rejecting (or the requester cancelling)
 * closes it. Kept once decided, as history beside the audit log. Organisation-wide roles only.
 */
@Entity({ name: 'role_grant_request' })
@Index('uq_role_grant_request_pending', ['personId', 'role'], { unique: true, where: `status = 'pending'` })
@Check('ck_role_grant_request_status', `status IN ('pending', 'approved', 'rejected')`)
export class RoleGrantRequest extends PersonOwnedRow {
  @Col.Text()
  role!: GrantableRole;

  @Col.Uuid('requested_by')
  requestedBy!: string;

  @Col.ManyToOne(() => Person, 'requested_by', { onDelete: 'CASCADE' })
  requester?: Person;

  @Col.CreatedAt('requested_at')
  requestedAt!: Date;

  @Column({ type: 'text', default: 'pending' })
  status!: RoleGrantRequestStatus;

  @Col.Uuid('decided_by', { nullable: true })
  decidedBy!: string | null;

  @Col.Timestamp('decided_at', { nullable: true })
  decidedAt!: Date | null;

  /** The grant the approval created. */
  @Col.Uuid('grant_id', { nullable: true })
  grantId!: string | null;
}
