import { getHeadcountsQueryKey, listDirectoryImportsQueryKey } from '@eclore/api-client';
import { useInvalidate } from '../../app/queries';

/** When an import ends: the outcome changes the history list and every year's head counts. */
export function useImportFinished(): () => Promise<void> {
  return useInvalidate(() => [listDirectoryImportsQueryKey(), getHeadcountsQueryKey().slice(0, 1)]);
}
