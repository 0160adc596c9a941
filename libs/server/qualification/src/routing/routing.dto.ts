import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import { IDEA_STATUSES, type IdeaStatus } from '@eclore/domain';
import { PersonRefDto, UuidParams, Field } from '@eclore/server-platform';

export class AssignInput {
  @Field.Uuid({ description: 'The network member who reviews the idea.' })
  personId!: string;

  @Field.Uuid({ optional: true, description: 'The current reviewer this one replaces.' })
  replacePersonId?: string;
}

export class AssigneeParams extends UuidParams('id', 'personId') {}

export class BulkReassignInput {
  @Field.Uuid({ description: 'The member whose open assignments move.' })
  fromPersonId!: string;

  @Field.Uuid({ description: 'The member who takes them.' })
  toPersonId!: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Only these open assignments of the member; all those your scope covers when absent.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  assignmentIds?: string[];
}

export class NetworkQueueQuery {
  @Field.Uuid({ optional: true, description: 'Only this member’s open assignments.' })
  personId?: string;
}

export class ReviewerDto extends PersonRefDto {
  @ApiProperty({ description: 'Open assignments they carry (their workload).' })
  openAssignments!: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Absent until then (their delegate takes new work).',
  })
  absentUntil!: string | null;
}

export class AssignmentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  ideaId!: string;
  @ApiProperty({ type: PersonRefDto })
  reviewer!: PersonRefDto;
  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'Null: chosen by the automatic routing.' })
  assignedBy!: PersonRefDto | null;
  @ApiProperty({ format: 'date-time' })
  assignedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  endedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '`reassigned`, `removed`, `idea_left_qualification`.' })
  endReason!: string | null;
}

export class QueueIdeaDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  title!: string;
  @ApiProperty({ enum: IDEA_STATUSES })
  status!: IdeaStatus;
  @ApiProperty({ type: String, nullable: true })
  orgUnitName!: string | null;
  @ApiProperty({ type: [String] })
  themes!: string[];
}

export class QueueItemDto extends AssignmentDto {
  @ApiProperty({ type: QueueIdeaDto })
  idea!: QueueIdeaDto;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The qualification due date.' })
  dueAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the reviewer submitted their scorecard for this assignment.',
  })
  scorecardSubmittedAt!: string | null;
  @ApiProperty({ description: 'Open, not scored, and past the qualification due date.' })
  overdue!: boolean;
}

export class QueueCountsDto {
  @ApiProperty()
  toReview!: number;
  @ApiProperty()
  overdue!: number;
  @ApiProperty()
  done!: number;
}

export class ReviewQueueDto {
  @ApiProperty({ type: [QueueItemDto], description: 'Open, not scored, not yet due; oldest first.' })
  toReview!: QueueItemDto[];
  @ApiProperty({ type: [QueueItemDto], description: 'Open and past the qualification due date.' })
  overdue!: QueueItemDto[];
  @ApiProperty({
    type: [QueueItemDto],
    description: 'Scorecard submitted, or the assignment ended (the last 50 ended), latest first.',
  })
  done!: QueueItemDto[];
  @ApiProperty({ type: QueueCountsDto })
  counts!: QueueCountsDto;
}

export class NetworkQueueDto {
  @ApiProperty({ type: [QueueItemDto], description: 'Open assignments on ideas your scope covers.' })
  assignments!: QueueItemDto[];
  @ApiProperty({ type: [QueueIdeaDto], description: 'Ideas in qualification in your scope that nobody reviews.' })
  unrouted!: QueueIdeaDto[];
  @ApiProperty({ type: [ReviewerDto], description: 'Network members with their workload.' })
  members!: ReviewerDto[];
}

export class IdeaAssignmentsDto {
  @ApiProperty({ format: 'uuid' })
  ideaId!: string;
  @ApiProperty({ enum: IDEA_STATUSES })
  status!: IdeaStatus;
  @ApiProperty({ description: 'In qualification with no reviewer: the network must assign someone.' })
  unrouted!: boolean;
  @ApiProperty({ type: [AssignmentDto], description: 'Open and past assignments, oldest first.' })
  assignments!: AssignmentDto[];
  @ApiProperty({
    type: [ReviewerDto],
    description: 'Who else may review it (scope, not an author), least loaded first.',
  })
  candidates!: ReviewerDto[];
}

export class SkippedAssignmentDto {
  @ApiProperty({ format: 'uuid' })
  assignmentId!: string;
  @ApiProperty({ format: 'uuid' })
  ideaId!: string;
  @ApiProperty({ enum: ['reviewer_not_eligible', 'already_assigned'] })
  reason!: 'reviewer_not_eligible' | 'already_assigned';
}

export class BulkReassignResultDto {
  @ApiProperty()
  moved!: number;
  @ApiProperty({ type: [SkippedAssignmentDto] })
  skipped!: SkippedAssignmentDto[];
}
