import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { CHARTER_LIMITS, REPORT_FIGURES, type ReportFigure } from '@eclore/domain';
import { CharterInputsDto } from '../report/report.dto';
import { Field } from '@eclore/server-platform';

export class CharterTitleDto {
  @ApiProperty({ maxLength: CHARTER_LIMITS.titleMax }) @IsString() fr!: string;
  @ApiProperty({ maxLength: CHARTER_LIMITS.titleMax }) @IsString() en!: string;
}

export class CharterCommitmentDto {
  @ApiProperty({ description: 'Stable key (lower-case letters, digits, _).' }) key!: string;
  @ApiProperty({ description: 'Order in the charter and the report, from 0.' }) position!: number;
  @ApiProperty({ type: CharterTitleDto }) title!: CharterTitleDto;
  @ApiProperty({ enum: REPORT_FIGURES, isArray: true }) indicators!: ReportFigure[];
  @ApiProperty({ type: String, format: 'date-time' }) validFrom!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null: in force.' })
  validTo!: string | null;
}

/** The charter in force and every earlier version of its commitments. */
export class CharterDto {
  @ApiProperty({ type: [CharterCommitmentDto], description: 'In force, in order.' })
  commitments!: CharterCommitmentDto[];
  @ApiProperty({
    type: [CharterCommitmentDto],
    description: 'Earlier versions (renamed, moved or retired), newest first.',
  })
  history!: CharterCommitmentDto[];
}

export class CharterCommitmentInput {
  @ApiProperty() @IsString() key!: string;
  @ApiProperty({ type: CharterTitleDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CharterTitleDto)
  title!: CharterTitleDto;
  @ApiProperty({ enum: REPORT_FIGURES, isArray: true }) @IsArray() @IsString({ each: true }) indicators!: string[];
}

/** The whole charter as it should be: its order is the list's; a commitment left out is retired. */
export class SetCharterInput {
  @ApiProperty({ type: [CharterCommitmentInput], minItems: 1, maxItems: CHARTER_LIMITS.maxCommitments })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CharterCommitmentInput)
  commitments!: CharterCommitmentInput[];
}

export class CharterInputsYearQuery {
  @Field.Int({ min: 2000, max: 9999, fromText: true, description: 'From 2000 to the current year.' })
  year!: number;
}

export class CharterYearParam {
  @Field.Int({ min: 2000, max: 9999, fromText: true })
  year!: number;
}

/** HR's inputs for a year; an input left out (or null) is "not entered", not 0. */
export class SetCharterInputsInput {
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, maximum: 1_000_000 })
  @IsOptional()
  peopleTrained?: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, maximum: 100_000 })
  @IsOptional()
  communicationActions?: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, maximum: 10_000 })
  @IsOptional()
  celebrationsHeld?: number | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 100_000_000_000,
    description: 'At most two decimals.',
  })
  @IsOptional()
  budget?: number | null;
}

/** One entry of a year's inputs: the inputs as the report reads them, and who entered them when. */
export class CharterInputEntryDto extends CharterInputsDto {
  @ApiProperty({ type: String, format: 'date-time' }) enteredAt!: string;
  @ApiProperty({ description: 'Who entered it (HR or an admin).' }) enteredBy!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null: in force.' })
  supersededAt!: string | null;
}

/** A year's inputs in force (null: none entered) and every entry, newest first. */
export class CharterInputsYearDto {
  @ApiProperty() year!: number;
  @ApiProperty({ type: CharterInputEntryDto, nullable: true }) current!: CharterInputEntryDto | null;
  @ApiProperty({ type: [CharterInputEntryDto] }) history!: CharterInputEntryDto[];
}
