import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import {
  IDEA_KINDS,
  PORTFOLIO_GROUPS,
  PORTFOLIO_STATUSES,
  PROJECT_STATUSES,
  type IdeaKind,
  type ProjectStatus,
  type IdeaStatus,
  type PortfolioGroup,
} from '@eclore/domain';
import { OrgUnitNameDto, Field } from '@eclore/server-platform';
import { IdeaFilter } from '@eclore/server-ideas';

// ------------------------------------------------------------------ requests

/** The board's filters (the same on the whole board and on one column's next pages). */
export class PortfolioFilters {
  @IdeaFilter.campaignId()
  campaignId?: string;

  @IdeaFilter.orgUnitId()
  orgUnitId?: string;

  @IdeaFilter.theme()
  theme?: string;

  @IdeaFilter.kind()
  kind?: IdeaKind;

  @Field.Uuid({ optional: true, description: 'Ideas this network member is assigned to qualify (open assignment).' })
  assigneeId?: string;

  @ApiPropertyOptional({ description: 'Only ideas past an answer-time deadline (true), or none past (false).' })
  @IsOptional()
  // Query strings are text: "true"/"false" become booleans, anything else stays and fails IsBoolean.
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  late?: boolean;

  @Field.Int({
    min: 1,
    max: 50,
    fromText: true,
    optional: true,
    default: 10,
    description: 'Cards per column (per page).',
  })
  limit?: number;
}

export class PortfolioColumnQuery extends PortfolioFilters {
  @Field.Text({ max: 300, optional: true, description: 'The column’s `nextCursor` (same filters).' })
  cursor?: string;
}

export class PortfolioColumnParams {
  @Field.OneOf(PORTFOLIO_STATUSES)
  status!: IdeaStatus;
}

// ------------------------------------------------------------------ responses

/**
 * An idea on the board. Never any author field: the board names nobody, so an anonymous author
 * cannot leak through it by construction.
 */
export class PortfolioCardDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: IDEA_KINDS }) kind!: IdeaKind;
  @ApiProperty({ enum: PORTFOLIO_STATUSES }) status!: IdeaStatus;
  @ApiProperty({ format: 'date-time', description: 'When the idea entered its current status.' }) since!: string;
  @ApiProperty() supportCount!: number;
  @ApiProperty({ type: OrgUnitNameDto, nullable: true }) orgUnit!: OrgUnitNameDto | null;
  @ApiProperty({ type: [String] }) themes!: string[];
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Consolidated weighted score (1–5) of the submitted scorecards; null before any.',
  })
  weightedScore!: number | null;
  @ApiProperty({ description: 'How many reviewers submitted a scorecard.' }) reviewerCount!: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The next answer-time deadline (first answer, then qualification); null when none runs.',
  })
  dueAt!: string | null;
  @ApiProperty({ description: 'Past an answer-time deadline.' }) late!: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Implement and follow-up: the project’s progress (%); null without a project.',
  })
  progress!: number | null;
  @ApiProperty({
    enum: PROJECT_STATUSES,
    nullable: true,
    description: 'Implement and follow-up: the project’s status.',
  })
  projectStatus!: ProjectStatus | null;
}

export class PortfolioColumnDto {
  @ApiProperty({ enum: PORTFOLIO_STATUSES }) status!: IdeaStatus;
  @ApiProperty({ enum: PORTFOLIO_GROUPS, description: 'stage: the main line; waiting and ended: shown collapsed.' })
  group!: PortfolioGroup;
  @ApiProperty({ description: 'Ideas in this column (within the filters and the viewer’s scope).' }) count!: number;
  @ApiProperty({ type: [PortfolioCardDto], description: 'Longest in this status first.' }) items!: PortfolioCardDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the column’s next page.' })
  nextCursor!: string | null;
}

export class PortfolioBoardDto {
  @ApiProperty({ type: [PortfolioColumnDto], description: 'Every column, in lifecycle order, even when empty.' })
  columns!: PortfolioColumnDto[];
  @ApiProperty() total!: number;
}

export class PortfolioColumnPageDto {
  @ApiProperty({ enum: PORTFOLIO_STATUSES }) status!: IdeaStatus;
  @ApiProperty({ type: [PortfolioCardDto] }) items!: PortfolioCardDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
