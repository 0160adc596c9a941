import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { Person } from '@eclore/server-identity';
import { Notification } from './notification.entity';

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';
export type DeliveryKind = 'immediate' | 'digest';

/**
 * One outgoing message (an e-mail) under a unique key: `email:<notificationId>` for an immediate
 * one, `digest:<daily|weekly>:<period>:<personId>` for a digest. The key decides the Message-ID, so
 * a duplicate (a replay, a resend after a crash) is recognisable by any mail system. See
 * docs/notifications.md for the states and the crash window.
 */
@Entity({ name: 'notification_delivery' })
@Index('ix_notification_delivery_status', ['status', 'createdAt'])
export class NotificationDelivery {
  @Col.UuidPrimary()
  id!: string;

  @Index('uq_notification_delivery_key', { unique: true })
  @Col.Text()
  key!: string;

  @Column({ type: 'text', default: 'email' })
  channel!: 'email';

  @Col.Text()
  kind!: DeliveryKind;

  @Col.Uuid('recipient_id')
  recipientId!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: DeliveryStatus;

  /** Sending attempts started (a crash after the start still counts). */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** Attempts found interrupted (the worker died between "sending" and "sent"). */
  @Column({ type: 'integer', default: 0 })
  interrupted!: number;

  @Col.Text('message_id')
  messageId!: string;

  @Col.Text('last_error', { nullable: true })
  lastError!: string | null;

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.Timestamp('sending_at', { nullable: true })
  sendingAt!: Date | null;

  @Col.Timestamp('sent_at', { nullable: true })
  sentAt!: Date | null;

  @Col.Timestamp('failed_at', { nullable: true })
  failedAt!: Date | null;

  @Col.ManyToOne(() => Person, 'recipient_id', { onDelete: 'CASCADE' })
  recipient?: Person;
}

/**
 * Which notifications a delivery carries. The primary key (notification, channel) = (event,
 * recipient, channel): a notification goes out by e-mail once, immediately or in one digest.
 */
@Entity({ name: 'notification_delivery_item' })
@Index('ix_notification_delivery_item_delivery', ['deliveryId'])
export class NotificationDeliveryItem {
  @PrimaryColumn({ name: 'notification_id', type: 'bigint' })
  notificationId!: string;

  @PrimaryColumn({ type: 'text' })
  channel!: 'email';

  @Col.Uuid('delivery_id')
  deliveryId!: string;

  @Col.ManyToOne(() => Notification, 'notification_id', { onDelete: 'CASCADE' })
  notification?: Notification;

  @Col.ManyToOne(() => NotificationDelivery, 'delivery_id', { onDelete: 'CASCADE' })
  delivery?: NotificationDelivery;
}

/** The installation's key for signing unsubscribe links (one row, created on first use). */
@Entity({ name: 'notification_signing_key' })
export class NotificationSigningKey {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Col.Text()
  secret!: string;
}
