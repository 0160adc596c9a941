import { Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { Person } from './person.entity';

/** A local account's password (argon2id hash). SSO-only people have none. */
@Entity({ name: 'local_credential' })
export class LocalCredential {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @OneToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Col.Text('password_hash')
  passwordHash!: string;

  @Col.UpdatedAt()
  updatedAt!: Date;
}
