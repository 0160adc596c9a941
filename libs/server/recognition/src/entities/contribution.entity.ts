import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ContributionKind } from '@eclore/domain';
import { Col } from '@eclore/server-platform';
import { GENERATED, RECOGNITION_SCHEMA } from './schema';

/** One entry of the contribution ledger (docs/recognition.md §1); the table only grows. */
@Entity({ name: 'contribution', ...RECOGNITION_SCHEMA })
export class Contribution {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'event_id', type: 'bigint' })
  eventId!: string;

  @Col.Text('event_type')
  eventType!: string;

  @Col.Uuid('idea_id')
  ideaId!: string;

  @Col.Text('kind')
  kind!: ContributionKind;

  /** Null only for kinds credited to nobody (supports). */
  @Col.Uuid('person_id', { nullable: true })
  personId!: string | null;

  @Column({ type: 'boolean', default: false })
  anonymous!: boolean;

  @Col.Timestamp('claimed_at', { nullable: true })
  claimedAt!: Date | null;

  @Col.Timestamp('occurred_at')
  occurredAt!: Date;

  @Col.Timestamp('recorded_at', { default: () => 'now()' })
  recordedAt!: Date;

  /** `event:kind:person`, computed by the database (contributionKey in the domain). */
  @Col.Text('idempotency_key', GENERATED)
  idempotencyKey!: string;
}
