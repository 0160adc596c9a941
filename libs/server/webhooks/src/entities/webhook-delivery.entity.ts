import { Column, Entity, Index, Unique } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { IdeaEvent } from '@eclore/server-ideas';
import { WebhookSubscription } from './webhook-subscription.entity';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * One idea event for one subscription. The unique (subscription, event) key is what makes a retried
 * dispatch job harmless: it can never create a second delivery. A ping (test) has no event.
 */
@Entity({ name: 'webhook_delivery' })
@Unique('uq_webhook_delivery_subscription_event', ['subscriptionId', 'ideaEventId'])
@Index('ix_webhook_delivery_subscription_created', ['subscriptionId', 'createdAt'])
export class WebhookDelivery {
  /** Also the stable `X-Eclore-Delivery` header: the same on every attempt, so receivers can dedupe. */
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('subscription_id')
  subscriptionId!: string;

  @Col.ManyToOne(() => WebhookSubscription, 'subscription_id', { onDelete: 'CASCADE' })
  subscription?: WebhookSubscription;

  @Column({ name: 'idea_event_id', type: 'bigint', nullable: true })
  ideaEventId!: string | null;

  @Col.ManyToOne(() => IdeaEvent, 'idea_event_id', { onDelete: 'CASCADE' })
  ideaEvent?: IdeaEvent | null;

  /** The idea event's type, or `ping`. */
  @Col.Text('event_type')
  eventType!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: WebhookDeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_status', type: 'int', nullable: true })
  lastStatus!: number | null;

  @Col.Text('last_error', { nullable: true })
  lastError!: string | null;

  @Col.Timestamp('next_attempt_at', { nullable: true })
  nextAttemptAt!: Date | null;

  @Col.Timestamp('sent_at', { nullable: true })
  sentAt!: Date | null;

  @Col.CreatedAt()
  createdAt!: Date;
}
