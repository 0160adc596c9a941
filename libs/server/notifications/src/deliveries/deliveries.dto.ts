import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString } from 'class-validator';
import { Field } from '@eclore/server-platform';

const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;

/** `cursor` only: the page size is fixed (50). */
export class ListNotificationDeliveriesQuery {
  @Field.OneOf(DELIVERY_STATUSES, { optional: true })
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
