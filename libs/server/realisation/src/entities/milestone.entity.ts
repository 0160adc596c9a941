import { Column, Entity } from 'typeorm';
import { Col } from '@eclore/server-platform';
import type { MilestoneStatus } from '@eclore/domain';
import { REALISATION_SCHEMA } from './schema';

/**
 * A project milestone (jalon). `version` is bumped by every update, written as
 * `UPDATE … WHERE version = <the version the editor read>`, so two editors never lose a change.
 */
@Entity({ name: 'milestone', ...REALISATION_SCHEMA })
export class Milestone {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('project_id')
  projectId!: string;

  @Column({ type: 'int' })
  position!: number;

  @Col.Text('title')
  title!: string;

  @Column({ type: 'int' })
  weight!: number;

  @Col.Day('due_on')
  dueOn!: string;

  @Col.Text('status', { default: 'open' })
  status!: MilestoneStatus;

  @Column({ type: 'int', default: 0 })
  progress!: number;

  @Col.Text('drop_reason', { nullable: true })
  dropReason!: string | null;

  @Col.Timestamp('done_at', { nullable: true })
  doneAt!: Date | null;

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.UpdatedAt()
  updatedAt!: Date;

  @Col.Uuid('updated_by', { nullable: true })
  updatedBy!: string | null;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
