import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import {
  IDEA_COMMANDS,
  IDEA_KINDS,
  IDEA_STATUSES,
  type IdeaCommandType,
  type IdeaKind,
  type IdeaStatus,
} from '@eclore/domain';
import { OrgUnitNameDto, PersonRefDto, Field } from '@eclore/server-platform';

// Other contexts imported these from here before the HTTP kit; they are platform's now.
export { IdParamDto, PersonRefDto } from '@eclore/server-platform';

export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'occasionally'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const CAPTURE_CHANNELS = ['workshop', 'paper', 'other'] as const;
export type CaptureChannel = (typeof CAPTURE_CHANNELS)[number];

/** Upper bounds on what a draft may hold; the submission rules are checked at submit. */
const TITLE_MAX = 300;
const SUMMARY_MAX = 2000;
const BODY_MAX = 100_000;
const FIELD_MAX = 4000;

/** Fields an author may set on a draft (create and update share them). */
class IdeaFieldsInput {
  @Field.Text({ max: SUMMARY_MAX, optional: true })
  summary?: string;

  @Field.Text({ max: BODY_MAX, optional: true, description: 'Rich text; sanitised on the server.' })
  bodyHtml?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Theme keys.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  themes?: string[];

  @ApiPropertyOptional({ description: 'Hide the authors from everyone but themselves and the anonymity guardian.' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  @Field.Text({ max: FIELD_MAX, optional: true, nullable: true, type: String, description: 'Problem: who suffers it.' })
  whoSuffers?: string | null;

  @Field.OneOf(FREQUENCIES, { optional: true, nullable: true, description: 'Problem: how often.' })
  frequency?: Frequency | null;

  @Field.Text({
    max: FIELD_MAX,
    optional: true,
    nullable: true,
    type: String,
    description: 'Solution: expected benefits.',
  })
  expectedBenefits?: string | null;

  @Field.Text({ max: FIELD_MAX, optional: true, nullable: true, type: String, description: 'Solution: what it needs.' })
  needs?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Solution: the problems it addresses (ids).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  addressesProblemIds?: string[];
}

export class CreateIdeaInput extends IdeaFieldsInput {
  @Field.OneOf(IDEA_KINDS)
  kind!: IdeaKind;

  @Field.Text({ max: TITLE_MAX, min: 1 })
  title!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Null or absent: the always-open box.',
  })
  @IsOptional()
  @IsUUID()
  campaignId?: string | null;

  @Field.Uuid({ optional: true, description: 'Network members: capture the idea on this person’s behalf.' })
  onBehalfOf?: string;

  @Field.OneOf(CAPTURE_CHANNELS, { optional: true, description: 'Required with onBehalfOf.' })
  captureChannel?: CaptureChannel;
}

export class UpdateIdeaInput extends IdeaFieldsInput {
  @Field.Text({ max: TITLE_MAX, optional: true })
  title?: string;

  @ApiProperty({ description: 'The version read; a stale one answers 409 `stale_version`.' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
}

export class VersionInput {
  @ApiPropertyOptional({ description: 'The version read; a stale one answers 409 `stale_version`.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

export class ReasonInput extends VersionInput {
  @Field.Text({ max: FIELD_MAX, min: 1 })
  reason!: string;
}

export class InviteCoAuthorInput {
  @Field.Uuid()
  personId!: string;
}

export class CoAuthorDto extends PersonRefDto {
  @ApiProperty({ enum: ['invited', 'accepted', 'declined'] })
  status!: 'invited' | 'accepted' | 'declined';
}

// The org unit an idea is filed under (cards and the idea page) is named by platform's OrgUnitNameDto.
export { OrgUnitNameDto };

export class AnswerDto {
  @ApiProperty()
  text!: string;
  @ApiProperty({ format: 'date-time' })
  givenAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Null: shown to the authors only.' })
  publishedAt!: string | null;
}

export class ViewerDto {
  @ApiProperty({ description: 'Author or accepted co-author (or the network member who captured it).' })
  isAuthor!: boolean;
  @ApiProperty({ description: 'The viewer is invited to co-author and has not answered yet.' })
  invited!: boolean;
  @ApiProperty()
  canEdit!: boolean;
  @ApiProperty({ enum: IDEA_COMMANDS, isArray: true, description: 'Lifecycle commands the viewer may run now.' })
  commands!: IdeaCommandType[];
}

/** An idea as every endpoint of the ideas context answers it (built by presentIdea only). */
export class IdeaDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ enum: IDEA_KINDS })
  kind!: IdeaKind;
  @ApiProperty({ enum: IDEA_STATUSES })
  status!: IdeaStatus;
  @ApiProperty()
  title!: string;
  @ApiProperty()
  summary!: string;
  @ApiProperty({ description: 'Sanitised HTML.' })
  bodyHtml!: string;
  @ApiProperty({ nullable: true, type: String })
  whoSuffers!: string | null;
  @ApiProperty({ enum: FREQUENCIES, nullable: true })
  frequency!: Frequency | null;
  @ApiProperty({ nullable: true, type: String })
  expectedBenefits!: string | null;
  @ApiProperty({ nullable: true, type: String })
  needs!: string | null;
  @ApiProperty({ type: OrgUnitNameDto, nullable: true })
  orgUnit!: OrgUnitNameDto | null;
  @ApiProperty({ type: [String] })
  themes!: string[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  campaignId!: string | null;
  @ApiProperty()
  anonymous!: boolean;
  @ApiProperty({ description: 'True when the authors are hidden from this viewer (anonymous idea).' })
  authorHidden!: boolean;
  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'Null when hidden.' })
  author!: PersonRefDto | null;
  @ApiProperty({ type: [CoAuthorDto], description: 'Accepted co-authors; the authors also see invitations.' })
  coAuthors!: CoAuthorDto[];
  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'Who captured it on the author’s behalf.' })
  capturedBy!: PersonRefDto | null;
  @ApiProperty({ enum: CAPTURE_CHANNELS, nullable: true })
  captureChannel!: CaptureChannel | null;
  @ApiProperty({ type: [String], description: 'Solution: the problems it addresses.' })
  addressesProblemIds!: string[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  submittedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  publishedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  withdrawnAt!: string | null;
  @ApiProperty({
    type: AnswerDto,
    nullable: true,
    description: 'Public answers; unpublished ones to the authors and network only.',
  })
  answer!: AnswerDto | null;
  @ApiProperty()
  supportCount!: number;
  @ApiProperty()
  commentCount!: number;
  @ApiProperty()
  followerCount!: number;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
  @ApiProperty({ description: 'Send it back on PATCH and commands (optimistic locking).' })
  version!: number;
  @ApiProperty({ type: ViewerDto })
  viewer!: ViewerDto;
}

export class MyIdeaDto {
  @ApiProperty({ enum: ['author', 'co_author', 'capturer'] })
  role!: 'author' | 'co_author' | 'capturer';
  @ApiProperty({ enum: ['invited', 'accepted'] })
  relation!: 'invited' | 'accepted';
  @ApiProperty({ type: IdeaDto })
  idea!: IdeaDto;
}

export class IntakeItemDto {
  @ApiProperty({ type: IdeaDto })
  idea!: IdeaDto;
  @ApiProperty({ format: 'date-time', description: 'Latest submission.' })
  waitingSince!: string;
  @ApiProperty({ description: 'Whole hours since the latest submission.' })
  waitingHours!: number;
}

export class TimelineActorDto {
  @ApiProperty({
    enum: ['person', 'author', 'system'],
    description: '`author`: an anonymous author, never identified.',
  })
  kind!: 'person' | 'author' | 'system';
  @ApiProperty({ type: PersonRefDto, nullable: true })
  person!: PersonRefDto | null;
}

/** A field review's answer on the timeline (docs/realisation.md §5): the three texts as given. */
export class TimelineFieldReviewDto {
  @ApiProperty()
  monthsAfterGoLive!: number;
  @ApiProperty()
  whatHappened!: string;
  @ApiProperty()
  unexpected!: string;
  @ApiProperty()
  whoUsesIt!: string;
}

export class TimelineEventDto {
  @ApiProperty()
  id!: string;
  @ApiProperty()
  type!: string;
  @ApiProperty({ nullable: true, type: String })
  fromStatus!: string | null;
  @ApiProperty({ nullable: true, type: String })
  toStatus!: string | null;
  @ApiProperty({ format: 'date-time' })
  at!: string;
  @ApiProperty()
  public!: boolean;
  @ApiProperty({ type: TimelineActorDto })
  actor!: TimelineActorDto;
  @ApiProperty({ nullable: true, type: String, description: 'Reason, answer, rationale… as given.' })
  text!: string | null;
  @ApiProperty({ type: TimelineFieldReviewDto, nullable: true, description: 'For `field_review_answered`.' })
  fieldReview!: TimelineFieldReviewDto | null;
}

export class TimelineDto {
  @ApiProperty({ description: 'False: only the public events (stages and answers).' })
  full!: boolean;
  @ApiProperty({ type: [TimelineEventDto], description: 'Oldest first.' })
  events!: TimelineEventDto[];
}

export class AuditPseudonymDto {
  @ApiProperty({ format: 'uuid', description: 'As shown in the audit log’s `actorPseudonym`.' })
  pseudonym!: string;
  @ApiProperty({ type: PersonRefDto })
  person!: PersonRefDto;
}

export class RevealedAuthorDto {
  @ApiProperty({ type: PersonRefDto })
  author!: PersonRefDto;
  @ApiProperty({ description: 'The author’s e-mail, for the guardian to get in touch.' })
  email!: string;
  @ApiProperty({ type: [PersonRefDto] })
  coAuthors!: PersonRefDto[];
  @ApiProperty({ type: PersonRefDto, nullable: true })
  capturedBy!: PersonRefDto | null;
  @ApiProperty({
    type: [AuditPseudonymDto],
    description: 'Who stands behind each pseudonym the audit log shows for this idea’s anonymous authors.',
  })
  auditPseudonyms!: AuditPseudonymDto[];
}

export class ThemeDto {
  @ApiProperty()
  key!: string;
  @ApiProperty()
  labelFr!: string;
  @ApiProperty()
  labelEn!: string;
}
