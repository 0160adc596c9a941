import { Entity, PrimaryColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';
import type { NotificationCategory, NotificationFrequency } from '@eclore/domain';
import { Person } from '@eclore/server-identity';

/** A person's own choice for one category (absent: the organisation default applies). */
@Entity({ name: 'notification_preference' })
export class NotificationPreference {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @PrimaryColumn({ type: 'text' })
  category!: NotificationCategory;

  @Col.Text()
  frequency!: NotificationFrequency;

  @Col.UpdatedAt()
  updatedAt!: Date;

  @Col.ManyToOne(() => Person, 'person_id', { onDelete: 'CASCADE' })
  person?: Person;
}

/** The organisation's default for one category, set by an admin (absent: the built-in default). */
@Entity({ name: 'notification_default' })
export class NotificationDefault {
  @PrimaryColumn({ type: 'text' })
  category!: NotificationCategory;

  @Col.Text()
  frequency!: NotificationFrequency;

  @Col.Uuid('updated_by', { nullable: true })
  updatedBy!: string | null;

  @Col.UpdatedAt()
  updatedAt!: Date;
}
