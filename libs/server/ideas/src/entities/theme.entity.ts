import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';

/** A theme ideas are filed under (and network/committee roles may be scoped to), labelled in both languages. */
@Entity({ name: 'theme' })
export class Theme {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Col.Text('label_fr')
  labelFr!: string;

  @Col.Text('label_en')
  labelEn!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
