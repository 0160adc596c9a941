import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNumber, IsOptional, Min, ValidateNested } from 'class-validator';
import { CRITERION_AXES, MAX_CRITERIA, MAX_CRITERION_TEXT, SCORE_LEVELS, type CriterionAxis } from '@eclore/domain';
import { Field } from '@eclore/server-platform';

// Shapes and types here; the rules (weights > 0, five described levels, unique keys) are the
// domain's validateCriteriaSet, which names each faulty field.

export class LocalizedTextDto {
  @Field.Text({ max: MAX_CRITERION_TEXT })
  fr!: string;

  @Field.Text({ max: MAX_CRITERION_TEXT })
  en!: string;
}

export class CriterionDto {
  @Field.Text({ max: 40, description: 'Stable key the scores refer to (a-z, digits, _).', example: 'user_value' })
  key!: string;

  @ApiProperty({ type: LocalizedTextDto })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  label!: LocalizedTextDto;

  @ApiProperty({ type: LocalizedTextDto })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  description!: LocalizedTextDto;

  @ApiProperty({ description: 'Relative weight in the weighted score (> 0).', example: 2 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  weight!: number;

  @Field.OneOf(CRITERION_AXES, { description: 'Axis of the value/effort plot this criterion feeds.' })
  axis!: CriterionAxis;

  @ApiProperty({
    type: [LocalizedTextDto],
    minItems: SCORE_LEVELS.length,
    maxItems: SCORE_LEVELS.length,
    description: 'Levels 1 to 5, described (index 0 = level 1).',
  })
  @IsArray()
  @ArrayMaxSize(SCORE_LEVELS.length)
  @ValidateNested({ each: true })
  @Type(() => LocalizedTextDto)
  levels!: LocalizedTextDto[];
}

export class CriteriaSetInput {
  @ApiProperty({ type: [CriterionDto], maxItems: MAX_CRITERIA })
  @IsArray()
  @ArrayMaxSize(MAX_CRITERIA)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria!: CriterionDto[];

  @ApiPropertyOptional({ description: 'The version read; a stale one answers 409 `stale_version`.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}

export class CriteriaSetDto {
  @ApiProperty({
    enum: ['campaign', 'organisation', 'built_in'],
    description:
      '`campaign`: the campaign’s own set; `organisation`: the organisation’s default; `built_in`: the default shipped with Éclore (never edited yet).',
  })
  source!: 'campaign' | 'organisation' | 'built_in';

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  campaignId!: string | null;

  @ApiProperty({ type: [CriterionDto] })
  criteria!: CriterionDto[];

  @ApiProperty({ description: 'Send it back when saving (0 before the first save).' })
  version!: number;

  @ApiProperty({ nullable: true, type: String })
  updatedAt!: string | null;

  @ApiProperty({ description: 'Whether the signed-in person may edit this set.' })
  canManage!: boolean;
}
