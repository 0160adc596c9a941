import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
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
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Column({ type: 'text' })
  role!: GrantableRole;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requested_by' })
  requester?: Person;

  @CreateDateColumn({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'text', default: 'pending' })
  status!: RoleGrantRequestStatus;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** The grant the approval created. */
  @Column({ name: 'grant_id', type: 'uuid', nullable: true })
  grantId!: string | null;
}
