import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
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
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_notification_delivery_key', { unique: true })
  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text', default: 'email' })
  channel!: 'email';

  @Column({ type: 'text' })
  kind!: DeliveryKind;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: DeliveryStatus;

  /** Sending attempts started (a crash after the start still counts). */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** Attempts found interrupted (the worker died between "sending" and "sent"). */
  @Column({ type: 'integer', default: 0 })
  interrupted!: number;

  @Column({ name: 'message_id', type: 'text' })
  messageId!: string;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sending_at', type: 'timestamptz', nullable: true })
  sendingAt!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id' })
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

  @Column({ name: 'delivery_id', type: 'uuid' })
  deliveryId!: string;

  @ManyToOne(() => Notification, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id' })
  notification?: Notification;

  @ManyToOne(() => NotificationDelivery, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id' })
  delivery?: NotificationDelivery;
}

/** The installation's key for signing unsubscribe links (one row, created on first use). */
@Entity({ name: 'notification_signing_key' })
export class NotificationSigningKey {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ type: 'text' })
  secret!: string;
}
