import type { FieldProblem } from '@eclore/domain';

/** RFC 9457 problem details, as every error response of the API is shaped. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Stable machine-readable code, e.g. `validation_failed`, `idea_not_found`. */
  code: string;
  /** For validation failures: each offending field. */
  errors?: FieldProblem[];
  /** For unexpected errors: the id also written in the server log. */
  errorId?: string;
  requestId?: string;
  /** Readiness failures: the state of each dependency. */
  details?: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
