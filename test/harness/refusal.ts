import { DomainError } from '@eclore/domain';

/**
 * What a service call refused with, as a test compares it: a domain error's code and the fields it
 * names; 'no refusal' when the call succeeded; any other error as it was thrown.
 */
export const refusal = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => 'no refusal',
    (e: unknown) => (e instanceof DomainError ? { code: e.code, fields: e.fields.map((f) => f.field) } : e),
  );
