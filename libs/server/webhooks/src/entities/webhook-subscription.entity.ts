import { Column, Entity } from 'typeorm';
import { UuidPrimary, UuidColumn, TextColumn, CreatedAt, UpdatedAt, ManyToOneColumn } from '@eclore/server-platform';
import { Person } from '@eclore/server-identity';

/**
 * An integration (Teams, Slack, a project tool) registered by an admin: where to POST which idea
 * events. The secret signs every body (HMAC-SHA256); it is generated here and shown once.
 */
@Entity({ name: 'webhook_subscription' })
export class WebhookSubscription {
  @UuidPrimary()
  id!: string;

  @TextColumn()
  url!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @TextColumn('event_types', { array: true })
  eventTypes!: string[];

  /** Kept in clear because signing needs it; never returned by the API after creation. */
  @TextColumn()
  secret!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @UuidColumn('created_by', { nullable: true })
  createdBy!: string | null;

  @ManyToOneColumn(() => Person, 'created_by', { onDelete: 'SET NULL' })
  creator?: Person | null;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
