import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import {
  IDEA_KINDS,
  IDEA_STATUSES,
  WALL_SORTS,
  WALL_STAGES,
  type IdeaKind,
  type IdeaStatus,
  type WallSort,
} from '@eclore/domain';
import { IdParamDto, Field } from '@eclore/server-platform';
import { OrgUnitNameDto } from '../ideas/ideas.dto';

// The wall's stage filter and orders: one source in the domain, shared with the web app.
export { WALL_SORTS, WALL_STAGES } from '@eclore/domain';
export type WallSortParam = WallSort;
export const LINK_KINDS = ['similar', 'addresses'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

// ------------------------------------------------------------------ requests

/**
 * The idea filters the wall and the portfolio board share, one contract for each field (documented,
 * optional, validated): `@IdeaFilter.theme() theme?: string;`. Each lists its decorators bottom-up,
 * the order the stacked form applied them.
 */
export const IdeaFilter = {
  kind: () => applyDecorators(IsIn(IDEA_KINDS), IsOptional(), ApiPropertyOptional({ enum: IDEA_KINDS })),
  campaignId: () => applyDecorators(IsUUID(), IsOptional(), ApiPropertyOptional({ format: 'uuid' })),
  orgUnitId: () =>
    applyDecorators(
      IsUUID(),
      IsOptional(),
      ApiPropertyOptional({ format: 'uuid', description: 'This org unit and its sub-units.' }),
    ),
  theme: () =>
    applyDecorators(
      MaxLength(64),
      IsString(),
      IsOptional(),
      ApiPropertyOptional({ description: 'A theme key.', maxLength: 64 }),
    ),
};

export class WallQuery {
  @ApiPropertyOptional({
    description:
      'Words to find, French or English, accents and inflection ignored ("velo" finds "vélos"). Quotes, OR and -word work.',
    maxLength: 200,
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(200)
  q?: string;

  @IdeaFilter.kind()
  kind?: IdeaKind;

  @Field.OneOf(WALL_STAGES, {
    optional: true,
    description: 'The idea’s current status (only statuses seen on the wall).',
  })
  stage?: IdeaStatus;

  @IdeaFilter.campaignId()
  campaignId?: string;

  @IdeaFilter.orgUnitId()
  orgUnitId?: string;

  @IdeaFilter.theme()
  theme?: string;

  @Field.OneOf(WALL_SORTS, {
    optional: true,
    description:
      'Default: relevance when q is given, newest otherwise. trending = supports of the last 14 days weighted by recency. relevance = the matches of the most recent window (7, 30, 90 or 365 days) holding at least 100 of them, most relevant first (title above summary above body), then the older matches, newest first; every match when no window holds 100 (docs/performance.md).',
  })
  sort?: WallSortParam;

  @Field.Text({
    max: 500,
    optional: true,
    description: 'The `nextCursor` of the previous page (same filters and sort).',
  })
  cursor?: string;

  @Field.Int({ min: 1, max: 50, fromText: true, optional: true, default: 20 })
  limit?: number;
}

export class SimilarQuery {
  @ApiProperty({ minLength: 3, maxLength: 200, description: 'The title being typed.' })
  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title!: string;

  @Field.Text({ max: 2000, optional: true })
  summary?: string;

  @Field.OneOf(IDEA_KINDS, { optional: true, description: 'Only ideas of this kind.' })
  kind?: IdeaKind;

  @Field.Uuid({ optional: true, description: 'Leave this idea out (the draft being edited).' })
  excludeId?: string;
}

export class LinkParams extends IdParamDto {
  @Field.OneOf(LINK_KINDS)
  kind!: LinkKind;

  @Field.Uuid()
  toId!: string;
}

export class CreateLinkInput {
  @Field.Uuid({ description: 'The idea to link to (a public idea).' })
  toId!: string;

  @Field.OneOf(LINK_KINDS, {
    description: '`addresses`: this solution answers that problem. `similar`: the two are alike.',
  })
  kind!: LinkKind;
}

// ------------------------------------------------------------------ responses

export class WallCampaignDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

/** An idea in a short list (similar, linked): what it is, where it stands, its counters. */
export class SimilarIdeaDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: IDEA_KINDS }) kind!: IdeaKind;
  @ApiProperty({ enum: IDEA_STATUSES }) status!: IdeaStatus;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() supportCount!: number;
  @ApiProperty() commentCount!: number;
}

/** An idea as the wall shows it. Never any author field: the wall names nobody (anonymity is kept by construction). */
export class WallCardDto extends SimilarIdeaDto {
  @ApiProperty({ type: [String] }) themes!: string[];
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ type: WallCampaignDto, nullable: true }) campaign!: WallCampaignDto | null;
  @ApiProperty({ type: OrgUnitNameDto, nullable: true }) orgUnit!: OrgUnitNameDto | null;
}

export class WallPageDto {
  @ApiProperty({ type: [WallCardDto] }) items!: WallCardDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page.',
  })
  nextCursor!: string | null;
  @ApiProperty({ enum: WALL_SORTS, description: 'The sort applied.' }) sort!: WallSortParam;
}

export class SimilarIdeasDto {
  @ApiProperty({ type: [SimilarIdeaDto], description: 'At most 5, most similar first.' }) items!: SimilarIdeaDto[];
}

export class IdeaLinkDto {
  @ApiProperty({ format: 'uuid' }) fromId!: string;
  @ApiProperty({ format: 'uuid' }) toId!: string;
  @ApiProperty({ enum: LINK_KINDS }) kind!: LinkKind;
}

export class LinkedIdeaDto extends SimilarIdeaDto {
  @ApiProperty({ enum: LINK_KINDS }) linkKind!: LinkKind;
  @ApiProperty({ enum: ['outgoing', 'incoming'], description: 'outgoing: this idea links to it (e.g. addresses it).' })
  direction!: 'outgoing' | 'incoming';
}

export class LinkedIdeasDto {
  @ApiProperty({ type: [LinkedIdeaDto] }) items!: LinkedIdeaDto[];
}
