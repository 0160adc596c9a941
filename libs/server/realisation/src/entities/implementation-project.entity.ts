import { Entity } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { EditedRecord } from './edited-record';
import { REALISATION_SCHEMA } from './schema';

/** An implementation project (mise en œuvre); a replication is a project of its own in its unit. */
@Entity({ name: 'implementation_project', ...REALISATION_SCHEMA })
export class ImplementationProject extends EditedRecord {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('idea_id')
  ideaId!: string;

  @Col.Uuid('owner_id')
  ownerId!: string;

  @Col.Uuid('org_unit_id')
  orgUnitId!: string;

  @Col.Day('starts_on')
  startsOn!: string;

  /** Set by `complete_implementation`: the return-to-field reviews count from it. */
  @Col.Timestamp('go_live_at', { nullable: true })
  goLiveAt!: Date | null;

  @Col.Decimal('budget_planned', { precision: 14, scale: 2, default: 0 })
  budgetPlanned!: number;

  @Col.Timestamp('completed_at', { nullable: true })
  completedAt!: Date | null;
}
