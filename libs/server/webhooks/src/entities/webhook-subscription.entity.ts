import { Column, Entity } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { Person } from '@eclore/server-identity';

/**
 * An integration (Teams, Slack, a project tool) registered by an admin: where to POST which idea
 * events. The secret signs every body (HMAC-SHA256); it is generated here and shown once.
 */
@Entity({ name: 'webhook_subscription' })
export class WebhookSubscription {
  @Col.UuidPrimary()
  id!: string;

  @Col.Text()
  url!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Col.Text('event_types', { array: true })
  eventTypes!: string[];

  /** Kept in clear because signing needs it; never returned by the API after creation. */
  @Col.Text()
  secret!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Col.Uuid('created_by', { nullable: true })
  createdBy!: string | null;

  @Col.ManyToOne(() => Person, 'created_by', { onDelete: 'SET NULL' })
  creator?: Person | null;

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.UpdatedAt()
  updatedAt!: Date;
}
