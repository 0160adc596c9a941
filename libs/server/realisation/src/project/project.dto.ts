import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import {
  BUDGET_LIMITS,
  MILESTONE_LIMITS,
  MILESTONE_STATUSES,
  PROJECT_STATUSES,
  type MilestoneStatus,
  type ProjectStatus,
} from '@eclore/domain';
import { PersonRefDto, UuidParams, Field } from '@eclore/server-platform';

export const UPDATE_BODY_MAX = 20_000;
export const BUDGET_LABEL_MAX = 200;

export class MilestoneParams extends UuidParams('id', 'milestoneId') {}

export class CreateProjectInput {
  @Field.Uuid({ description: 'The owner (required): accountable for the go-live.' })
  ownerId!: string;

  @Field.Day({ optional: true, description: 'The start day (default today).' })
  startsOn?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: BUDGET_LIMITS.max, description: 'Planned budget, two decimals at most.' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(BUDGET_LIMITS.max)
  budgetPlanned?: number;
}

export class ChangeOwnerInput {
  @Field.Uuid()
  ownerId!: string;
}

export class UpdateProjectInput {
  @ApiProperty({ minimum: 0, maximum: BUDGET_LIMITS.max })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(BUDGET_LIMITS.max)
  budgetPlanned!: number;
}

export class CreateMilestoneInput {
  @Field.Text({ max: MILESTONE_LIMITS.titleMax, min: 1 })
  title!: string;

  @Field.Int({ min: MILESTONE_LIMITS.weightMin, max: MILESTONE_LIMITS.weightMax })
  weight!: number;

  @Field.Day({ description: 'Not before the project starts.' })
  dueOn!: string;

  @Field.Int({ min: 0, max: 100, optional: true })
  progress?: number;
}

/** Every edit names the version it read: someone else's change meanwhile answers 409 `stale_version`. */
export class UpdateMilestoneInput {
  @Field.Int({
    min: 1,
    max: 2_147_483_647,
    description: 'The version read; a different current version is refused (409).',
  })
  version!: number;

  @Field.Text({ max: MILESTONE_LIMITS.titleMax, min: 1, optional: true })
  title?: string;

  @Field.Int({ min: MILESTONE_LIMITS.weightMin, max: MILESTONE_LIMITS.weightMax, optional: true })
  weight?: number;

  @Field.Day({ optional: true })
  dueOn?: string;

  @Field.Int({ min: 0, max: 100, optional: true, description: 'While open.' })
  progress?: number;

  @Field.OneOf(MILESTONE_STATUSES, { optional: true, description: '`dropped` needs `dropReason`.' })
  status?: MilestoneStatus;

  @Field.Text({ max: MILESTONE_LIMITS.reasonMax, optional: true })
  dropReason?: string;
}

export class DeleteMilestoneQuery {
  @Field.Int({ min: 1, max: 2_147_483_647, fromText: true })
  version!: number;
}

export class CreateUpdateInput {
  @Field.Text({ max: UPDATE_BODY_MAX, min: 1, description: 'Rich text (sanitised).' })
  bodyHtml!: string;
}

export class CreateBudgetLineInput {
  @Field.Text({ max: BUDGET_LABEL_MAX, min: 1 })
  label!: string;

  @ApiProperty({ minimum: 0, maximum: BUDGET_LIMITS.max })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(BUDGET_LIMITS.max)
  amount!: number;

  @Field.Day()
  spentOn!: string;
}

export class ProjectTeamMemberDto {
  @ApiProperty({ enum: ['lead', 'member'] })
  role!: 'lead' | 'member';
  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'Null for an anonymous author ("an author").' })
  person!: PersonRefDto | null;
  @ApiProperty()
  isAuthor!: boolean;
}

export class MilestoneDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() weight!: number;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ enum: MILESTONE_STATUSES }) status!: MilestoneStatus;
  @ApiProperty() progress!: number;
  @ApiProperty({ nullable: true, type: String }) dropReason!: string | null;
  @ApiProperty({ description: 'Past its due day and still open.' }) late!: boolean;
  @ApiProperty({ description: 'Send it back with an edit.' }) version!: number;
}

export class ProjectUpdateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'Null for an anonymous author.' })
  author!: PersonRefDto | null;
  @ApiProperty() bodyHtml!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class BudgetLineDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() label!: string;
  @ApiProperty() amount!: number;
  @ApiProperty({ format: 'date' }) spentOn!: string;
}

export class BudgetDto {
  @ApiProperty() planned!: number;
  @ApiProperty() spent!: number;
  @ApiProperty() remaining!: number;
  @ApiProperty({ nullable: true, type: Number }) spentPercent!: number | null;
  @ApiProperty() overspent!: boolean;
  @ApiProperty({ type: [BudgetLineDto] }) lines!: BudgetLineDto[];
}

/** Progress vs expected at one milestone's due day: the chart's points (and its table alternative). */
export class ProgressPointDto {
  @ApiProperty({ format: 'date' }) on!: string;
  @ApiProperty() expected!: number;
}

export class ProjectDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: PersonRefDto }) owner!: PersonRefDto;
  @ApiProperty({ type: [ProjectTeamMemberDto] }) team!: ProjectTeamMemberDto[];
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ description: 'Σ weight × achieved ÷ Σ weight, whole percent (docs/realisation.md §3).' })
  progress!: number;
  @ApiProperty({ description: 'Progress expected today.' }) expected!: number;
  @ApiProperty({ enum: PROJECT_STATUSES }) status!: ProjectStatus;
  @ApiProperty({ type: [ProgressPointDto], description: 'Expected progress at each due day.' })
  plan!: ProgressPointDto[];
  @ApiProperty({ type: [MilestoneDto] }) milestones!: MilestoneDto[];
  @ApiProperty({ type: BudgetDto }) budget!: BudgetDto;
  @ApiProperty({ type: [ProjectUpdateDto] }) updates!: ProjectUpdateDto[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) goLiveAt!: string | null;
  @ApiProperty({ description: 'Every milestone done or dropped with a reason, one done.' })
  canComplete!: boolean;
}

export class ProjectViewDto {
  @ApiProperty({ type: ProjectDto, nullable: true, description: 'Null until an owner is named.' })
  project!: ProjectDto | null;
  @ApiProperty({ description: 'The viewer may name (or change) the owner.' }) canAssignOwner!: boolean;
  @ApiProperty({ description: 'The viewer may edit milestones, updates and budget.' }) canManage!: boolean;
  @ApiProperty({ description: 'The viewer may run complete_implementation (go live).' }) canGoLive!: boolean;
}
