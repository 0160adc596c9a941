import { listMyDataExportsQueryKey } from '@eclore/api-client';
import { useInvalidate } from '../../app/queries';

/** After a personal-data export is requested. */
export function useDataExportsChanged(): () => Promise<void> {
  return useInvalidate(() => [listMyDataExportsQueryKey()]);
}
