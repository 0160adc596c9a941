import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  IDEA_KINDS,
  MAX_PHASES,
  PHASE_NAME_MAX_LENGTH,
  SUBMISSION_RULE_FIELDS,
  SUBMISSION_RULE_LIMITS,
  type IdeaKind,
  type SubmissionRuleField,
} from '@eclore/domain';
import { OrgUnitRefDto, PersonRefDto, Field } from '@eclore/server-platform';

export const CAMPAIGN_TITLE_MAX_LENGTH = 160;
export const CAMPAIGN_QUESTION_MAX_LENGTH = 300;
export const CAMPAIGN_DESCRIPTION_MAX_LENGTH = 20_000;
export const CAMPAIGN_AUDIENCE_MAX_UNITS = 50;
export const CAMPAIGN_TIMINGS = ['upcoming', 'current', 'past'] as const;

// ------------------------------------------------------------------ requests

/** An integer within one of the submission rules' limits, documented and validated from the same bounds. */
const WithinLimit = (limit: { min: number; max: number }): PropertyDecorator =>
  applyDecorators(ApiProperty({ minimum: limit.min, maximum: limit.max }), IsInt(), Min(limit.min), Max(limit.max));

export class SubmissionRulesInput {
  @ApiProperty({ enum: SUBMISSION_RULE_FIELDS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(SUBMISSION_RULE_FIELDS, { each: true })
  requiredFields!: SubmissionRuleField[];

  @WithinLimit(SUBMISSION_RULE_LIMITS.titleMaxLength)
  titleMaxLength!: number;

  @WithinLimit(SUBMISSION_RULE_LIMITS.summaryMaxLength)
  summaryMaxLength!: number;

  @WithinLimit(SUBMISSION_RULE_LIMITS.bodyMinLength)
  bodyMinLength!: number;

  @ApiProperty({ enum: IDEA_KINDS, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(IDEA_KINDS, { each: true })
  allowedKinds!: IdeaKind[];
}

export class CampaignPhaseInput {
  @Field.Text({ max: PHASE_NAME_MAX_LENGTH, notEmpty: true })
  name!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @IsISO8601({ strict: true })
  startsAt!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'Exclusive: the phase is over at this instant.' })
  @IsISO8601({ strict: true })
  endsAt!: string;

  @ApiProperty() @IsBoolean() submissionsOpen!: boolean;
  @ApiProperty() @IsBoolean() supportsOpen!: boolean;
  @ApiProperty() @IsBoolean() commentsOpen!: boolean;
}

export class ReplaceCampaignPhasesInput {
  @ApiProperty({
    type: [CampaignPhaseInput],
    maxItems: MAX_PHASES,
    description: 'The whole ordered list; phases may touch but not overlap.',
  })
  @IsArray()
  @ArrayMaxSize(MAX_PHASES)
  @ValidateNested({ each: true })
  @Type(() => CampaignPhaseInput)
  phases!: CampaignPhaseInput[];
}

export class CreateCampaignInput {
  @Field.Text({ max: CAMPAIGN_TITLE_MAX_LENGTH, notEmpty: true })
  title!: string;

  @Field.Text({
    max: CAMPAIGN_QUESTION_MAX_LENGTH,
    notEmpty: true,
    description: 'The "Comment pourrions-nous… ?" question.',
  })
  question!: string;

  @Field.Text({
    max: CAMPAIGN_DESCRIPTION_MAX_LENGTH,
    optional: true,
    description: 'Rich text; sanitised on the server.',
  })
  descriptionHtml?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'An active person.' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  sponsorId?: string | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Org units (with their subtrees) invited; empty or absent = the whole organisation.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CAMPAIGN_AUDIENCE_MAX_UNITS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  audienceOrgUnitIds?: string[];

  @ApiPropertyOptional({ type: SubmissionRulesInput, description: "Defaults to the always-open box's rules." })
  @IsOptional()
  @ValidateNested()
  @Type(() => SubmissionRulesInput)
  submissionRules?: SubmissionRulesInput;

  @ApiPropertyOptional({ type: [CampaignPhaseInput], maxItems: MAX_PHASES })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PHASES)
  @ValidateNested({ each: true })
  @Type(() => CampaignPhaseInput)
  phases?: CampaignPhaseInput[];
}

/** Every field optional; phases change through PUT /campaigns/:id/phases. */
export class UpdateCampaignInput {
  @Field.Text({ max: CAMPAIGN_TITLE_MAX_LENGTH, notEmpty: true, optional: true })
  title?: string;

  @Field.Text({ max: CAMPAIGN_QUESTION_MAX_LENGTH, notEmpty: true, optional: true })
  question?: string;

  @Field.Text({ max: CAMPAIGN_DESCRIPTION_MAX_LENGTH, optional: true })
  descriptionHtml?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  sponsorId?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CAMPAIGN_AUDIENCE_MAX_UNITS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  audienceOrgUnitIds?: string[];

  @ApiPropertyOptional({ type: SubmissionRulesInput })
  @IsOptional()
  @ValidateNested()
  @Type(() => SubmissionRulesInput)
  submissionRules?: SubmissionRulesInput;
}

// ------------------------------------------------------------------ responses

export class CampaignPhaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '0-based order.' }) position!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, format: 'date-time' }) startsAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) endsAt!: string;
  @ApiProperty() submissionsOpen!: boolean;
  @ApiProperty() supportsOpen!: boolean;
  @ApiProperty() commentsOpen!: boolean;
}

export class CampaignFeaturesDto {
  @ApiProperty() submissions!: boolean;
  @ApiProperty() supports!: boolean;
  @ApiProperty() comments!: boolean;
}

export class SubmissionRulesDto {
  @ApiProperty({ enum: SUBMISSION_RULE_FIELDS, isArray: true }) requiredFields!: SubmissionRuleField[];
  @ApiProperty() titleMaxLength!: number;
  @ApiProperty() summaryMaxLength!: number;
  @ApiProperty() bodyMinLength!: number;
  @ApiProperty({ enum: IDEA_KINDS, isArray: true }) allowedKinds!: IdeaKind[];
}

export class CampaignDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() question!: string;
  @ApiProperty({ description: 'Sanitised HTML.' }) descriptionHtml!: string;
  @ApiProperty({ type: PersonRefDto, nullable: true }) sponsor!: PersonRefDto | null;
  @ApiProperty({ type: [OrgUnitRefDto], description: 'Empty = the whole organisation.' })
  audience!: OrgUnitRefDto[];
  @ApiProperty({ type: SubmissionRulesDto }) submissionRules!: SubmissionRulesDto;
  @ApiProperty({ type: [CampaignPhaseDto] }) phases!: CampaignPhaseDto[];
  @ApiProperty({ enum: CAMPAIGN_TIMINGS }) timing!: (typeof CAMPAIGN_TIMINGS)[number];
  @ApiProperty({ type: CampaignPhaseDto, nullable: true }) activePhase!: CampaignPhaseDto | null;
  @ApiProperty({ type: CampaignFeaturesDto, description: 'What the active phase allows now.' })
  features!: CampaignFeaturesDto;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) archivedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ description: 'Whether the signed-in person is in the audience.' }) inAudience!: boolean;
  @ApiProperty({ description: 'Whether the signed-in person may edit, re-phase and archive it.' }) canManage!: boolean;
}

export class CampaignListDto {
  @ApiProperty({ type: [CampaignDto], description: 'With a phase under way or between phases; soonest end first.' })
  current!: CampaignDto[];
  @ApiProperty({ type: [CampaignDto], description: 'Not started yet; soonest first.' })
  upcoming!: CampaignDto[];
  @ApiProperty({ type: [CampaignDto], description: 'Over; most recent first.' })
  past!: CampaignDto[];
}
