import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { REALISATION_SCHEMA } from './schema';

/** The organisation's return-to-field schedule: one row (id 1), defaults 3 and 12 months. */
@Entity({ name: 'field_review_settings', ...REALISATION_SCHEMA })
export class FieldReviewSettingsRow {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ name: 'months_after_go_live', type: 'int', array: true })
  monthsAfterGoLive!: number[];

  @Column({ name: 'remind_after_days', type: 'int' })
  remindAfterDays!: number;

  @Column({ name: 'late_after_days', type: 'int' })
  lateAfterDays!: number;

  @Col.Uuid('updated_by', { nullable: true })
  updatedBy!: string | null;

  @Col.UpdatedAt()
  updatedAt!: Date;
}
