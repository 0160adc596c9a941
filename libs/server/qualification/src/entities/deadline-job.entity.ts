import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
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

  @Column({ name: 'idea_id', type: 'uuid' })
  ideaId!: string;

  @Column({ type: 'text' })
  action!: 'remind' | 'escalate';

  @Column({ type: 'text' })
  deadline!: 'first_answer' | 'qualification';

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'fire_at', type: 'timestamptz' })
  fireAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => Idea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id' })
  idea?: Idea;
}
