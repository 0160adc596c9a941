import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import {
  FUNNEL_STEPS,
  RECOGNITION_FORMS,
  YEAR_ON_YEAR_FIGURES,
  type FunnelStep,
  type RecognitionForm,
  type YearOnYearFigure,
} from '@eclore/domain';
import { OrgUnitRefDto, Field } from '@eclore/server-platform';
import { ImpactTotalDto } from '@eclore/server-realisation';

/** The first year the box can report; the last is the current year (checked by the service). */
export const FIRST_REPORT_YEAR = 2000;

/**
 * The report's scope, one contract for the figures and the report runs: `@ReportScope() orgUnitId?: string;`.
 * Its decorators are listed bottom-up, the order the stacked form applied them.
 */
export const ReportScope = () =>
  applyDecorators(
    IsUUID(),
    IsOptional(),
    ApiPropertyOptional({
      format: 'uuid',
      description: 'An org unit with its sub-units; absent: the whole organisation.',
    }),
  );

export class AnnualFiguresQuery {
  @Field.Int({
    min: FIRST_REPORT_YEAR,
    max: 9999,
    fromText: true,
    description: 'From 2000 to the current year.',
  })
  year!: number;

  @ReportScope()
  orgUnitId?: string;
}

const SUPPRESSED = 'Null when withheld: it would cover fewer than 5 people (docs/recognition.md §6).';

export class ReportPeriodDto {
  @ApiProperty({ type: String, format: 'date-time' }) from!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'The year’s end, or the run time for the current year.',
  })
  cutoff!: string;
  @ApiProperty({ description: 'False for the current year (figures to the cut-off).' }) complete!: boolean;
}

export class UnitParticipationDto {
  @ApiPropertyOptional({ type: OrgUnitRefDto, nullable: true, description: 'Null: people without a unit.' })
  unit!: OrgUnitRefDto | null;
  @ApiProperty({ type: Number, nullable: true, description: SUPPRESSED }) headcount!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: SUPPRESSED }) contributors!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Percent, one decimal. ' + SUPPRESSED })
  participationRate!: number | null;
}

export class FunnelStepDto {
  @ApiProperty({ enum: FUNNEL_STEPS }) step!: FunnelStep;
  @ApiProperty() count!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Count ÷ the previous step’s, in percent.' })
  conversion!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Count ÷ the submitted count, in percent.' })
  ofSubmitted!: number | null;
}

export class DurationSummaryDto {
  @ApiProperty({ description: 'Ideas answered (or decided) by the cut-off.' }) count!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Nearest-rank median, days. ' + SUPPRESSED })
  medianDays!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Nearest-rank 90th percentile, days. ' + SUPPRESSED })
  p90Days!: number | null;
}

export class GuaranteeShareDto {
  @ApiProperty({ description: 'The guarantee, in days (answer-time settings).' }) guaranteeDays!: number;
  @ApiProperty() judged!: number;
  @ApiProperty() within!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Percent, one decimal. ' + SUPPRESSED })
  percent!: number | null;
}

export class ExperimentOutcomesDto {
  @ApiProperty() running!: number;
  @ApiProperty() validated!: number;
  @ApiProperty() stopped!: number;
  @ApiProperty() total!: number;
}

export class RecognisedByFormDto {
  @ApiProperty({ enum: RECOGNITION_FORMS }) form!: RecognitionForm;
  @ApiProperty({ type: Number, nullable: true, description: SUPPRESSED }) people!: number | null;
}

export class PeopleRecognisedDto {
  @ApiProperty({ type: [RecognisedByFormDto] }) byForm!: RecognisedByFormDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'Sum over the forms. ' + SUPPRESSED })
  total!: number | null;
}

export class CharterInputsDto {
  @ApiProperty({ type: Number, nullable: true }) peopleTrained!: number | null;
  @ApiProperty({ type: Number, nullable: true }) communicationActions!: number | null;
  @ApiProperty({ type: Number, nullable: true }) celebrationsHeld!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Decimal as text (two decimals).' }) budget!: string | null;
}

export class YearOnYearDto {
  @ApiProperty({ enum: YEAR_ON_YEAR_FIGURES }) figure!: YearOnYearFigure;
  @ApiProperty({ type: Number, nullable: true }) current!: number | null;
  @ApiProperty({ type: Number, nullable: true }) previous!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'A count’s difference, or a rate’s in points.' })
  change!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Counts only: change ÷ previous, in percent.' })
  changePercent!: number | null;
}

/** The annual report's figures for a year and a scope (docs/recognition.md §5, §6). */
export class AnnualFiguresDto {
  @ApiProperty() year!: number;
  @ApiPropertyOptional({ type: OrgUnitRefDto, nullable: true, description: 'Null: the whole organisation.' })
  scope!: OrgUnitRefDto | null;
  @ApiProperty({ type: ReportPeriodDto }) period!: ReportPeriodDto;
  @ApiProperty({ type: Number, nullable: true, description: SUPPRESSED }) headcount!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: SUPPRESSED }) contributors!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Percent, one decimal; null: no data or withheld.' })
  participationRate!: number | null;
  @ApiProperty({ type: [UnitParticipationDto], description: 'Per unit directly below the scope.' })
  participationByUnit!: UnitParticipationDto[];
  @ApiProperty({ description: 'Ideas first submitted in the year.' }) ideasSubmitted!: number;
  @ApiProperty({ type: Number, nullable: true }) ideasPer100Staff!: number | null;
  @ApiProperty({ type: [FunnelStepDto] }) funnel!: FunnelStepDto[];
  @ApiProperty({ type: DurationSummaryDto }) timeToFirstAnswer!: DurationSummaryDto;
  @ApiProperty({ type: DurationSummaryDto }) timeToDecision!: DurationSummaryDto;
  @ApiProperty({ type: GuaranteeShareDto }) answeredWithinGuarantee!: GuaranteeShareDto;
  @ApiProperty({ type: ExperimentOutcomesDto }) experiments!: ExperimentOutcomesDto;
  @ApiProperty() implementedIdeas!: number;
  @ApiProperty({ type: [ImpactTotalDto], description: 'Projected vs actual by category (docs/realisation.md §4).' })
  impact!: ImpactTotalDto[];
  @ApiProperty() replications!: number;
  @ApiProperty({ type: PeopleRecognisedDto }) peopleRecognised!: PeopleRecognisedDto;
  @ApiProperty({ type: CharterInputsDto, nullable: true, description: 'HR’s inputs (whole organisation only).' })
  charterInputs!: CharterInputsDto | null;
  @ApiProperty({ type: [YearOnYearDto] }) yearOnYear!: YearOnYearDto[];
}
