import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * The optional `limit` query parameter of a list (1 to `max`; the service applies `default` when it
 * is absent, the document shows it): `@LimitProperty({ max: 100, default: 50 }) limit?: number;`.
 */
export function LimitProperty(limits: { max: number; default: number }): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: limits.max, default: limits.default }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(limits.max),
  );
}
