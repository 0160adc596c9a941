import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

/**
 * Exported as the `Field` namespace (`@Field.Text({ max: 200 })`), as `Col` is for entities: the
 * input property shapes every request DTO repeats, each one declaring the rule once for both the
 * validation and the OpenAPI document (a `maxLength` the document states is the one enforced).
 * Each helper calls class-validator's and Swagger's own decorators, in the order they were written
 * by hand (`@ApiProperty` on top), so the checks and their messages are unchanged.
 */

/** What else the document says of the property; the helper sets the rest. */
export interface FieldDoc {
  description?: string;
  example?: unknown;
  /** What the service uses when the property is absent (documented only). */
  default?: string | number | boolean;
  /** Documents that null is accepted; `Presence.optional` is what lets it through the checks. */
  nullable?: boolean;
  /** Needed beside `nullable`: reflection sees `string | null` as Object. */
  type?: typeof String;
}

interface Presence {
  /** Absent (or null, where the document allows it) is accepted: `@IsOptional()`. */
  optional?: boolean;
}

// Stacked decorators run bottom-up and applyDecorators runs its list in order: the checks, listed
// top-down as they were stacked, are reversed, and the optional wrapper goes just under the document.
function compose(
  doc: ApiPropertyOptions,
  optional: boolean | undefined,
  checks: PropertyDecorator[],
): PropertyDecorator {
  const document = optional ? ApiPropertyOptional(doc) : ApiProperty(doc);
  return applyDecorators(...checks.reverse(), ...(optional ? [IsOptional()] : []), document);
}

/**
 * A string of at most `max` characters; `min` adds a lower bound, `notEmpty` refuses "" (without
 * stating a minimum in the document).
 */
export function Text(
  options: { max: number; min?: number; notEmpty?: boolean; format?: 'password' } & Presence & FieldDoc,
): PropertyDecorator {
  const { max, min, notEmpty, optional, ...doc } = options;
  return compose({ ...doc, ...(min === undefined ? {} : { minLength: min }), maxLength: max }, optional, [
    IsString(),
    ...(notEmpty ? [IsNotEmpty()] : []),
    ...(min === undefined ? [] : [MinLength(min)]),
    MaxLength(max),
  ]);
}

/** A uuid: the id of something the service then looks up. */
export function Uuid(options: Presence & FieldDoc = {}): PropertyDecorator {
  const { optional, ...doc } = options;
  return compose({ ...doc, format: 'uuid' }, optional, [IsUUID()]);
}

/** One of a closed list of values (a domain constant such as `IDEA_KINDS`), shown as an enum. */
export function OneOf(values: readonly (string | number)[], options: Presence & FieldDoc = {}): PropertyDecorator {
  const { optional, ...doc } = options;
  return compose({ ...doc, enum: values as (string | number)[] }, optional, [IsIn(values as (string | number)[])]);
}

/**
 * A whole number from `min` to `max` (documented as an integer). `fromText` converts a value that
 * arrives as text (every query parameter, and the few bodies that accepted "5" for 5) before the checks.
 */
export function Int(
  options: { min: number; max: number; fromText?: boolean } & Presence & FieldDoc,
): PropertyDecorator {
  const { min, max, fromText, optional, ...doc } = options;
  return compose({ ...doc, type: 'integer', minimum: min, maximum: max }, optional, [
    ...(fromText ? [Type(() => Number)] : []),
    IsInt(),
    Min(min),
    Max(max),
  ]);
}

/**
 * A calendar day as the API writes dates without a time: YYYY-MM-DD, month 01–12, day 01–31. A month
 * 13 is refused at the edge naming its field, never left for PostgreSQL to reject; impossible days
 * (31 April) are then caught by the domain's checks.
 */
export const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A day (ISO_DAY), documented as `format: date`. */
export function Day(options: Presence & FieldDoc = {}): PropertyDecorator {
  const { optional, ...doc } = options;
  return compose({ ...doc, format: 'date' }, optional, [
    IsString(),
    Matches(ISO_DAY, { message: '$property must be a day written YYYY-MM-DD' }),
  ]);
}
