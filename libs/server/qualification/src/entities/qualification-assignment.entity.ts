import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
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
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'idea_id', type: 'uuid' })
  ideaId!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  /** Who assigned it; null when the automatic routing chose the reviewer. */
  @Column({ name: 'assigned_by', type: 'uuid', nullable: true })
  assignedBy!: string | null;

  @Column({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt!: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  /** Why it ended: 'reassigned', 'removed', 'idea_left_qualification'… */
  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason!: string | null;

  @ManyToOne(() => Idea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id' })
  idea?: Idea;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;
}
