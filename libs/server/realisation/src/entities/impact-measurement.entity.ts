import { Entity } from 'typeorm';
import { Col } from '@eclore/server-platform';
import type { ImpactCategory, MeasurementConfidence } from '@eclore/domain';
import { REALISATION_SCHEMA } from './schema';

/** A measurement of an indicator; counted only once a network member in scope has validated it. */
@Entity({ name: 'impact_measurement', ...REALISATION_SCHEMA })
export class ImpactMeasurement {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('indicator_id')
  indicatorId!: string;

  /** The indicator's category, repeated so the database checks the category's bounds on the row. */
  @Col.Text('category')
  category!: ImpactCategory;

  @Col.Decimal('value')
  value!: number;

  @Col.Day('measured_on')
  measuredOn!: string;

  @Col.Text('source')
  source!: string;

  @Col.Text('confidence')
  confidence!: MeasurementConfidence;

  @Col.Uuid('recorded_by')
  recordedBy!: string;

  @Col.Uuid('validated_by', { nullable: true })
  validatedBy!: string | null;

  @Col.Timestamp('validated_at', { nullable: true })
  validatedAt!: Date | null;

  @Col.CreatedAt()
  createdAt!: Date;
}
