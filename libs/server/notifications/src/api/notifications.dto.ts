import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_FREQUENCIES,
  type NotificationCategory,
  type NotificationFrequency,
} from '@eclore/domain';

export class NotificationActorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() givenName!: string;
  @ApiProperty() familyName!: string;
}

export class NotificationItemDto {
  @ApiProperty({ description: 'Notification id (digits).' }) id!: string;
  @ApiProperty({ description: 'Idea event type (commented, mentioned, return_to_authors, accept...).' })
  eventType!: string;
  @ApiProperty({ enum: NOTIFICATION_CATEGORIES }) category!: NotificationCategory;
  @ApiProperty() needsAction!: boolean;
  @ApiProperty({
    type: NotificationActorDto,
    nullable: true,
    description: 'Who acted; null for the system, or when naming them would reveal an anonymous author.',
  })
  actor!: NotificationActorDto | null;
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

export class ListNotificationsQuery {
  @ApiPropertyOptional({ description: 'Cursor from the previous page.' })
  @IsOptional()
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20, description: 'Ideas per page.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

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

export class CategoryFrequencyDto {
  @ApiProperty({ enum: NOTIFICATION_CATEGORIES })
  @IsIn(NOTIFICATION_CATEGORIES)
  category!: NotificationCategory;

  @ApiProperty({ enum: NOTIFICATION_FREQUENCIES })
  @IsIn(NOTIFICATION_FREQUENCIES)
  frequency!: NotificationFrequency;
}

export class PreferenceDto extends CategoryFrequencyDto {
  @ApiProperty({ enum: NOTIFICATION_FREQUENCIES, description: 'What applies when the person chooses nothing.' })
  organisationDefault!: NotificationFrequency;
  @ApiProperty({ description: 'True when this is the person’s own choice (else the organisation default applies).' })
  personal!: boolean;
}

export class PreferencesDto {
  @ApiProperty({ type: [PreferenceDto] }) preferences!: PreferenceDto[];
  @ApiProperty({ description: 'False when the server sends no e-mail (SMTP_URL unset); the centre still works.' })
  emailEnabled!: boolean;
}

export class UpdatePreferencesInput {
  @ApiProperty({ type: [CategoryFrequencyDto] })
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_CATEGORIES.length)
  @ValidateNested({ each: true })
  @Type(() => CategoryFrequencyDto)
  preferences!: CategoryFrequencyDto[];
}

export class DefaultsDto {
  @ApiProperty({ type: [CategoryFrequencyDto] }) defaults!: CategoryFrequencyDto[];
}

export class UpdateDefaultsInput extends UpdatePreferencesInput {}

const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;

export class ListDeliveriesQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: (typeof DELIVERY_STATUSES)[number];

  @ApiPropertyOptional({ description: 'Cursor from the previous page.' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['immediate', 'digest'] }) kind!: 'immediate' | 'digest';
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: (typeof DELIVERY_STATUSES)[number];
  @ApiProperty({ description: 'The recipient’s e-mail address (admins see where it went).' }) recipientEmail!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ description: 'Attempts found interrupted by a crash mid-send.' }) interrupted!: number;
  @ApiProperty({ description: 'Notifications carried.' }) items!: number;
  @ApiProperty() messageId!: string;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) failedAt!: string | null;
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryDto] }) deliveries!: DeliveryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class DeliveryIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class RunDigestInput {
  @ApiProperty({ enum: ['daily', 'weekly'] })
  @IsIn(['daily', 'weekly'])
  frequency!: 'daily' | 'weekly';

  @ApiProperty({ format: 'date-time', description: 'The test clock: the moment the digest runs.' })
  @IsISO8601({ strict: true })
  now!: string;
}

export class DigestRunDto {
  @ApiProperty({ description: 'The digest job queued (through the outbox).' }) queued!: boolean;
}
