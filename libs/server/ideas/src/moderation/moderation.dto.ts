import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trimmed } from '../engagement/engagement.dto';
import { Field } from '@eclore/server-platform';

export const REPORT_TARGET_TYPES = ['idea', 'comment'] as const;
export type ReportTargetType = (typeof REPORT_TARGET_TYPES)[number];

export class CreateReportDto {
  @Field.OneOf(REPORT_TARGET_TYPES)
  targetType!: ReportTargetType;

  @Field.Uuid()
  targetId!: string;

  @ApiProperty({ maxLength: 1000, description: 'What is wrong with it.' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class ReportCreatedDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
}

export class HideDto {
  @ApiProperty({
    maxLength: 1000,
    description: 'Told to the author and shown in place of the content to them and the network.',
  })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class OpenReportDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: REPORT_TARGET_TYPES })
  targetType!: ReportTargetType;

  @ApiProperty({ format: 'uuid' })
  targetId!: string;

  @ApiProperty({ format: 'uuid', description: 'The idea, or the idea the comment is on.' })
  ideaId!: string;

  @ApiProperty()
  ideaTitle!: string;

  @ApiProperty({ description: 'The reported text, plain, cut to 300 characters.' })
  excerpt!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty({ description: 'Open reports on the same content (this one included).' })
  reportsOnTarget!: number;
}

export class ReportResolvedDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['hidden', 'dismissed'] })
  resolution!: 'hidden' | 'dismissed';
}
