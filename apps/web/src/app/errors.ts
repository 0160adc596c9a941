import { isApiError } from '@eclore/api-client';
import type { ErrorCode } from '@eclore/domain';
import type { AppText } from './i18n';

/**
 * The one place where the API's error codes become words. Each feature keeps its own messages keyed
 * by the server's codes (problem `code`, or a field error's `code`) in its i18n file; these helpers
 * look them up, so an unknown code never shows a raw key.
 */
export type CodeMessages = object;

/** A feature's messages for the server's error codes (the typed catalogue `ERROR_CODES` in libs/domain). */
export type ErrorMessages = Partial<Record<ErrorCode, string>>;

/** The message for a code, or undefined when the feature has none for it. */
export function messageFor(messages: CodeMessages, code: string | null | undefined): string | undefined {
  if (!code || !Object.hasOwn(messages, code)) return undefined;
  const message: unknown = (messages as Record<string, unknown>)[code];
  // A text that needs parameters is not a code's message.
  return typeof message === 'string' ? message : undefined;
}

/** The message for a failed call: by the API's problem `code`, else a network or generic message. */
export function problemMessage(problems: AppText['problems'], error: unknown, messages?: ErrorMessages): string {
  if (isApiError(error)) {
    const known = (messages && messageFor(messages, error.code)) ?? messageFor(problems, error.code);
    if (known) return known;
    if (error.status === 0) return problems.network_error;
  }
  return problems.generic;
}

/** The message for each field the API refused (first error per field), by its field-error code. */
export function fieldMessages(error: unknown, messages: CodeMessages, fallback: string): Map<string, string> {
  const map = new Map<string, string>();
  if (!isApiError(error)) return map;
  for (const e of error.fieldErrors) if (!map.has(e.field)) map.set(e.field, messageFor(messages, e.code) ?? fallback);
  return map;
}

/**
 * The code that words a failed call: the problem `code`, or its first refused field's code — always
 * (`field`), or only for a validation failure (`field_on_validation`).
 */
export function errorCode(
  error: unknown,
  prefer: 'problem' | 'field' | 'field_on_validation' = 'problem',
): string | undefined {
  if (!isApiError(error)) return undefined;
  const field = error.fieldErrors[0]?.code;
  if (prefer === 'field') return field ?? error.code;
  if (prefer === 'field_on_validation' && error.code === 'validation_failed') return field ?? error.code;
  return error.code;
}

/**
 * A failed call in a feature's words: the feature's message for its code (picked as `errorCode` says),
 * else, where the feature words them, a refusal (403, `forbidden`) or a conflict (409, `conflict`),
 * else its `generic` message.
 */
export function describeError(
  messages: CodeMessages & { generic?: string },
  error: unknown,
  prefer?: Parameters<typeof errorCode>[1],
): string {
  const status = isApiError(error) ? error.status : undefined;
  return (
    messageFor(messages, errorCode(error, prefer)) ??
    (status === 403 ? messageFor(messages, 'forbidden') : undefined) ??
    (status === 409 ? messageFor(messages, 'conflict') : undefined) ??
    messages.generic ??
    ''
  );
}
