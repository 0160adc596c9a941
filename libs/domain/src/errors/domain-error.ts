/**
 * Typed domain errors. They carry a stable machine-readable `code` that clients can rely on
 * (each code and its status are listed in `error-codes.ts`, the contract the server documents and the
 * web app words; the problem filter answers a DomainError with the status of its `kind`).
 */
export type DomainErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited';

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `title` or `phases.1.startsAt`. */
  field: string;
  /** Stable code of the rule that failed, e.g. `isNotEmpty`, `maxLength`. */
  code: string;
  /** Human-readable English message (the web translates by `code`). */
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends DomainError {
  constructor(fields: readonly FieldProblem[], message = 'The request contains invalid fields.') {
    super('invalid', 'validation_failed', message, fields);
  }
}

export class NotFound extends DomainError {
  constructor(what: string, id?: string) {
    super('not_found', `${what}_not_found`, id ? `${what} ${id} was not found.` : `${what} was not found.`);
  }
}

export class Forbidden extends DomainError {
  constructor(code = 'forbidden', message = 'You are not allowed to do this.') {
    super('forbidden', code, message);
  }
}

export class Conflict extends DomainError {
  constructor(code: string, message: string) {
    super('conflict', code, message);
  }
}
