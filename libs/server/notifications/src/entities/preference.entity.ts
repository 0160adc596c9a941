import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { NotificationCategory, NotificationFrequency } from '@eclore/domain';
import { Person } from '@eclore/server-identity';

/** A person's own choice for one category (absent: the organisation default applies). */
@Entity({ name: 'notification_preference' })
export class NotificationPreference {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @PrimaryColumn({ type: 'text' })
  category!: NotificationCategory;

  @Column({ type: 'text' })
  frequency!: NotificationFrequency;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;
}

/** The organisation's default for one category, set by an admin (absent: the built-in default). */
@Entity({ name: 'notification_default' })
export class NotificationDefault {
  @PrimaryColumn({ type: 'text' })
  category!: NotificationCategory;

  @Column({ type: 'text' })
  frequency!: NotificationFrequency;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
