import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/**
 * A path-parameter class whose every parameter is a uuid, validated at the edge (a malformed id is
 * a 400 naming it, never a cast error in SQL). `class AgendaItemParams extends UuidParams('id', 'itemId') {}`.
 */
export function UuidParams<const K extends string>(...names: readonly K[]): Type<Record<K, string>> {
  class Params {}
  for (const name of names) {
    ApiProperty({ type: String, format: 'uuid' })(Params.prototype, name);
    IsUUID()(Params.prototype, name);
  }
  return Params as Type<Record<K, string>>;
}

/** `/things/:id`. */
export class IdParamDto extends UuidParams('id') {}
