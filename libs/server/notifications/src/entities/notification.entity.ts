import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationCategory } from '@eclore/domain';
import { Person, RoleGrantRequest } from '@eclore/server-identity';
import { Idea, IdeaEvent } from '@eclore/server-ideas';
import { CampaignAnnouncement } from './announcement.entity';

/**
 * One person told of one idea event or one campaign announcement (the in-app centre). Unique per
 * (event, recipient) and per (announcement, recipient): a re-run dispatch or fan-out never tells
 * anyone twice. Holds references only: names and titles are read when shown, so an anonymous
 * author's identity is never copied here.
 */
@Entity({ name: 'notification' })
@Index('uq_notification_event_recipient', ['eventId', 'recipientId'], { unique: true })
@Index('uq_notification_announcement_recipient', ['announcementId', 'recipientId'], {
  unique: true,
  where: 'announcement_id IS NOT NULL',
})
@Index('uq_notification_role_request_recipient', ['roleRequestId', 'eventType', 'recipientId'], {
  unique: true,
  where: 'role_request_id IS NOT NULL',
})
@Check('ck_notification_subject', 'num_nonnulls(event_id, announcement_id, role_request_id) = 1')
@Index('ix_notification_recipient', ['recipientId', 'id'])
@Index('ix_notification_recipient_unread', ['recipientId'], { where: 'read_at IS NULL' })
export class Notification {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId!: string;

  /** The idea concerned (null for a campaign announcement). */
  @Column({ name: 'idea_id', type: 'uuid', nullable: true })
  ideaId!: string | null;

  @Column({ name: 'event_id', type: 'bigint', nullable: true })
  eventId!: string | null;

  @Column({ name: 'announcement_id', type: 'bigint', nullable: true })
  announcementId!: string | null;

  /** A guardian grant waiting for a second admin, or given (`role_grant_requested`, `role_granted`). */
  @Column({ name: 'role_request_id', type: 'uuid', nullable: true })
  roleRequestId!: string | null;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ type: 'text' })
  category!: NotificationCategory;

  @Column({ name: 'needs_action', type: 'boolean', default: false })
  needsAction!: boolean;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id' })
  recipient?: Person;

  @ManyToOne(() => Idea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id' })
  idea?: Idea;

  @ManyToOne(() => IdeaEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: IdeaEvent;

  @ManyToOne(() => RoleGrantRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'role_request_id' })
  roleRequest?: RoleGrantRequest;

  @ManyToOne(() => CampaignAnnouncement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'announcement_id' })
  announcement?: CampaignAnnouncement;
}
