import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import {
  DECISION_KINDS,
  SESSION_STATUSES,
  SESSION_TITLE_MAX_LENGTH,
  SUPPORTED_LOCALES,
  type DecisionKind,
  type Locale,
  type SessionStatus,
} from '@eclore/domain';
import { IdeaDto } from '@eclore/server-ideas';
import { ExperimentEvidenceDto } from '@eclore/server-realisation';
import { PersonRefDto, UuidParams, Field } from '@eclore/server-platform';

const MAX_MEMBERS = 50;

export class AgendaItemParams extends UuidParams('id', 'itemId') {}

export class CommitteeSessionInput {
  @Field.Text({ max: SESSION_TITLE_MAX_LENGTH })
  title!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @IsISO8601({ strict: true })
  scheduledAt!: string;

  @Field.OneOf(SUPPORTED_LOCALES, { description: 'The language the minutes are written in.' })
  language!: Locale;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Committee members invited; the chair among them.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_MEMBERS)
  @IsUUID('all', { each: true })
  memberIds!: string[];

  @Field.Uuid()
  chairId!: string;
}

export class AddAgendaItemInput {
  @Field.Uuid({ description: 'A qualified idea (status decide).' })
  ideaId!: string;
}

export class ReorderAgendaInput {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Every agenda item id, once, in the new order.' })
  @IsArray()
  @IsUUID('all', { each: true })
  itemIds!: string[];
}

export class CloseSessionInput {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The members who attended (for the minutes).' })
  @IsArray()
  @ArrayMaxSize(MAX_MEMBERS)
  @IsUUID('all', { each: true })
  presentIds!: string[];
}

export class DecisionInputDto {
  @Field.OneOf(DECISION_KINDS)
  kind!: DecisionKind;

  @Field.Text({ max: 5000, description: 'Required: published to the authors and followers as the answer.' })
  rationale!: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Required to park: a future date.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;
}

export class SessionMemberDto extends PersonRefDto {
  @ApiProperty()
  chair!: boolean;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Recorded when the session closes.' })
  present!: boolean | null;
}

export class AgendaItemDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  position!: number;
  @ApiProperty({ type: IdeaDto, description: 'As the viewer may see it (anonymous authors hidden).' })
  idea!: IdeaDto;
  @ApiProperty({ enum: DECISION_KINDS, nullable: true })
  decision!: DecisionKind | null;
  @ApiProperty({ type: String, nullable: true })
  rationale!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  parkedUntil!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt!: string | null;
  @ApiProperty({ description: 'The viewer’s committee scope covers this idea (may remove or decide it).' })
  inScope!: boolean;
  @ApiProperty({
    type: ExperimentEvidenceDto,
    nullable: true,
    description: 'For a prototype back for decide_implement: its validated experiment’s evidence.',
  })
  evidence!: ExperimentEvidenceDto | null;
}

export class CommitteeSessionSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  title!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  scheduledAt!: string;
  @ApiProperty({ enum: SUPPORTED_LOCALES })
  language!: Locale;
  @ApiProperty({ enum: SESSION_STATUSES })
  status!: SessionStatus;
  @ApiProperty()
  agendaCount!: number;
  @ApiProperty()
  decidedCount!: number;
  @ApiProperty({ type: PersonRefDto, nullable: true })
  chair!: PersonRefDto | null;
}

export class CommitteeSessionDto extends CommitteeSessionSummaryDto {
  @ApiProperty({ type: [SessionMemberDto] })
  members!: SessionMemberDto[];
  @ApiProperty({ type: [AgendaItemDto] })
  agenda!: AgendaItemDto[];
  @ApiProperty()
  version!: number;
}

export class ScoredCriterionDto {
  @ApiProperty()
  key!: string;
  @ApiProperty()
  labelFr!: string;
  @ApiProperty()
  labelEn!: string;
  @ApiProperty()
  weight!: number;
  @ApiProperty({ type: Number, nullable: true })
  mean!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  min!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  max!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  spread!: number | null;
}

export class ScorecardSummaryDto {
  @ApiProperty()
  reviewerCount!: number;
  @ApiProperty({ type: Number, nullable: true, description: '1–5' })
  weightedScore!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '1–5' })
  value!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '1–5' })
  effort!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  maxSpread!: number | null;
  @ApiProperty({ type: [ScoredCriterionDto] })
  criteria!: ScoredCriterionDto[];
}

export class PackItemDto {
  @ApiProperty({ format: 'uuid' })
  itemId!: string;
  @ApiProperty({ type: IdeaDto, description: 'Summary and the network’s answer; anonymous authors hidden.' })
  idea!: IdeaDto;
  @ApiProperty({ type: ScorecardSummaryDto, nullable: true })
  scorecard!: ScorecardSummaryDto | null;
}

export class PreReadingPackDto {
  @ApiProperty({ type: [PackItemDto] })
  items!: PackItemDto[];
}

export class PrioritisedIdeaDto {
  @ApiProperty({ format: 'uuid' })
  ideaId!: string;
  @ApiProperty()
  title!: string;
  @ApiProperty({ type: Number, nullable: true, description: '1 = highest weighted score; null when not scored.' })
  rank!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  weightedScore!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  value!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  effort!: number | null;
  @ApiProperty()
  reviewerCount!: number;
  @ApiProperty({ description: 'On this session’s agenda.' })
  onAgenda!: boolean;
}

export class PrioritisationDto {
  @ApiProperty({ type: [PrioritisedIdeaDto] })
  items!: PrioritisedIdeaDto[];
}

export class AgendaSuggestionDto {
  @ApiProperty({
    type: [IdeaDto],
    description:
      'Qualified ideas in the viewer’s scope on no open agenda, then prototypes whose experiment is validated.',
  })
  items!: IdeaDto[];
}
