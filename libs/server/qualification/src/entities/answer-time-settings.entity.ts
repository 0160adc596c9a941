import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';

/**
 * The organisation's answer-time guarantee: one row (id 1). How many days an idea may wait for its
 * first answer and for its qualification, and how many days before a due date the assignees are
 * reminded (0 = no reminder). Changed by admins (audited); the worker reschedules every deadline.
 */
@Entity({ name: 'answer_time_settings' })
@Check('ck_answer_time_settings_single', 'id = 1')
@Check(
  'ck_answer_time_settings_days',
  'first_answer_days BETWEEN 1 AND 365 AND qualification_days BETWEEN 1 AND 365 AND remind_before_days BETWEEN 0 AND 365',
)
export class AnswerTimeSettingsRow {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ name: 'first_answer_days', type: 'integer' })
  firstAnswerDays!: number;

  @Column({ name: 'qualification_days', type: 'integer' })
  qualificationDays!: number;

  @Column({ name: 'remind_before_days', type: 'integer' })
  remindBeforeDays!: number;

  @Col.Uuid('updated_by', { nullable: true })
  updatedBy!: string | null;

  @Col.UpdatedAt()
  updatedAt!: Date;
}
