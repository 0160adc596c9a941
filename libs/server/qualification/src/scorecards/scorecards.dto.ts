import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { CRITERION_AXES, type CriterionAxis } from '@eclore/domain';
import { PersonRefDto, Field } from '@eclore/server-platform';
import { CriterionDto, LocalizedTextDto } from '../criteria/criteria.dto';

export const SCORECARD_COMMENT_MAX = 4000;

const SCORES_SCHEMA = {
  type: 'object',
  additionalProperties: { type: 'integer', minimum: 1, maximum: 5 },
  description: 'Criterion key → level 1–5 (`scores.<key>` names a faulty one).',
  example: { user_value: 4, feasibility: 3 },
} as const;

export class ScorecardInput {
  @ApiProperty(SCORES_SCHEMA)
  @IsObject()
  scores!: Record<string, number>;

  @Field.Text({ max: SCORECARD_COMMENT_MAX, description: 'The reviewer’s reasoning.' })
  comment!: string;
}

export class ScorecardDto {
  @ApiProperty({ enum: ['draft', 'submitted'] })
  status!: 'draft' | 'submitted';

  @ApiProperty(SCORES_SCHEMA)
  scores!: Record<string, number>;

  @ApiProperty()
  comment!: string;

  @ApiProperty({ nullable: true, type: String })
  submittedAt!: string | null;

  @ApiProperty()
  updatedAt!: string;
}

export class ConsolidatedCriterionDto {
  @ApiProperty()
  key!: string;
  @ApiProperty({ type: LocalizedTextDto })
  label!: LocalizedTextDto;
  @ApiProperty()
  weight!: number;
  @ApiProperty({ enum: CRITERION_AXES })
  axis!: CriterionAxis;
  @ApiProperty({ description: 'Reviewers who scored it.' })
  count!: number;
  @ApiProperty({ nullable: true, type: Number })
  mean!: number | null;
  @ApiProperty({ nullable: true, type: Number })
  min!: number | null;
  @ApiProperty({ nullable: true, type: Number })
  max!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'max − min: 0 = consensus, 4 = full disagreement.' })
  spread!: number | null;
}

export class ReviewDto {
  @ApiProperty({ type: PersonRefDto })
  reviewer!: PersonRefDto;
  @ApiProperty(SCORES_SCHEMA)
  scores!: Record<string, number>;
  @ApiProperty()
  comment!: string;
  @ApiProperty()
  submittedAt!: string;
}

export class ConsolidatedScorecardDto {
  @ApiProperty()
  reviewerCount!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Σ weight·mean / Σ weight, 1–5.' })
  weightedScore!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Weighted mean of the value criteria, 1–5.' })
  value!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '6 − weighted mean of the effort criteria, 1–5.' })
  effort!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The largest spread of any criterion.' })
  maxSpread!: number | null;
  @ApiProperty({ type: [ConsolidatedCriterionDto] })
  criteria!: ConsolidatedCriterionDto[];
  @ApiProperty({ type: [ReviewDto] })
  reviews!: ReviewDto[];
}

export class QualificationViewDto {
  @ApiProperty({ enum: ['campaign', 'organisation', 'built_in'], description: 'Where the criteria come from.' })
  criteriaSource!: 'campaign' | 'organisation' | 'built_in';
  @ApiProperty({ type: [CriterionDto] })
  criteria!: CriterionDto[];
  @ApiProperty({ type: ConsolidatedScorecardDto })
  consolidated!: ConsolidatedScorecardDto;
  @ApiProperty({ type: ScorecardDto, nullable: true, description: 'The signed-in reviewer’s own scorecard.' })
  mine!: ScorecardDto | null;
  @ApiProperty({
    description: 'The signed-in person is an assigned reviewer in scope and the idea is in qualification.',
  })
  canScore!: boolean;
  @ApiProperty({ description: 'Whether the idea is in qualification (scoring open).' })
  open!: boolean;
}
