import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsUUID, Min } from 'class-validator';
import { OrgUnitRefDto, Field } from '@eclore/server-platform';
import { AnnualFiguresDto, ReportScope } from '../report/report.dto';
import { REPORT_FILE_KINDS, type ReportFileKind } from './download-links';

export const ANNUAL_REPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

export class RequestAnnualReportInput {
  @Field.Int({ min: 2000, max: 9999, description: 'From 2000 to the current year.' })
  year!: number;

  @ReportScope()
  orgUnitId?: string;
}

export class ReportDownloadsDto {
  @ApiProperty({ description: 'Signed link to the PDF in French.' }) pdfFr!: string;
  @ApiProperty({ description: 'Signed link to the PDF in English.' }) pdfEn!: string;
  @ApiProperty({ description: 'Signed link to the XLSX workbook in French (one sheet per section).' }) xlsx!: string;
  @ApiProperty({ description: 'Signed link to the XLSX workbook in English.' }) xlsxEn!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'When the links stop working (ask the run again for new ones).',
  })
  expiresAt!: string;
}

export class UnitFiguresDto {
  @ApiProperty({ type: OrgUnitRefDto }) unit!: OrgUnitRefDto;
  @ApiProperty({ type: AnnualFiguresDto }) figures!: AnnualFiguresDto;
}

/** One request of the annual report, with its progress, and when done its figures and download links. */
export class AnnualReportRunDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() year!: number;
  @ApiPropertyOptional({ type: OrgUnitRefDto, nullable: true, description: 'Null: the whole organisation.' })
  scope!: OrgUnitRefDto | null;
  @ApiProperty({ enum: ANNUAL_REPORT_STATUSES }) status!: (typeof ANNUAL_REPORT_STATUSES)[number];
  @ApiProperty({ description: 'Percent done, 0–100.' }) progress!: number;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: AnnualFiguresDto, nullable: true, description: 'The scope’s figures, when done.' })
  figures!: AnnualFiguresDto | null;
  @ApiProperty({ type: [UnitFiguresDto], description: 'The figures of each unit directly below the scope, when done.' })
  units!: UnitFiguresDto[];
  @ApiProperty({ type: ReportDownloadsDto, nullable: true, description: 'When done: short-lived signed links.' })
  downloads!: ReportDownloadsDto | null;
}

export class AnnualReportFileParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id!: string;
  @ApiProperty({ enum: REPORT_FILE_KINDS }) @IsIn(REPORT_FILE_KINDS) kind!: ReportFileKind;
}

export class AnnualReportFileQuery {
  @ApiProperty({ type: 'integer', description: 'Expiry of the link (Unix seconds).' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  expires!: number;

  @Field.Text({ max: 100, description: 'The link’s signature.' })
  signature!: string;
}
