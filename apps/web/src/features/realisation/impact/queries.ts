import { getIdeaImpactQueryKey } from '@eclore/api-client';
import { useInvalidate, useInvalidateOperations } from '../../../app/queries';

/** After an indicator or measurement command on an idea: its impact, and every roll-up, are stale. */
export function useImpactChanged(ideaId: string): () => Promise<void> {
  const idea = useInvalidate(() => [getIdeaImpactQueryKey({ path: { id: ideaId } })]);
  const rollups = useInvalidateOperations(['getImpactRollups']);
  return async () => {
    await Promise.all([idea(), rollups()]);
  };
}
