import { Column, Entity } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { REALISATION_SCHEMA } from './schema';

/** A measure that would confirm or refute the hypothesis, with its target. */
@Entity({ name: 'experiment_measure', ...REALISATION_SCHEMA })
export class ExperimentMeasure {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('experiment_id')
  experimentId!: string;

  @Column({ type: 'int' })
  position!: number;

  @Col.Text('label')
  label!: string;

  @Col.Text('unit')
  unit!: string;

  @Col.Decimal('target')
  target!: number;

  @Col.CreatedAt()
  createdAt!: Date;
}
