import { listOpenReportsQueryKey } from '@eclore/api-client';
import { useInvalidate } from '../../app/queries';

/** After a report is resolved or its content hidden. */
export function useReportsChanged(): () => Promise<void> {
  return useInvalidate(() => [listOpenReportsQueryKey()]);
}
