import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches } from 'class-validator';
import { LimitProperty, OrgUnitRefDto, PersonRefDto, Field } from '@eclore/server-platform';
import { ORG_UNIT_KINDS, type DirectoryImportStatus, type OrgUnitKind } from '../entities';
import { IMPORT_ERROR_CODES } from './directory-validator';

const IMPORT_STATUSES: readonly DirectoryImportStatus[] = [
  'queued',
  'validating',
  'applying',
  'completed',
  'rejected',
  'failed',
];

export class ImportCreatedDto {
  @ApiProperty({ format: 'uuid', description: 'Poll GET /api/directory/imports/{id} for progress and outcome.' })
  id!: string;
}

export class ImportRowErrorDto {
  @ApiProperty({ description: 'Line of the file (1 = header); 0 for a problem with the whole file.' })
  line!: number;

  @ApiProperty({ type: String, nullable: true, description: 'The CSV column at fault, if one is.' })
  field!: string | null;

  @ApiProperty({
    enum: [...IMPORT_ERROR_CODES, 'file_missing', 'internal_error'],
    description: 'Stable code; the web translates it.',
  })
  code!: string;

  @ApiProperty({ description: 'English explanation.' })
  message!: string;
}

/** An import as the list shows it. */
export class DirectoryImportSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: IMPORT_STATUSES })
  status!: DirectoryImportStatus;

  @ApiProperty()
  fileName!: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Data rows of the file, known once the worker has counted them.',
  })
  totalRows!: number | null;

  @ApiProperty()
  createdCount!: number;

  @ApiProperty()
  updatedCount!: number;

  @ApiProperty()
  unchangedCount!: number;

  @ApiProperty()
  deactivatedCount!: number;

  @ApiProperty({ description: 'All problems found; the import itself lists at most the first 1000.' })
  errorCount!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt!: string | null;
}

/** One import: the summary, its progress and its first problems. */
export class DirectoryImportDto extends DirectoryImportSummaryDto {
  @ApiProperty({ description: 'Rows done in the current phase (validating, then applying).' })
  processedRows!: number;

  @ApiProperty({ type: [ImportRowErrorDto], description: 'At most the first 1000 problems found.' })
  errors!: ImportRowErrorDto[];
}

export class ImportListQueryDto {
  @LimitProperty({ max: 100, default: 20 })
  limit?: number;
}

export class OrgUnitDto extends OrgUnitRefDto {
  @ApiProperty({ enum: ORG_UNIT_KINDS }) kind!: OrgUnitKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId!: string | null;
  @ApiProperty({ type: [String], description: 'Ids from the root down to this unit, inclusive.' }) path!: string[];
  @ApiProperty() active!: boolean;
}

export class OrgUnitMemberDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  employeeNumber!: string;

  @ApiProperty()
  givenName!: string;

  @ApiProperty()
  familyName!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ format: 'uuid' })
  orgUnitId!: string;
}

export class OrgUnitMembersPageDto {
  @ApiProperty({ type: [OrgUnitMemberDto] })
  items!: OrgUnitMemberDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `after` for the next page; null on the last page.',
  })
  nextCursor!: string | null;
}

/** Opaque keyset cursor: base64url of the last row's sort key. */
const CURSOR = /^[A-Za-z0-9_-]{1,400}$/;

export class MembersQueryDto {
  @ApiPropertyOptional({ description: 'Include the people of every unit below this one.', default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  subtree?: boolean;

  @LimitProperty({ max: 200, default: 50 })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @Matches(CURSOR, { message: 'after must be a cursor returned by a previous page' })
  after?: string;
}

export class PeopleQueryDto {
  @Field.Text({
    max: 100,
    min: 2,
    description: 'Start of a given name, family name, "given family" or e-mail; case-insensitive.',
  })
  q!: string;

  @LimitProperty({ max: 50, default: 10 })
  limit?: number;
}

export class PersonCardDto extends PersonRefDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) orgUnitId!: string | null;
  @ApiProperty({ type: String, nullable: true }) orgUnitName!: string | null;
}

export class HeadcountQueryDto {
  @Field.Int({ min: 2000, max: 2100, fromText: true, optional: true, description: 'Default: the current year.' })
  year?: number;
}

export class HeadcountDto {
  @ApiProperty({ format: 'uuid' })
  orgUnitId!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ORG_UNIT_KINDS })
  kind!: OrgUnitKind;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  parentId!: string | null;

  @ApiProperty({ description: 'Depth in the tree (0 = a root).' })
  depth!: number;

  @ApiProperty({ description: 'Active people of exactly this unit.' })
  directCount!: number;

  @ApiProperty({ description: 'Active people of this unit and every unit below it.' })
  totalCount!: number;
}

export class HeadcountsDto {
  @ApiProperty()
  year!: number;

  @ApiProperty({ type: [HeadcountDto], description: 'In tree order (each unit after its parent).' })
  units!: HeadcountDto[];
}

/** Multipart body of the upload, for the OpenAPI description only (multer reads it). */
export class ImportUploadDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'The directory CSV (see docs/directory-import.md), at most 50 MB.',
  })
  file!: unknown;
}
