import { ApiProperty } from '@nestjs/swagger';
import { ANSWER_TIME_LIMITS, DEADLINE_KINDS, IDEA_STATUSES, type DeadlineKind, type IdeaStatus } from '@eclore/domain';
import { Field } from '@eclore/server-platform';

export class AnswerTimeSettingsDto {
  @ApiProperty({ description: 'Days an idea may wait for its first answer, from its (latest) submission.' })
  firstAnswerDays!: number;
  @ApiProperty({ description: 'Days from entering qualification to its outcome.' })
  qualificationDays!: number;
  @ApiProperty({ description: 'Days before a due date when the assignees are reminded (0 = no reminder).' })
  remindBeforeDays!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt!: string | null;
}

export class UpdateAnswerTimeSettingsInput {
  @Field.Int({ min: ANSWER_TIME_LIMITS.minDays, max: ANSWER_TIME_LIMITS.maxDays })
  firstAnswerDays!: number;

  @Field.Int({ min: ANSWER_TIME_LIMITS.minDays, max: ANSWER_TIME_LIMITS.maxDays })
  qualificationDays!: number;

  @Field.Int({ min: 0, max: ANSWER_TIME_LIMITS.maxDays, description: 'Fewer than either wait.' })
  remindBeforeDays!: number;
}

export class DeadlineDto {
  @ApiProperty({ enum: DEADLINE_KINDS }) kind!: DeadlineKind;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) remindAt!: string | null;
  @ApiProperty() late!: boolean;
}

export class IdeaDeadlinesDto {
  @ApiProperty({ type: [DeadlineDto], description: 'The deadlines that apply now (none once answered or ended).' })
  deadlines!: DeadlineDto[];
  @ApiProperty() late!: boolean;
}

export class OverdueDto {
  @ApiProperty({ enum: DEADLINE_KINDS }) kind!: DeadlineKind;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ description: 'Whole days since the due date.' }) daysLate!: number;
}

export class LateIdeaDto {
  @ApiProperty({ format: 'uuid' }) ideaId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: IDEA_STATUSES }) status!: IdeaStatus;
  @ApiProperty({ type: [OverdueDto] }) overdue!: OverdueDto[];
}

export class LateIdeasDto {
  @ApiProperty({ type: [LateIdeaDto], description: 'Most overdue first (at most 200).' })
  items!: LateIdeaDto[];
}
