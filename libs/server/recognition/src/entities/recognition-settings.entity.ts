import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RecognitionMilestone } from '@eclore/domain';
import { Col } from '@eclore/server-platform';
import { RECOGNITION_SCHEMA } from './schema';

/** Which milestones open "recognition due" items (a single row, id 1). */
@Entity({ name: 'recognition_settings', ...RECOGNITION_SCHEMA })
export class RecognitionSettingsRow {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ type: 'text', array: true })
  milestones!: RecognitionMilestone[];

  @Col.Uuid('updated_by', { nullable: true })
  updatedBy!: string | null;

  @Col.Timestamp('updated_at', { default: () => 'now()' })
  updatedAt!: Date;
}
