import { ApiProperty } from '@nestjs/swagger';
import type { PersonalDataExportStatus } from '../entities';
import { Field } from '@eclore/server-platform';

export class PersonalDataExportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['queued', 'building', 'ready', 'failed'] }) status!: PersonalDataExportStatus;
  @ApiProperty({ description: 'Steps done: one per data category, then one per attachment.' }) doneSteps!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Known once the worker started.' })
  totalSteps!: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The download is refused after this.',
  })
  expiresAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) sizeBytes!: number | null;
  @ApiProperty({ description: 'Ready and not expired: GET …/download answers the archive.' }) downloadable!: boolean;
}

export class ErasePersonInput {
  @Field.Text({ max: 300, description: "The person's full name (given then family name), typed as a confirmation." })
  confirmName!: string;
}

export class ErasureResultDto {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ description: 'False when the person had already been erased (nothing changed).' }) erased!: boolean;
  @ApiProperty({ format: 'date-time' }) erasedAt!: string;
}
