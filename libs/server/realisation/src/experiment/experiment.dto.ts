import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  EXPERIMENT_OUTCOMES,
  EXPERIMENT_STATUSES,
  HYPOTHESIS_LIMITS,
  LEARNINGS_MAX,
  LOG_ENTRY_LIMITS,
  type ExperimentOutcome,
  type ExperimentStatus,
} from '@eclore/domain';
import { UuidParams, Field } from '@eclore/server-platform';
import { TeamPersonDto } from '../team';

/** Measures per experiment, attachments per log entry: enough for a real protocol, bounded. */
export const MEASURES_MAX = 20;
export const ENTRY_ATTACHMENTS_MAX = 10;
/** Raw rich text before sanitising (the stored, sanitised body is bounded by the domain). */
const RAW_BODY_MAX = LOG_ENTRY_LIMITS.bodyMax * 2;

export class HypothesisInput {
  @Field.Text({ max: HYPOTHESIS_LIMITS.partMax, notEmpty: true, description: '"We believe that <change>…"' })
  change!: string;
  @Field.Text({ max: HYPOTHESIS_LIMITS.partMax, notEmpty: true, description: '"…for <audience>…"' })
  audience!: string;
  @Field.Text({ max: HYPOTHESIS_LIMITS.partMax, notEmpty: true, description: '"…will <expected result>."' })
  expectedResult!: string;
}

export class MeasureInput {
  @ApiProperty({ maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) label!: string;
  @ApiProperty({ maxLength: 40 }) @IsString() @IsNotEmpty() @MaxLength(40) unit!: string;
  @ApiProperty({ minimum: -1e12, maximum: 1e12 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e12)
  @Max(1e12)
  target!: number;
}

/** The protocol: what is tried, where, with whom, from when until when, and the measures. */
export class ProtocolInput {
  @Field.Text({ max: 5000, notEmpty: true }) whatIsTried!: string;
  @Field.Text({ max: 1000, notEmpty: true }) whereTried!: string;
  @Field.Text({ max: 1000, notEmpty: true }) withWhom!: string;
  @Field.Day({ example: '2026-12-01' })
  startsOn!: string;
  @Field.Day({ example: '2027-02-28' })
  endsOn!: string;
  @ApiProperty({ type: [MeasureInput], maxItems: MEASURES_MAX, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MEASURES_MAX)
  @ValidateNested({ each: true })
  @Type(() => MeasureInput)
  measures!: MeasureInput[];
}

export class CreateExperimentInput extends ProtocolInput {
  @ApiProperty({ type: HypothesisInput })
  @ValidateNested()
  @Type(() => HypothesisInput)
  hypothesis!: HypothesisInput;
}

export class UpdateExperimentInput extends ProtocolInput {
  @Field.Int({ min: 1, max: 2_000_000_000, description: 'The version read; another one answers 409 stale_version.' })
  version!: number;
}

export class LogEntryInput {
  @Field.Text({ max: RAW_BODY_MAX, notEmpty: true, description: 'Rich text, sanitised on the server.' })
  bodyHtml!: string;
  @Field.Day({ description: 'The day it happened: not in the future, not before the start.' })
  occurredOn!: string;
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: ENTRY_ATTACHMENTS_MAX,
    description: 'Photos and files already uploaded to the idea (POST /api/ideas/:id/attachments).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ENTRY_ATTACHMENTS_MAX)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

export class OutcomeInput {
  @Field.OneOf(EXPERIMENT_OUTCOMES)
  outcome!: ExperimentOutcome;
  @Field.Text({
    max: LEARNINGS_MAX,
    optional: true,
    description: 'Required for `stopped`: they stay public on the idea.',
  })
  learnings?: string;
  @ApiPropertyOptional({ type: HypothesisInput, description: 'Required for `pivot`.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => HypothesisInput)
  newHypothesis?: HypothesisInput;
  @Field.Text({ max: LEARNINGS_MAX, optional: true, description: 'Why the pivot; required for `pivot`.' })
  reason?: string;
}

export class HypothesisDto {
  @ApiProperty() version!: number;
  @ApiProperty() change!: string;
  @ApiProperty() audience!: string;
  @ApiProperty() expectedResult!: string;
  @ApiProperty({ type: String, nullable: true }) pivotReason!: string | null;
  @ApiProperty({ description: 'The hypothesis the experiment tests now.' }) current!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) supersededAt!: string | null;
}

export class MeasureDto {
  @ApiProperty() label!: string;
  @ApiProperty() unit!: string;
  @ApiProperty() target!: number;
}

export class LogAttachmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() contentType!: string;
}

export class LogEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The hypothesis version current when it was written.' }) hypothesisVersion!: number;
  @ApiProperty({ type: TeamPersonDto }) writer!: TeamPersonDto;
  @ApiProperty({ description: 'Sanitised HTML.' }) bodyHtml!: string;
  @ApiProperty({ format: 'date' }) occurredOn!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt!: string | null;
  @ApiProperty({ format: 'date-time', description: 'After this the entry is append-only.' }) editableUntil!: string;
  @ApiProperty({ description: 'The viewer wrote it and may still correct it.' }) canEdit!: boolean;
  @ApiProperty({ type: [LogAttachmentDto] }) attachments!: LogAttachmentDto[];
}

export class ExperimentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) ideaId!: string;
  @ApiProperty({ enum: EXPERIMENT_STATUSES }) status!: ExperimentStatus;
  @ApiProperty() whatIsTried!: string;
  @ApiProperty() whereTried!: string;
  @ApiProperty() withWhom!: string;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ format: 'date' }) endsOn!: string;
  @ApiProperty({ type: String, nullable: true }) learnings!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) outcomeAt!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ type: [HypothesisDto], description: 'Oldest first; the current one last.' })
  hypotheses!: HypothesisDto[];
  @ApiProperty({ type: [MeasureDto] }) measures!: MeasureDto[];
  @ApiProperty({ type: [LogEntryDto], description: 'By day, then writing time.' }) logEntries!: LogEntryDto[];
}

export class ExperimentViewerDto {
  @ApiProperty({ description: 'May create the experiment, edit it and write in the log book.' }) canWrite!: boolean;
  @ApiProperty() canRecordOutcome!: boolean;
}

export class ExperimentViewDto {
  @ApiProperty({ type: ExperimentDto, nullable: true }) experiment!: ExperimentDto | null;
  @ApiProperty({ type: ExperimentViewerDto }) viewer!: ExperimentViewerDto;
}

/** `/ideas/:id/experiment/log-entries/:entryId`. */
export class LogEntryParams extends UuidParams('id', 'entryId') {}

export class EvidenceHypothesisDto {
  @ApiProperty() version!: number;
  @ApiProperty() change!: string;
  @ApiProperty() audience!: string;
  @ApiProperty() expectedResult!: string;
}

/** A validated experiment's evidence beside the agenda item asking for decide_implement. */
export class ExperimentEvidenceDto {
  @ApiProperty({ format: 'uuid' }) experimentId!: string;
  @ApiProperty({ type: EvidenceHypothesisDto, description: 'The hypothesis that was validated.' })
  hypothesis!: EvidenceHypothesisDto;
  @ApiProperty({ type: [MeasureDto] }) measures!: MeasureDto[];
  @ApiProperty({ type: String, nullable: true }) learnings!: string | null;
  @ApiProperty() logEntryCount!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) outcomeAt!: string | null;
}
