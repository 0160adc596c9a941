import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PersonRefDto, Field } from '@eclore/server-platform';
import { WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryStatus } from '../entities';
import { WEBHOOK_EVENT_TYPES } from '../delivery/event-types';
import { WEBHOOK_URL_MAX_LENGTH } from '../delivery/webhook-url';

export const WEBHOOK_DESCRIPTION_MAX_LENGTH = 200;

// ------------------------------------------------------------------ requests

export class CreateWebhookInput {
  @Field.Text({ max: WEBHOOK_URL_MAX_LENGTH, description: 'https URL (plain http only to localhost).' })
  url!: string;

  @Field.Text({ max: WEBHOOK_DESCRIPTION_MAX_LENGTH, optional: true, type: String, nullable: true })
  description?: string | null;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes!: string[];
}

export class UpdateWebhookInput {
  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field.Text({ max: WEBHOOK_DESCRIPTION_MAX_LENGTH, optional: true, type: String, nullable: true })
  description?: string | null;
}

export class ListWebhookDeliveriesQuery {
  @Field.Int({ min: 1, max: 100, fromText: true, optional: true, default: 50 })
  limit?: number;
}

// ------------------------------------------------------------------ responses

export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) eventTypes!: string[];
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: PersonRefDto, nullable: true }) createdBy!: PersonRefDto | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({ description: 'The signing secret. Shown in this answer only; store it in the integration now.' })
  secret!: string;
}

export class WebhookListDto {
  @ApiProperty({ type: WebhookDto, isArray: true }) items!: WebhookDto[];
  @ApiProperty({ type: String, isArray: true, description: 'Event types a subscription may choose.' })
  eventTypes!: string[];
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'Also the X-Eclore-Delivery header.' }) id!: string;
  @ApiProperty({ format: 'uuid' }) subscriptionId!: string;
  @ApiProperty({ type: String, nullable: true }) ideaEventId!: string | null;
  @ApiProperty() eventType!: string;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES }) status!: WebhookDeliveryStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: Number, nullable: true }) lastStatus!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextAttemptAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class WebhookDeliveryListDto {
  @ApiProperty({ type: WebhookDeliveryDto, isArray: true }) items!: WebhookDeliveryDto[];
}
