import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PersonRefDto, UuidParams, Field } from '@eclore/server-platform';

/** Surrounding blanks are not a reason: trimmed before validation, so "   " is empty. */
export const Trimmed = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class SupportStateDto {
  @ApiProperty({ description: 'Whether the signed-in person supports the idea.' })
  supported!: boolean;

  @ApiProperty()
  supportCount!: number;
}

export class FollowStateDto {
  @ApiProperty({ description: 'Whether the signed-in person follows the idea.' })
  following!: boolean;

  @ApiProperty()
  followerCount!: number;
}

export class ActionAvailabilityDto {
  @ApiProperty()
  allowed!: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Why not: supports_closed, comments_closed, idea_ended, own_idea, not_public...',
  })
  reason!: string | null;
}

/** What the engagement bar of the idea page needs for the signed-in person. */
export class EngagementDto {
  @ApiProperty()
  supported!: boolean;

  @ApiProperty()
  following!: boolean;

  @ApiProperty()
  supportCount!: number;

  @ApiProperty()
  followerCount!: number;

  @ApiProperty()
  commentCount!: number;

  @ApiProperty({ type: ActionAvailabilityDto })
  canSupport!: ActionAvailabilityDto;

  @ApiProperty({ type: ActionAvailabilityDto })
  canComment!: ActionAvailabilityDto;

  @ApiProperty({ description: 'A network member in scope may merge this idea into another (duplicate).' })
  canMerge!: boolean;

  @ApiProperty({
    description: 'The idea was merged into this one (null if not merged).',
    type: String,
    format: 'uuid',
    nullable: true,
  })
  mergedIntoId!: string | null;
}

export class CreateCommentDto {
  @Field.Text({
    max: 10000,
    notEmpty: true,
    description:
      'Rich text (sanitised on the server). Mention people with the token `@[Display name](person-id)`; ' +
      'the name shown is always the directory name.',
  })
  bodyHtml!: string;

  @Field.Uuid({ optional: true, description: 'The comment this one replies to (same idea).' })
  parentId?: string;
}

export class CommentHiddenDto {
  @ApiProperty()
  hiddenAt!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The moderator’s reason: shown to the comment’s author and the network only.',
  })
  reason!: string | null;
}

export class CommentOriginDto {
  @ApiProperty({ format: 'uuid' })
  ideaId!: string;

  @ApiProperty()
  ideaTitle!: string;
}

export class CommentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  parentId!: string | null;

  @ApiProperty({
    type: PersonRefDto,
    nullable: true,
    description: 'Null when the comment is by an anonymous author of the idea (see `byIdeaAuthor`).',
  })
  author!: PersonRefDto | null;

  @ApiProperty({ description: 'Written by one of the idea’s authors (shown as “the author” when anonymous).' })
  byIdeaAuthor!: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Null when hidden by moderation, except for its author and the network.',
  })
  bodyHtml!: string | null;

  @ApiProperty({ type: [PersonRefDto] })
  mentions!: PersonRefDto[];

  @ApiProperty()
  createdAt!: string;

  @ApiProperty({ type: CommentHiddenDto, nullable: true })
  hidden!: CommentHiddenDto | null;

  @ApiProperty({ type: CommentOriginDto, nullable: true, description: 'Moved here when a duplicate idea was merged.' })
  mergedFrom!: CommentOriginDto | null;

  @ApiProperty({
    description:
      'Marked adopted (retenu) by the idea’s authors: their idea took something from it. Never says which author.',
  })
  adopted!: boolean;

  @ApiProperty({
    description:
      'The signed-in person may mark this comment adopted or withdraw the mark (an author of the idea, on a ' +
      'visible comment someone else wrote).',
  })
  canAdopt!: boolean;

  @ApiProperty({ type: () => [CommentDto] })
  replies!: CommentDto[];
}

/** `/ideas/:id/comments/:commentId/…`. */
export class CommentParamsDto extends UuidParams('id', 'commentId') {}

export class CommentThreadDto {
  @ApiProperty({ type: [CommentDto], description: 'Top-level comments, oldest first, each with its replies.' })
  items!: CommentDto[];

  @ApiProperty()
  commentCount!: number;
}

export class MergeIdeaDto {
  @Field.Uuid({ description: 'The idea that absorbs this duplicate.' })
  targetId!: string;

  @ApiProperty({ maxLength: 2000, description: 'Why they are duplicates (told to everyone involved).' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class MergeResultDto {
  @ApiProperty({ format: 'uuid' })
  targetId!: string;

  @ApiProperty({ description: 'Supports moved (people who already supported the target count once).' })
  supportsMoved!: number;

  @ApiProperty()
  followersMoved!: number;

  @ApiProperty()
  commentsMoved!: number;

  @ApiProperty({ description: 'People credited as co-authors of the target.' })
  coAuthorsCredited!: number;
}
