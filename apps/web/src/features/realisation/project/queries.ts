import {
  getIdeaLineageQueryKey,
  getIdeaProjectQueryKey,
  getIdeaQueryKey,
  type ProjectViewDto,
} from '@eclore/api-client';
import { useCacheAnswer, useInvalidate, useInvalidateOperations } from '../../../app/queries';

/**
 * Every project command answers the project as it now is: the answer replaces the cached view, and
 * what shows the project elsewhere (the portfolio's cards, the lineage's figures) is refreshed.
 */
export function useProjectChanged(ideaId: string): (view: ProjectViewDto) => void {
  const refresh = useInvalidateOperations(['getPortfolio', 'getIdeaLineage']);
  return useCacheAnswer<ProjectViewDto>(getIdeaProjectQueryKey({ path: { id: ideaId } }), refresh);
}

/** After the go-live (the idea's status changed): the idea, its project and its lineage reload. */
export function useIdeaMoved(ideaId: string): () => Promise<void> {
  return useInvalidate(() => [
    getIdeaQueryKey({ path: { id: ideaId } }),
    getIdeaProjectQueryKey({ path: { id: ideaId } }),
    getIdeaLineageQueryKey({ path: { id: ideaId } }),
  ]);
}
