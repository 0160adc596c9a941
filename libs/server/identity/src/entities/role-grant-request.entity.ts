import { Check, Column, Entity, Index } from 'typeorm';
import {
  UuidPrimary,
  UuidColumn,
  TimestampColumn,
  TextColumn,
  CreatedAt,
  ManyToOneColumn,
} from '@eclore/server-platform';
import type { GrantableRole } from '@eclore/domain';
import { Person } from './person.entity';

export type RoleGrantRequestStatus = 'pending' | 'approved' | 'rejected';

/**
 * A grant of a role that needs a second admin (`ROLES_NEEDING_APPROVAL`: the anonymity guardian),
 * waiting for that admin. Approving creates the `role_grant`; rejecting (or the requester cancelling)
 * closes it. Kept once decided, as history beside the audit log. Organisation-wide roles only.
 */
@Entity({ name: 'role_grant_request' })
@Index('uq_role_grant_request_pending', ['personId', 'role'], { unique: true, where: `status = 'pending'` })
@Check('ck_role_grant_request_status', `status IN ('pending', 'approved', 'rejected')`)
export class RoleGrantRequest {
  @UuidPrimary()
  id!: string;

  @UuidColumn('person_id')
  personId!: string;

  @ManyToOneColumn(() => Person, 'person_id', { onDelete: 'CASCADE' })
  person?: Person;

  @TextColumn()
  role!: GrantableRole;

  @UuidColumn('requested_by')
  requestedBy!: string;

  @ManyToOneColumn(() => Person, 'requested_by', { onDelete: 'CASCADE' })
  requester?: Person;

  @CreatedAt('requested_at')
  requestedAt!: Date;

  @Column({ type: 'text', default: 'pending' })
  status!: RoleGrantRequestStatus;

  @UuidColumn('decided_by', { nullable: true })
  decidedBy!: string | null;

  @TimestampColumn('decided_at', { nullable: true })
  decidedAt!: Date | null;

  /** The grant the approval created. */
  @UuidColumn('grant_id', { nullable: true })
  grantId!: string | null;
}
