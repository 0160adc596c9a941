import { Column, Entity } from 'typeorm';
import type { RecognitionForm, RecognitionMilestone, RecognitionStatus } from '@eclore/domain';
import { Col } from '@eclore/server-platform';
import { GENERATED, RECOGNITION_SCHEMA } from './schema';

/** A recognition: due when a milestone opens it, then recorded (form, message) or dismissed. */
@Entity({ name: 'recognition', ...RECOGNITION_SCHEMA })
export class Recognition {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('idea_id')
  ideaId!: string;

  @Col.Text('milestone')
  milestone!: RecognitionMilestone;

  /** Which occurrence of a repeatable milestone (a replication's id); '-' for the once-only ones. */
  @Col.Text('occurrence', { default: '-' })
  occurrence!: string;

  @Col.Uuid('person_id')
  personId!: string;

  @Column({ type: 'boolean', default: false })
  anonymous!: boolean;

  @Col.Text('due_key', GENERATED)
  dueKey!: string;

  @Col.Text('status', { default: 'due' })
  status!: RecognitionStatus;

  @Col.Timestamp('opened_at', { default: () => 'now()' })
  openedAt!: Date;

  @Col.Text('form', { nullable: true })
  form!: RecognitionForm | null;

  @Col.Text('message', { nullable: true })
  message!: string | null;

  @Column({ name: 'is_public', type: 'boolean', default: false })
  isPublic!: boolean;

  @Col.Timestamp('public_declined_at', { nullable: true })
  publicDeclinedAt!: Date | null;

  @Col.Text('dismiss_reason', { nullable: true })
  dismissReason!: string | null;

  @Col.Uuid('recorded_by', { nullable: true })
  recordedBy!: string | null;

  @Col.Timestamp('recorded_at', { nullable: true })
  recordedAt!: Date | null;

  @Col.Timestamp('notified_at', { nullable: true })
  notifiedAt!: Date | null;

  @Col.Text('certificate_key', { nullable: true })
  certificateKey!: string | null;

  @Col.Text('certificate_locale', { nullable: true })
  certificateLocale!: 'fr' | 'en' | null;
}
