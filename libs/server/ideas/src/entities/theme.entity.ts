import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A theme ideas are filed under (and network/committee roles may be scoped to), labelled in both languages. */
@Entity({ name: 'theme' })
export class Theme {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ name: 'label_fr', type: 'text' })
  labelFr!: string;

  @Column({ name: 'label_en', type: 'text' })
  labelEn!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
