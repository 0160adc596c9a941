import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Type as TransformType } from 'class-transformer';
import { IsCursor, MAX_CURSOR_LENGTH } from '../cursor/cursor';

/** One page of a keyset-paged list. */
export interface Page<T> {
  items: T[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** The `nextCursor` property of a page DTO. */
export const NextCursorProperty = (): PropertyDecorator =>
  ApiProperty({ type: String, nullable: true, description: 'Opaque cursor of the next page; null on the last one.' });

/**
 * The response class of a page of `item` (schema `<Item>PageDto`, so each list keeps its own name in
 * the document): `class DeliveryPageDto extends PageDto(DeliveryDto) {}`.
 */
export function PageDto<T>(item: Type<T>): Type<Page<T>> {
  class PageOfItems {
    @ApiProperty({ type: [item] }) items!: T[];
    @NextCursorProperty() nextCursor!: string | null;
  }
  Object.defineProperty(PageOfItems, 'name', { value: `${item.name.replace(/Dto$/, '')}PageDto` });
  return PageOfItems;
}

export interface CursorQueryLimits {
  /** Largest page a client may ask for. */
  max: number;
  /** Page size when `limit` is absent (the service applies it; documented here). */
  default: number;
}

/**
 * The query class of a keyset-paged list with these limits: `cursor` (the previous page's
 * `nextCursor`, refused at the edge when it cannot be one) and `limit`. Extend it with the
 * list's filters: `class ListThingsQuery extends CursorQuery({ max: 50, default: 20 }) { … }`.
 */
export function CursorQuery(limits: CursorQueryLimits): Type<{ cursor?: string; limit?: number }> {
  class Query {
    @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.', maxLength: MAX_CURSOR_LENGTH })
    @IsOptional()
    @IsCursor()
    cursor?: string;

    @ApiPropertyOptional({ minimum: 1, maximum: limits.max, default: limits.default })
    @IsOptional()
    @TransformType(() => Number)
    @IsInt()
    @Min(1)
    @Max(limits.max)
    limit?: number;
  }
  return Query;
}

/** `cursor` and `limit` (1–100, 25 by default). */
export class CursorQueryDto extends CursorQuery({ max: 100, default: 25 }) {}
