import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Proof that a job's side effect happened, under a unique key. A processor records it in the same
 * transaction as its effect (or before an external effect it cannot roll back), so a retried or
 * re-delivered job finds the receipt and does nothing twice.
 */
@Entity({ name: 'job_receipt' })
export class JobReceipt {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ name: 'job_name', type: 'text' })
  jobName!: string;

  @Column({ name: 'job_id', type: 'text', nullable: true })
  jobId!: string | null;

  @CreateDateColumn({ name: 'completed_at', type: 'timestamptz' })
  completedAt!: Date;
}
