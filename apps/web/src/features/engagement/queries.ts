import { useQueryClient } from '@tanstack/react-query';
import { getIdeaEngagementQueryKey, getIdeaQueryKey, listIdeaCommentsQueryKey } from '@eclore/api-client';
import { useInvalidate } from '../../app/queries';

/** After a comment is posted: the thread and the idea's engagement counts. */
export function useCommentsChanged(ideaId: string): () => Promise<void> {
  return useInvalidate(() => [
    listIdeaCommentsQueryKey({ path: { id: ideaId } }),
    getIdeaEngagementQueryKey({ path: { id: ideaId } }),
  ]);
}

/** After an idea is merged into another: the idea first, then everything (lists, counts, the other idea). */
export function useIdeaMerged(ideaId: string): () => void {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: getIdeaQueryKey({ path: { id: ideaId } }) });
    void queryClient.invalidateQueries();
  };
}
