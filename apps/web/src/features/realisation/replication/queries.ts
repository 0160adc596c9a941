import { getIdeaLineageQueryKey } from '@eclore/api-client';
import { useInvalidate, useInvalidateOperations } from '../../../app/queries';

/** After an adoption: the original's lineage, and the portfolio where the replica appears. */
export function useAdopted(ideaId: string): () => Promise<void> {
  const lineage = useInvalidate(() => [getIdeaLineageQueryKey({ path: { id: ideaId } })]);
  const portfolio = useInvalidateOperations(['getPortfolio']);
  return async () => {
    await Promise.all([lineage(), portfolio()]);
  };
}
