import { listIntakeQueryKey } from '@eclore/api-client';
import { useInvalidate } from '../../app/queries';

/** After an idea in the intake is accepted or returned. */
export function useIntakeChanged(): () => Promise<void> {
  return useInvalidate(() => [listIntakeQueryKey()]);
}
