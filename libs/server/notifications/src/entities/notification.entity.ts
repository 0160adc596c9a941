import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';
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

  @Col.Uuid('recipient_id')
  recipientId!: string;

  /** The idea concerned (null for a campaign announcement). */
  @Col.Uuid('idea_id', { nullable: true })
  ideaId!: string | null;

  @Column({ name: 'event_id', type: 'bigint', nullable: true })
  eventId!: string | null;

  @Column({ name: 'announcement_id', type: 'bigint', nullable: true })
  announcementId!: string | null;

  /** A guardian grant waiting for a second admin, or given (`role_grant_requested`, `role_granted`). */
  @Col.Uuid('role_request_id', { nullable: true })
  roleRequestId!: string | null;

  @Col.Text('event_type')
  eventType!: string;

  @Col.Text()
  category!: NotificationCategory;

  @Column({ name: 'needs_action', type: 'boolean', default: false })
  needsAction!: boolean;

  @Col.Timestamp('read_at', { nullable: true })
  readAt!: Date | null;

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.ManyToOne(() => Person, 'recipient_id', { onDelete: 'CASCADE' })
  recipient?: Person;

  @Col.ManyToOne(() => Idea, 'idea_id', { onDelete: 'CASCADE' })
  idea?: Idea;

  @Col.ManyToOne(() => IdeaEvent, 'event_id', { onDelete: 'CASCADE' })
  event?: IdeaEvent;

  @Col.ManyToOne(() => RoleGrantRequest, 'role_request_id', { onDelete: 'CASCADE' })
  roleRequest?: RoleGrantRequest;

  @Col.ManyToOne(() => CampaignAnnouncement, 'announcement_id', { onDelete: 'CASCADE' })
  announcement?: CampaignAnnouncement;
}
