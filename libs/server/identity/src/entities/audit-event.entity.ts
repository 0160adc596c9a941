import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only audit log: a database trigger (see the migration) refuses UPDATE and DELETE, so not even
 * a bug in the application can rewrite history. Every grant, revoke, deactivation, import and reveal
 * of an anonymous author lands here.
 */
@Entity({ name: 'audit_event' })
@Index('ix_audit_event_subject', ['subjectType', 'subjectId'])
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /** Null for the system (imports run by the worker on someone's behalf record that someone). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  /**
   * Set instead of `actorId` when the actor acted as an anonymous author of the subject (see
   * `AuditPseudonym`): the log shows the same pseudonym for each of their acts on it, never them.
   */
  @Column({ name: 'actor_pseudonym', type: 'uuid', nullable: true })
  actorPseudonym!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'text', nullable: true })
  subjectId!: string | null;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;
}
