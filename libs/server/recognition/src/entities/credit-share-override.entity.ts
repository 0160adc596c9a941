import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { RECOGNITION_SCHEMA } from './schema';

/** A change of an idea's credit shares by the network; the latest row of an idea is in force. */
@Entity({ name: 'credit_share_override', ...RECOGNITION_SCHEMA })
export class CreditShareOverride {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Col.Uuid('idea_id')
  ideaId!: string;

  @Column({ type: 'smallint' })
  authors!: number;

  @Column({ type: 'smallint' })
  team!: number;

  @Column({ type: 'smallint' })
  network!: number;

  @Col.Text('reason')
  reason!: string;

  @Col.Uuid('set_by')
  setBy!: string;

  @Col.Timestamp('set_at', { default: () => 'now()' })
  setAt!: Date;
}
