import { Entity } from 'typeorm';
import { Col } from '@eclore/server-platform';
import type { ExperimentStatus } from '@eclore/domain';
import { EditedRecord } from './edited-record';
import { REALISATION_SCHEMA } from './schema';

/** An idea's experiment: the protocol, its dates and, once recorded, its outcome. */
@Entity({ name: 'experiment', ...REALISATION_SCHEMA })
export class Experiment extends EditedRecord {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('idea_id')
  ideaId!: string;

  @Col.Text('what_is_tried')
  whatIsTried!: string;

  @Col.Text('where_tried')
  whereTried!: string;

  @Col.Text('with_whom')
  withWhom!: string;

  @Col.Day('starts_on')
  startsOn!: string;

  @Col.Day('ends_on')
  endsOn!: string;

  @Col.Text('status', { default: 'running' })
  status!: ExperimentStatus;

  @Col.Text('learnings', { nullable: true })
  learnings!: string | null;

  @Col.Timestamp('outcome_at', { nullable: true })
  outcomeAt!: Date | null;
}
