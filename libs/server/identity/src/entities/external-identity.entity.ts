import { Entity, Index } from 'typeorm';
import {
  UuidPrimary,
  UuidColumn,
  TimestampColumn,
  TextColumn,
  CreatedAt,
  ManyToOneColumn,
} from '@eclore/server-platform';
import { Person } from './person.entity';

/** Links an OpenID Connect identity (issuer + stable `sub`) to a person of the directory. */
@Entity({ name: 'external_identity' })
@Index('uq_external_identity_issuer_subject', ['issuer', 'subject'], { unique: true })
export class ExternalIdentity {
  @UuidPrimary()
  id!: string;

  @TextColumn()
  issuer!: string;

  @TextColumn()
  subject!: string;

  @Index('ix_external_identity_person')
  @UuidColumn('person_id')
  personId!: string;

  @ManyToOneColumn(() => Person, 'person_id', { onDelete: 'CASCADE' })
  person?: Person;

  @CreatedAt('linked_at')
  linkedAt!: Date;

  @TimestampColumn('last_login_at', { nullable: true })
  lastLoginAt!: Date | null;
}
