import type { TFunction } from 'i18next';
import { isApiError } from '@eclore/api-client';

/** The translated message for a failed call: by the API's stable problem `code`, else a generic one. */
export function problemMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    const key = `problems.${error.code}`;
    // exists() keeps unknown codes from showing a raw key.
    if (t(key as never, { defaultValue: '' })) return t(key as never);
    if (error.status === 0) return t('problems.network_error');
  }
  return t('problems.generic');
}
