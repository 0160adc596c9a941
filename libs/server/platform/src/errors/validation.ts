import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { ValidationFailed, type FieldProblem } from '@eclore/domain';
import { findHostileInput } from './hostile-input';

/** Flattens class-validator's tree into one entry per failed rule, with dotted field paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [code, message] of Object.entries(error.constraints ?? {})) {
      // forbidNonWhitelisted reports the unknown property under `whitelistValidation`.
      out.push({ field, code: code === 'whitelistValidation' ? 'unknownProperty' : code, message });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** @nestjs/swagger's metadata key for one property's `@ApiProperty` options. */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

/**
 * The one rule for `null`: a DTO property may be null only when its `@ApiProperty` says
 * `nullable: true`, which is also what the OpenAPI document and the generated client promise.
 * class-validator's `@IsOptional()` lets null through like undefined, so without this an explicit
 * null in a PATCH reached code (and NOT NULL columns) that only expected "absent". Walks nested DTOs.
 */
export function findForbiddenNulls(object: unknown, parent = '', out: FieldProblem[] = []): FieldProblem[] {
  if (object === null || typeof object !== 'object') return out;
  if (Array.isArray(object)) {
    object.forEach((item, i) => findForbiddenNulls(item, parent ? `${parent}.${i}` : String(i), out));
    return out;
  }
  const proto = Object.getPrototypeOf(object) as object | null;
  // Only DTO instances (class-transformer built them); free-form maps inside them carry no metadata.
  if (!proto || proto === Object.prototype) return out;
  for (const [key, value] of Object.entries(object)) {
    const field = parent ? `${parent}.${key}` : key;
    if (value === null) {
      const options = Reflect.getMetadata(API_MODEL_PROPERTIES, proto, key) as { nullable?: boolean } | undefined;
      if (options?.nullable !== true)
        out.push({ field, code: 'isNotNull', message: `${field} cannot be null; leave it out to keep its value` });
    } else findForbiddenNulls(value, field, out);
  }
  return out;
}

/**
 * The one ValidationPipe: unknown properties are refused, not silently dropped; hostile strings
 * (NUL, lone surrogates: also checked by the middleware, repeated here for values parsed later, e.g.
 * multipart fields) and nulls the contract does not allow are refused with the field named.
 */
class EcloreValidationPipe extends ValidationPipe {
  protected override async validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> {
    const hostile = findHostileInput(object);
    if (hostile.length) throw new ValidationFailed(hostile);
    const errors = await super.validate(object, validatorOptions);
    const reported = new Set(errors.map((e) => e.property));
    const nulls = findForbiddenNulls(object).filter((p) => !reported.has(p.field.split('.')[0]!));
    return [
      ...errors,
      ...nulls.map((p) => ({ property: p.field, constraints: { [p.code]: p.message }, children: [] })),
    ];
  }
}

export function createValidationPipe(): ValidationPipe {
  return new EcloreValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    exceptionFactory: (errors) => new ValidationFailed(flattenValidationErrors(errors)),
  });
}
