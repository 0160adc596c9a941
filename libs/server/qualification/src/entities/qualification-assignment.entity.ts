import { Entity, Index } from 'typeorm';
import { UuidPrimary, UuidColumn, TimestampColumn, TextColumn, ManyToOneColumn } from '@eclore/server-platform';
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
  @UuidPrimary()
  id!: string;

  @UuidColumn('idea_id')
  ideaId!: string;

  @UuidColumn('person_id')
  personId!: string;

  /** Who assigned it; null when the automatic routing chose the reviewer. */
  @UuidColumn('assigned_by', { nullable: true })
  assignedBy!: string | null;

  @TimestampColumn('assigned_at')
  assignedAt!: Date;

  @TimestampColumn('ended_at', { nullable: true })
  endedAt!: Date | null;

  /** Why it ended: 'reassigned', 'removed', 'idea_left_qualification'… */
  @TextColumn('end_reason', { nullable: true })
  endReason!: string | null;

  @ManyToOneColumn(() => Idea, 'idea_id', { onDelete: 'CASCADE' })
  idea?: Idea;

  @ManyToOneColumn(() => Person, 'person_id', { onDelete: 'CASCADE' })
  person?: Person;
}
