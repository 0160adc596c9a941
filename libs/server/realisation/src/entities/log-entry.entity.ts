import { Entity } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { REALISATION_SCHEMA } from './schema';

/** A dated log book entry; its writer may edit it for 24 hours, then it is append-only. */
@Entity({ name: 'log_entry', ...REALISATION_SCHEMA })
export class LogEntry {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('experiment_id')
  experimentId!: string;

  /** The hypothesis current when the entry was written (a pivot keeps old entries with theirs). */
  @Col.Uuid('hypothesis_id')
  hypothesisId!: string;

  @Col.Uuid('writer_id')
  writerId!: string;

  @Col.Text('body_html')
  bodyHtml!: string;

  @Col.Day('occurred_on')
  occurredOn!: string;

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.Timestamp('edited_at', { nullable: true })
  editedAt!: Date | null;
}
