import { getExperimentQueryKey, type ExperimentViewDto } from '@eclore/api-client';
import { useCacheAnswer, useInvalidateOperations } from '../../../app/queries';

/** After an experiment command (which answers the experiment as it is now): cache it, refresh the idea. */
export function useExperimentChanged(ideaId: string): (view: ExperimentViewDto) => void {
  // An outcome may stop the idea; attachments gain the uploaded photo.
  const refresh = useInvalidateOperations(['getIdea', 'listIdeaAttachments', 'getIdeaTimeline']);
  return useCacheAnswer<ExperimentViewDto>(getExperimentQueryKey({ path: { id: ideaId } }), refresh);
}
