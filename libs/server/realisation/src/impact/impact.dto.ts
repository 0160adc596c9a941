import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import {
  IMPACT_CATEGORIES,
  MEASUREMENT_CONFIDENCES,
  type ImpactCategory,
  type MeasurementConfidence,
} from '@eclore/domain';
import { OrgUnitRefDto, PersonRefDto, Field } from '@eclore/server-platform';

/** The widest bound of any category (IMPACT_BOUNDS); the category's own bound is checked by the domain. */
const VALUE_LIMIT = 1e11;
const NUMBER = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 6 } as const;

export const ROLLUP_GROUPINGS = ['unit', 'campaign', 'year', 'idea'] as const;
export type RollupGrouping = (typeof ROLLUP_GROUPINGS)[number];

// ------------------------------------------------------------------ inputs

export class IndicatorInput {
  @Field.OneOf(IMPACT_CATEGORIES)
  category!: ImpactCategory;

  @Field.Text({ max: 200, min: 1 })
  label!: string;

  @Field.Text({ max: 40, min: 1, description: 'e.g. “€/year”, “hours/year”.' })
  unit!: string;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: -VALUE_LIMIT, maximum: VALUE_LIMIT })
  @IsOptional()
  @IsNumber(NUMBER)
  @Min(-VALUE_LIMIT)
  @Max(VALUE_LIMIT)
  baseline?: number | null;

  @ApiProperty({ description: 'Yearly figure; bounds per category (docs/realisation.md §4).' })
  @IsNumber(NUMBER)
  @Min(-VALUE_LIMIT)
  @Max(VALUE_LIMIT)
  projectedValue!: number;

  @Field.Day({ example: '2027-06-30' })
  projectedOn!: string;
}

export class IndicatorUpdateInput extends IndicatorInput {
  @Field.Int({
    min: 1,
    max: 2_147_483_647,
    description: 'The version read; another version answers 409 stale_version.',
  })
  version!: number;
}

export class MeasurementInputDto {
  @ApiProperty({ description: 'Yearly figure in the indicator’s unit; bounds per category.' })
  @IsNumber(NUMBER)
  @Min(-VALUE_LIMIT)
  @Max(VALUE_LIMIT)
  value!: number;

  @Field.Day({ description: 'Neither in the future nor before go-live.' })
  measuredOn!: string;

  @Field.Text({ max: 500, min: 1, description: 'Where the figure comes from.' })
  source!: string;

  @Field.OneOf(MEASUREMENT_CONFIDENCES)
  confidence!: MeasurementConfidence;
}

export class RollupQuery {
  @Field.OneOf(ROLLUP_GROUPINGS)
  by!: RollupGrouping;

  @Field.Int({ min: 2000, max: 2100, fromText: true, optional: true })
  year?: number;

  @Field.Uuid({ optional: true, description: 'Projects of this unit and the units under it.' })
  orgUnitId?: string;

  @Field.OneOf(IMPACT_CATEGORIES, { optional: true })
  category?: ImpactCategory;
}

// ------------------------------------------------------------------ responses

export class ImpactTotalDto {
  @ApiProperty({ enum: IMPACT_CATEGORIES }) category!: ImpactCategory;
  @ApiProperty() unit!: string;
  @ApiProperty() projected!: number;
  @ApiProperty({ description: 'Sum of the indicators’ actual values (latest validated measurement).' })
  actual!: number;
  @ApiProperty() indicatorCount!: number;
  @ApiProperty({ description: 'Indicators with a validated measurement.' }) measuredCount!: number;
  @ApiProperty({ enum: MEASUREMENT_CONFIDENCES, nullable: true, type: String })
  weakestConfidence!: MeasurementConfidence | null;
}

export class MeasurementDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() value!: number;
  @ApiProperty({ format: 'date' }) measuredOn!: string;
  @ApiProperty() source!: string;
  @ApiProperty({ enum: MEASUREMENT_CONFIDENCES }) confidence!: MeasurementConfidence;
  @ApiProperty() validated!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) validatedAt!: string | null;
  @ApiProperty({
    type: PersonRefDto,
    nullable: true,
    description: 'The network member who validated it (null when not validated, or never named on this idea).',
  })
  validatedBy!: PersonRefDto | null;
  @ApiProperty({ description: 'The signed-in person recorded it (never who else did: no recorder is named).' })
  recordedByMe!: boolean;
  @ApiProperty({ description: 'The signed-in person may validate it now.' }) canValidate!: boolean;
}

export class IndicatorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ enum: IMPACT_CATEGORIES }) category!: ImpactCategory;
  @ApiProperty() label!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ type: Number, nullable: true }) baseline!: number | null;
  @ApiProperty() projectedValue!: number;
  @ApiProperty({ format: 'date' }) projectedOn!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: MeasurementDto, nullable: true, description: 'Latest validated measurement.' })
  actual!: MeasurementDto | null;
  @ApiProperty({
    type: [MeasurementDto],
    description: 'Oldest first. Unvalidated ones only for the owner, the team and the network in scope.',
  })
  measurements!: MeasurementDto[];
}

export class ImpactProjectDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: OrgUnitRefDto }) orgUnit!: OrgUnitRefDto;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) goLiveAt!: string | null;
  @ApiProperty({ description: 'The signed-in person may define indicators and record measurements.' })
  canRecord!: boolean;
  @ApiProperty({ type: [IndicatorDto] }) indicators!: IndicatorDto[];
}

export class IdeaImpactDto {
  @ApiProperty({ type: [ImpactProjectDto] }) projects!: ImpactProjectDto[];
  @ApiProperty({ type: [ImpactTotalDto], description: 'The idea’s own projects.' }) totals!: ImpactTotalDto[];
  @ApiProperty({
    type: [ImpactTotalDto],
    description: 'With its replications: the distinct projects of the lineage tree, each counted once.',
  })
  withReplications!: ImpactTotalDto[];
  @ApiProperty({ description: 'Distinct projects in the lineage tree (the idea’s own included).' })
  lineageProjectCount!: number;
  @ApiProperty({ description: 'The signed-in person sees unvalidated measurements (owner, team, network).' })
  seesUnvalidated!: boolean;
}

export class RollupGroupDto {
  @ApiProperty({ type: String, nullable: true, description: 'Unit, campaign or idea id; the year as text.' })
  key!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The unit’s, campaign’s or idea’s name.' })
  label!: string | null;
  @ApiProperty({ type: [ImpactTotalDto] }) totals!: ImpactTotalDto[];
}

export class ImpactRollupDto {
  @ApiProperty({ enum: ROLLUP_GROUPINGS }) by!: RollupGrouping;
  @ApiProperty({ type: Number, nullable: true }) year!: number | null;
  @ApiProperty({ type: [RollupGroupDto] }) groups!: RollupGroupDto[];
  @ApiProperty({ type: [Number], description: 'Years with a projection or a validated measurement in scope.' })
  years!: number[];
}

export class ImpactCreatedDto {
  @ApiProperty({ format: 'uuid', description: 'The new indicator’s or measurement’s id.' }) id!: string;
}
