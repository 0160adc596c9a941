import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
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
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'subscription_id', type: 'uuid' })
  subscriptionId!: string;

  @ManyToOne(() => WebhookSubscription, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscription_id' })
  subscription?: WebhookSubscription;

  @Column({ name: 'idea_event_id', type: 'bigint', nullable: true })
  ideaEventId!: string | null;

  @ManyToOne(() => IdeaEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_event_id' })
  ideaEvent?: IdeaEvent | null;

  /** The idea event's type, or `ping`. */
  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: WebhookDeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_status', type: 'int', nullable: true })
  lastStatus!: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
