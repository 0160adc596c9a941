import { Entity, Index, PrimaryColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { Idea } from '@eclore/server-ideas';

/**
 * The delayed BullMQ jobs the deadline scheduler keeps for an idea (one row per job id). The queue
 * cannot be asked "which jobs does this idea have" cheaply; this table answers it, so a new state
 * replaces or removes exactly the jobs scheduled before.
 */
@Entity({ name: 'deadline_job' })
@Index('ix_deadline_job_idea', ['ideaId'])
export class DeadlineJob {
  /** Deterministic: idea + action + deadline + due time (see deadlineJobId in the domain). */
  @PrimaryColumn({ name: 'job_id', type: 'text' })
  jobId!: string;

  @Col.Uuid('idea_id')
  ideaId!: string;

  @Col.Text()
  action!: 'remind' | 'escalate';

  @Col.Text()
  deadline!: 'first_answer' | 'qualification';

  @Col.Timestamp('due_at')
  dueAt!: Date;

  @Col.Timestamp('fire_at')
  fireAt!: Date;

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.ManyToOne(() => Idea, 'idea_id', { onDelete: 'CASCADE' })
  idea?: Idea;
}
