import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { RECOGNITION_SCHEMA } from './schema';

/** HR's inputs for a year (null: not entered); an edit supersedes the row in force and keeps it. */
@Entity({ name: 'charter_input', ...RECOGNITION_SCHEMA })
export class CharterInputRow {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'smallint' })
  year!: number;

  @Column({ name: 'people_trained', type: 'integer', nullable: true })
  peopleTrained!: number | null;

  @Column({ name: 'communication_actions', type: 'integer', nullable: true })
  communicationActions!: number | null;

  @Column({ name: 'celebrations_held', type: 'integer', nullable: true })
  celebrationsHeld!: number | null;

  @Col.Decimal('budget', { precision: 14, scale: 2, nullable: true })
  budget!: number | null;

  @Col.Uuid('entered_by')
  enteredBy!: string;

  @Col.Timestamp('entered_at', { default: () => 'now()' })
  enteredAt!: Date;

  @Col.Timestamp('superseded_at', { nullable: true })
  supersededAt!: Date | null;
}
