import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { FIELD_REVIEW_LIMITS } from '@eclore/domain';
import { PersonRefDto, Field } from '@eclore/server-platform';

// PostgreSQL refuses NUL in text: refused at the edge, naming the field.
// eslint-disable-next-line no-control-regex -- matching the NUL byte is the point
const NO_NUL = /^[^\u0000]*$/;
const STATES = ['scheduled', 'due', 'reminded', 'late', 'answered'] as const;

/** Who answered: a person, or "an author" when an anonymous author answered (never named). */
export class FieldReviewAnswererDto {
  @ApiProperty({ enum: ['person', 'author'], description: '`author`: an anonymous author, never identified.' })
  kind!: 'person' | 'author';
  @ApiProperty({ type: PersonRefDto, nullable: true })
  person!: PersonRefDto | null;
}

export class FieldReviewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  ideaId!: string;
  @ApiProperty({ description: '1-based; the last one gates `close`.' })
  ordinal!: number;
  @ApiProperty()
  monthsAfterGoLive!: number;
  @ApiProperty({ format: 'date-time' })
  dueAt!: string;
  @ApiProperty({ format: 'date-time' })
  remindAt!: string;
  @ApiProperty({ format: 'date-time' })
  lateAt!: string;
  @ApiProperty({ enum: STATES })
  state!: (typeof STATES)[number];
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  answeredAt!: string | null;
  @ApiProperty({ type: FieldReviewAnswererDto, nullable: true })
  answeredBy!: FieldReviewAnswererDto | null;
  @ApiProperty({ nullable: true, type: String })
  whatHappened!: string | null;
  @ApiProperty({ nullable: true, type: String })
  unexpected!: string | null;
  @ApiProperty({ nullable: true, type: String })
  whoUsesIt!: string | null;
  @ApiProperty({ description: 'The viewer may answer it now (owner or author, due, unanswered).' })
  canAnswer!: boolean;
}

export class IdeaFieldReviewsDto {
  @ApiProperty({ type: [FieldReviewDto], description: 'By due date.' })
  reviews!: FieldReviewDto[];
  @ApiProperty({ description: 'The last review is answered: `close` is allowed by the return to the field.' })
  closeAllowed!: boolean;
}

export class AnswerFieldReviewInput {
  @ApiProperty({ minLength: 1, maxLength: FIELD_REVIEW_LIMITS.answerMax, description: 'What really happened.' })
  @IsString()
  @MaxLength(FIELD_REVIEW_LIMITS.answerMax)
  @Matches(NO_NUL, { message: 'whatHappened must not contain a NUL byte' })
  whatHappened!: string;

  @ApiProperty({ minLength: 1, maxLength: FIELD_REVIEW_LIMITS.answerMax, description: 'What was unexpected.' })
  @IsString()
  @MaxLength(FIELD_REVIEW_LIMITS.answerMax)
  @Matches(NO_NUL, { message: 'unexpected must not contain a NUL byte' })
  unexpected!: string;

  @ApiProperty({ minLength: 1, maxLength: FIELD_REVIEW_LIMITS.answerMax, description: 'Who uses it.' })
  @IsString()
  @MaxLength(FIELD_REVIEW_LIMITS.answerMax)
  @Matches(NO_NUL, { message: 'whoUsesIt must not contain a NUL byte' })
  whoUsesIt!: string;
}

/** A review in someone's list (to answer, or late for the network). */
export class FieldReviewItemDto {
  @ApiProperty({ format: 'uuid' })
  reviewId!: string;
  @ApiProperty({ format: 'uuid' })
  ideaId!: string;
  @ApiProperty()
  ideaTitle!: string;
  @ApiProperty()
  ordinal!: number;
  @ApiProperty()
  monthsAfterGoLive!: number;
  @ApiProperty({ format: 'date-time' })
  dueAt!: string;
  @ApiProperty({ enum: STATES })
  state!: (typeof STATES)[number];
  @ApiProperty({ description: 'Whole days since the due date (0 on the day).' })
  daysSinceDue!: number;
}

export class FieldReviewListDto {
  @ApiProperty({ type: [FieldReviewItemDto] })
  items!: FieldReviewItemDto[];
}

export class UpdateFieldReviewSettingsInput {
  @ApiProperty({
    type: [Number],
    minItems: 1,
    maxItems: FIELD_REVIEW_LIMITS.maxReviews,
    description: 'Months after go-live, ascending, each 1–60.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(FIELD_REVIEW_LIMITS.maxReviews)
  @IsInt({ each: true })
  @Min(FIELD_REVIEW_LIMITS.minMonths, { each: true })
  @Max(FIELD_REVIEW_LIMITS.maxMonths, { each: true })
  monthsAfterGoLive!: number[];

  @Field.Int({ min: 1, max: FIELD_REVIEW_LIMITS.maxDays, fromText: true })
  remindAfterDays!: number;

  @Field.Int({ min: 1, max: FIELD_REVIEW_LIMITS.maxDays, fromText: true, description: 'After the reminder.' })
  lateAfterDays!: number;
}

export class FieldReviewSettingsDto {
  @ApiProperty({ type: [Number] })
  monthsAfterGoLive!: number[];
  @ApiProperty()
  remindAfterDays!: number;
  @ApiProperty()
  lateAfterDays!: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  updatedAt!: string | null;
}
