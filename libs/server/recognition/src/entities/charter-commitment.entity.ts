import { Column, Entity } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { RECOGNITION_SCHEMA } from './schema';

/** One commitment of the charter; the rows still valid (valid_to null) are the current charter. */
@Entity({ name: 'charter_commitment', ...RECOGNITION_SCHEMA })
export class CharterCommitmentRow {
  @Col.UuidPrimary()
  id!: string;

  @Col.Text('key')
  key!: string;

  @Column({ type: 'smallint' })
  position!: number;

  @Col.Text('title_fr')
  titleFr!: string;

  @Col.Text('title_en')
  titleEn!: string;

  @Column({ type: 'text', array: true })
  indicators!: string[];

  @Col.Timestamp('valid_from', { default: () => 'now()' })
  validFrom!: Date;

  @Col.Timestamp('valid_to', { nullable: true })
  validTo!: Date | null;

  @Col.Uuid('set_by', { nullable: true })
  setBy!: string | null;
}
