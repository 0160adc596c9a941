import { Entity, Index } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { Person } from '@eclore/server-identity';
import { Idea } from '@eclore/server-ideas';

/**
 * A network member asked to review an idea in qualification. Rows are never deleted: an assignment
 * ends (reassigned, the idea left qualification…) so the queue's "done" tab and the history stay true.
 */
@Entity({ name: 'qualification_assignment' })
// At most one open assignment per reviewer and idea; ended rows may repeat.
@Index('ux_qualification_assignment_open', ['ideaId', 'personId'], { unique: true, where: 'ended_at IS NULL' })
@Index('ix_qualification_assignment_person_open', ['personId'], { where: 'ended_at IS NULL' })
@Index('ix_qualification_assignment_idea', ['ideaId'])
export class QualificationAssignment {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('idea_id')
  ideaId!: string;

  @Col.Uuid('person_id')
  personId!: string;

  /** Who assigned it; null when the automatic routing chose the reviewer. */
  @Col.Uuid('assigned_by', { nullable: true })
  assignedBy!: string | null;

  @Col.Timestamp('assigned_at')
  assignedAt!: Date;

  @Col.Timestamp('ended_at', { nullable: true })
  endedAt!: Date | null;

  /** Why it ended: 'reassigned', 'removed', 'idea_left_qualification'… */
  @Col.Text('end_reason', { nullable: true })
  endReason!: string | null;

  @Col.ManyToOne(() => Idea, 'idea_id', { onDelete: 'CASCADE' })
  idea?: Idea;

  @Col.ManyToOne(() => Person, 'person_id', { onDelete: 'CASCADE' })
  person?: Person;
}
