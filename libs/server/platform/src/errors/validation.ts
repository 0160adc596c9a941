import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { ValidationFailed, type FieldProblem } from '@eclore/domain';
import { findHostileInput } from './hostile-input';

/** Flattens class-validator's tree into one entry per failed rule, with dotted field paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const error of errors) {
    // An empty key (`{"": 1}`) is still named, so the client sees which property was refused.
    const property = error.property === '' ? '""' : error.property;
    const field = parent ? `${parent}.${property}` : property;
    for (const [code, message] of Object.entries(error.constraints ?? {})) {
      // forbidNonWhitelisted reports the unknown property under `whitelistValidation`.
      out.push({ field, code: code === 'whitelistValidation' ? 'unknownProperty' : code, message });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** @nestjs/swagger's metadata keys: one property's `@ApiProperty` options, and a class's property list. */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';
const API_MODEL_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';

interface PropertyContract {
  nullable?: boolean;
  isArray?: boolean;
  type?: unknown;
}

/** A DTO class (it declares properties for the OpenAPI document), as opposed to String, Number, … */
const isDtoClass = (type: unknown): boolean =>
  typeof type === 'function' && Reflect.getMetadata(API_MODEL_PROPERTIES_ARRAY, (type as { prototype: object }).prototype) !== undefined;
const isObjectValue = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What class-validator lets through and the contract (the `@ApiProperty` of each DTO property, which
 * is also what the OpenAPI document and the generated client promise) forbids:
 * - `null` where the property is not `nullable: true`. `@IsOptional()` lets null through like
 *   undefined, so an explicit null in a PATCH reached code (and NOT NULL columns) expecting "absent".
 * - an array, or an array of arrays, where a nested DTO is declared: `@ValidateNested()` accepts an
 *   array in place of the object and validates nothing inside it (`[[]]` for a list of objects).
 * Walks nested DTOs; free-form maps inside them carry no metadata and are left to their own checks.
 */
export function findContractViolations(object: unknown, parent = '', out: FieldProblem[] = []): FieldProblem[] {
  if (!isObjectValue(object)) return out;
  const proto = Object.getPrototypeOf(object) as object | null;
  if (!proto || proto === Object.prototype) return out;
  for (const [key, value] of Object.entries(object as object)) {
    const field = parent ? `${parent}.${key}` : key;
    const contract = Reflect.getMetadata(API_MODEL_PROPERTIES, proto, key) as PropertyContract | undefined;
    if (value === null) {
      if (contract?.nullable !== true)
        out.push({ field, code: 'isNotNull', message: `${field} cannot be null; leave it out to keep its value` });
      continue;
    }
    if (value === undefined) continue;
    const nestedDto = isDtoClass(contract?.type);
    if (Array.isArray(value)) {
      if (nestedDto && !contract?.isArray) {
        out.push({ field, code: 'isObject', message: `${field} must be an object` });
        continue;
      }
      value.forEach((item: unknown, i) => {
        if (item === null || item === undefined) return; // class-validator's own rules answer for these
        if (nestedDto && !isObjectValue(item))
          out.push({ field: `${field}.${i}`, code: 'isObject', message: `${field}.${i} must be an object` });
        else findContractViolations(item, `${field}.${i}`, out);
      });
    } else findContractViolations(value, field, out);
  }
  return out;
}

/**
 * The one ValidationPipe: unknown properties are refused, not silently dropped; hostile strings
 * (NUL, lone surrogates: also checked by the middleware, repeated here for values parsed later, e.g.
 * multipart fields) and what the contract does not allow (see findContractViolations) are refused
 * with the field named.
 */
class EcloreValidationPipe extends ValidationPipe {
  protected override async validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> {
    const hostile = findHostileInput(object);
    if (hostile.length) throw new ValidationFailed(hostile);
    const errors = await super.validate(object, validatorOptions);
    const reported = new Set(errors.map((e) => e.property));
    const violations = findContractViolations(object).filter((p) => !reported.has(p.field.split('.')[0]!));
    return [
      ...errors,
      ...violations.map((p) => ({ property: p.field, constraints: { [p.code]: p.message }, children: [] })),
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
