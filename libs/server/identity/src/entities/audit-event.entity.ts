import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';

/**
 * Append-only audit log: a database trigger (see the migration) refuses UPDATE and DELETE, so not even
 * a bug in the application can rewrite history. Every grant, revoke, deactivation, import and reveal
 * of an anonymous author lands here. The rows form a hash chain that the database computes on insert
 * (trigger `audit_event_chain`, migration AuditChain): an edit made around the trigger by the table's
 * owner breaks the chain, and `npm run audit:verify` names the first broken row.
 */
@Entity({ name: 'audit_event' })
@Index('ix_audit_event_subject', ['subjectType', 'subjectId'])
@Index('ux_audit_event_seq', ['seq'], { unique: true })
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Col.CreatedAt('occurred_at')
  occurredAt!: Date;

  /** Null for the system (imports run by the worker on someone's behalf record that someone). */
  @Col.Uuid('actor_id', { nullable: true })
  actorId!: string | null;

  /**
   * Set instead of `actorId` when the actor acted as an anonymous author of the subject (see
   * `AuditPseudonym`): the log shows the same pseudonym for each of their acts on it, never them.
   */
  @Col.Uuid('actor_pseudonym', { nullable: true })
  actorPseudonym!: string | null;

  @Col.Text()
  action!: string;

  @Col.Text('subject_type')
  subjectType!: string;

  @Col.Text('subject_id', { nullable: true })
  subjectId!: string | null;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Col.Text('request_id', { nullable: true })
  requestId!: string | null;

  /** Position in the chain (1, 2, …), set by the trigger under the chain-head lock. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;

  /** Hash of the previous row in the chain (64 zeros for the first). */
  @Col.Text('prev_hash', { insert: false, update: false })
  prevHash!: string;

  /** SHA-256 (hex) over prevHash and this row's canonical content (audit-chain.ts). */
  @Column({ type: 'text', insert: false, update: false })
  hash!: string;
}
