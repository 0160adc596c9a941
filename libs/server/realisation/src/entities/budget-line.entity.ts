import { Entity } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { REALISATION_SCHEMA } from './schema';

/** An amount spent on a project (the planned budget is on the project). */
@Entity({ name: 'budget_line', ...REALISATION_SCHEMA })
export class BudgetLine {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('project_id')
  projectId!: string;

  @Col.Text('label')
  label!: string;

  @Col.Decimal('amount', { precision: 14, scale: 2 })
  amount!: number;

  @Col.Day('spent_on')
  spentOn!: string;

  @Col.Uuid('recorded_by')
  recordedBy!: string;

  @Col.CreatedAt()
  createdAt!: Date;
}
