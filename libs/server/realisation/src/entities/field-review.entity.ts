import { Column, Entity } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { REALISATION_SCHEMA } from './schema';

/** A return-to-field review N months after go-live: asked, reminded once, then reported late. */
@Entity({ name: 'field_review', ...REALISATION_SCHEMA })
export class FieldReview {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('project_id')
  projectId!: string;

  @Column({ type: 'int' })
  ordinal!: number;

  @Column({ name: 'months_after_go_live', type: 'int' })
  monthsAfterGoLive!: number;

  @Col.Timestamp('due_at')
  dueAt!: Date;

  @Col.Timestamp('remind_at')
  remindAt!: Date;

  @Col.Timestamp('late_at')
  lateAt!: Date;

  @Col.Timestamp('asked_at', { nullable: true })
  askedAt!: Date | null;

  @Col.Timestamp('reminded_at', { nullable: true })
  remindedAt!: Date | null;

  @Col.Timestamp('reported_late_at', { nullable: true })
  reportedLateAt!: Date | null;

  @Col.Timestamp('answered_at', { nullable: true })
  answeredAt!: Date | null;

  @Col.Uuid('answered_by', { nullable: true })
  answeredBy!: string | null;

  @Col.Text('what_happened', { nullable: true })
  whatHappened!: string | null;

  @Col.Text('unexpected', { nullable: true })
  unexpected!: string | null;

  @Col.Text('who_uses_it', { nullable: true })
  whoUsesIt!: string | null;
}
