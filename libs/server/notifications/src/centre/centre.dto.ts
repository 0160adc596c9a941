import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from '@eclore/domain';
import { CursorQuery, PersonRefDto } from '@eclore/server-platform';

export class NotificationItemDto {
  @ApiProperty({ description: 'Notification id (digits).' }) id!: string;
  @ApiProperty({ description: 'Idea event type (commented, mentioned, return_to_authors, accept...).' })
  eventType!: string;
  @ApiProperty({ enum: NOTIFICATION_CATEGORIES }) category!: NotificationCategory;
  @ApiProperty() needsAction!: boolean;
  @ApiProperty({
    type: PersonRefDto,
    nullable: true,
    description: 'Who acted; null for the system, or when naming them would reveal an anonymous author.',
  })
  actor!: PersonRefDto | null;
  @ApiProperty({ description: 'True when the actor is one of the idea’s authors kept anonymous to this reader.' })
  actorIsAnonymousAuthor!: boolean;
  @ApiProperty({
    nullable: true,
    description: 'A comment id when the event is about one (for the link).',
    type: String,
  })
  commentId!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The reason given (return, moderation), shown to whom it concerns.',
  })
  detail!: string | null;
  @ApiProperty({
    description:
      'Where it leads in the app (a path): the idea, its comment, its qualification panel, a committee session, a campaign.',
  })
  link!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt!: string | null;
}

export class NotificationGroupDto {
  @ApiProperty({ description: 'Stable key of the group: the idea id, or `campaign:<id>` for an announcement.' })
  key!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null for a campaign announcement.' })
  ideaId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Set for a campaign announcement.' })
  campaignId!: string | null;
  @ApiProperty({ description: 'The idea’s title, or the campaign’s for an announcement.' }) ideaTitle!: string;
  @ApiProperty({ description: 'The page of the idea or campaign (a path).' }) link!: string;
  @ApiProperty({ description: 'Something unread in this group needs the reader’s action.' }) needsAction!: boolean;
  @ApiProperty() unread!: number;
  @ApiProperty({ type: [NotificationItemDto], description: 'Newest first (at most 20 per idea).' })
  items!: NotificationItemDto[];
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationGroupDto], description: 'Ideas needing my action first, then the most recent.' })
  groups!: NotificationGroupDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Opaque cursor of the next page; null on the last one.' })
  nextCursor!: string | null;
}

/** `limit` counts groups (ideas, campaigns), 20 by default. */
export class ListNotificationsQuery extends CursorQuery({ max: 50, default: 20 }) {}

export class UnreadCountDto {
  @ApiProperty() unread!: number;
}

export class MarkReadInput {
  @ApiProperty({ type: [String], description: 'Notification ids (of the signed-in person; others are ignored).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @Matches(/^\d{1,18}$/, { each: true, message: 'each id must be a notification id' })
  ids!: string[];
}

export class MarkedDto {
  @ApiProperty() marked!: number;
}
