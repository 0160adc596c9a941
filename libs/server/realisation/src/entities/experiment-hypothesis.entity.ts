import { Column, Entity } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { REALISATION_SCHEMA } from './schema';

/** One version of an experiment's hypothesis; a pivot supersedes it and adds the next. */
@Entity({ name: 'experiment_hypothesis', ...REALISATION_SCHEMA })
export class ExperimentHypothesis {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('experiment_id')
  experimentId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Col.Text('change')
  change!: string;

  @Col.Text('audience')
  audience!: string;

  @Col.Text('expected_result')
  expectedResult!: string;

  @Col.Text('pivot_reason', { nullable: true })
  pivotReason!: string | null;

  @Col.Uuid('created_by')
  createdBy!: string;

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.Timestamp('superseded_at', { nullable: true })
  supersededAt!: Date | null;
}
