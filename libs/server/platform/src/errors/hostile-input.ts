import { Injectable, Module, RequestMethod, type MiddlewareConsumer, type NestMiddleware, type NestModule } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ValidationFailed, type FieldProblem } from '@eclore/domain';

/** Deeper than any body the API accepts; class-transformer and our own walks recurse, so bound it. */
export const MAX_INPUT_DEPTH = 32;

/**
 * Keys that reach an object's prototype when copied with `obj[key] = …`. JSON.parse makes them own
 * properties, so a free-form map (scores by criterion, …) would carry them into code.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What no text of this API may hold, wherever it comes from: PostgreSQL refuses NUL in text
 * (22021) and a lone UTF-16 surrogate (`\ud800` in JSON) makes `encodeURI`/`decodeURIComponent`
 * throw (class-validator's IsEmail does). Checked once for every request, before any guard, pipe or
 * query sees the value, so each is a 400 naming the field rather than a 500 somewhere further in.
 */
export function hostileStringProblem(text: string, field: string): FieldProblem | null {
  if (text.includes('\u0000'))
    return { field, code: 'noNulCharacter', message: `${field} must not contain a NUL character` };
  if (LONE_SURROGATE.test(text))
    return { field, code: 'wellFormedUnicode', message: `${field} must be well-formed Unicode (no lone surrogate)` };
  return null;
}

/** Every problem of a parsed body, query or params value, with dotted field paths (`phases.1.name`). */
export function findHostileInput(value: unknown, field = '', depth = 0, out: FieldProblem[] = []): FieldProblem[] {
  if (out.length >= 20) return out; // enough to explain the refusal; a 1 MB body of NULs stays cheap
  if (typeof value === 'string') {
    const problem = hostileStringProblem(value, field || 'body');
    if (problem) out.push(problem);
    return out;
  }
  if (value === null || typeof value !== 'object') return out;
  if (depth >= MAX_INPUT_DEPTH) {
    out.push({ field: field || 'body', code: 'maxDepth', message: `${field || 'body'} is nested too deeply` });
    return out;
  }
  for (const [key, child] of Object.entries(value)) {
    const name = key === '' ? '""' : key;
    const path = field ? `${field}.${name}` : name;
    const keyProblem = hostileStringProblem(key, field ? `${field}.<key>` : '<key>');
    if (keyProblem) {
      out.push(keyProblem);
      continue;
    }
    if (FORBIDDEN_KEYS.has(key)) {
      out.push({ field: path, code: 'forbiddenKey', message: `${path} is not an accepted property name` });
      continue;
    }
    findHostileInput(child, path, depth + 1, out);
  }
  return out;
}

/** Runs after the body parsers, before routing, guards and pipes: on every request, signed in or not. */
@Injectable()
export class HostileInputMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    const problems = [
      ...findHostileInput(req.query as unknown),
      ...(req.body !== undefined && typeof req.body === 'object' ? findHostileInput(req.body as unknown) : []),
      ...(typeof req.body === 'string' ? findHostileInput(req.body, 'body') : []),
    ];
    if (problems.length) throw new ValidationFailed(problems);
    next();
  }
}

/** Import once in the HTTP application's root module. */
@Module({})
export class HostileInputModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HostileInputMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
