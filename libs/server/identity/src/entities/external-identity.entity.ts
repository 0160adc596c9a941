import { Entity, Index } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { Person } from './person.entity';

/** Links an OpenID Connect identity (issuer + stable `sub`) to a person of the directory. */
@Entity({ name: 'external_identity' })
@Index('uq_external_identity_issuer_subject', ['issuer', 'subject'], { unique: true })
export class ExternalIdentity {
  @Col.UuidPrimary()
  id!: string;

  @Col.Text()
  issuer!: string;

  @Col.Text()
  subject!: string;

  @Index('ix_external_identity_person')
  @Col.Uuid('person_id')
  personId!: string;

  @Col.ManyToOne(() => Person, 'person_id', { onDelete: 'CASCADE' })
  person?: Person;

  @Col.CreatedAt('linked_at')
  linkedAt!: Date;

  @Col.Timestamp('last_login_at', { nullable: true })
  lastLoginAt!: Date | null;
}
