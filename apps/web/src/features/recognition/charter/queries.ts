import { getCharterInputsQueryKey } from '@eclore/api-client';
import { useInvalidate } from '../../../app/queries';

/** After a year's inputs are saved: that year's entries are stale. */
export function useCharterInputsChanged(year: number): () => Promise<void> {
  return useInvalidate(() => [getCharterInputsQueryKey({ query: { year } })]);
}
