import { Entity } from 'typeorm';
import { Col } from '@eclore/server-platform';
import type { ImpactCategory } from '@eclore/domain';
import { EditedRecord } from './edited-record';
import { REALISATION_SCHEMA } from './schema';

/** An impact indicator of one project (the lineage rule: no indicator is counted twice). */
@Entity({ name: 'impact_indicator', ...REALISATION_SCHEMA })
export class ImpactIndicator extends EditedRecord {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('project_id')
  projectId!: string;

  @Col.Text('category')
  category!: ImpactCategory;

  @Col.Text('label')
  label!: string;

  @Col.Text('unit')
  unit!: string;

  @Col.Decimal('baseline', { nullable: true })
  baseline!: number | null;

  @Col.Decimal('projected_value')
  projectedValue!: number;

  @Col.Day('projected_on')
  projectedOn!: string;
}
