import { Column, Entity, Index, Unique } from 'typeorm';
import {
  UuidPrimary,
  UuidColumn,
  TimestampColumn,
  TextColumn,
  CreatedAt,
  ManyToOneColumn,
} from '@eclore/server-platform';
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
  @UuidPrimary()
  id!: string;

  @UuidColumn('subscription_id')
  subscriptionId!: string;

  @ManyToOneColumn(() => WebhookSubscription, 'subscription_id', { onDelete: 'CASCADE' })
  subscription?: WebhookSubscription;

  @Column({ name: 'idea_event_id', type: 'bigint', nullable: true })
  ideaEventId!: string | null;

  @ManyToOneColumn(() => IdeaEvent, 'idea_event_id', { onDelete: 'CASCADE' })
  ideaEvent?: IdeaEvent | null;

  /** The idea event's type, or `ping`. */
  @TextColumn('event_type')
  eventType!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: WebhookDeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_status', type: 'int', nullable: true })
  lastStatus!: number | null;

  @TextColumn('last_error', { nullable: true })
  lastError!: string | null;

  @TimestampColumn('next_attempt_at', { nullable: true })
  nextAttemptAt!: Date | null;

  @TimestampColumn('sent_at', { nullable: true })
  sentAt!: Date | null;

  @CreatedAt()
  createdAt!: Date;
}
