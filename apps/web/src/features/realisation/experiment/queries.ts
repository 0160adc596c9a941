import { getExperimentQueryKey, type ExperimentViewDto } from '@eclore/api-client';
import { useInvalidateOperations, useSetQueryData } from '../../../app/queries';

/** After an experiment command (which answers the experiment as it is now): cache it, refresh the idea. */
export function useExperimentChanged(ideaId: string): (view: ExperimentViewDto) => void {
  const setData = useSetQueryData<ExperimentViewDto>();
  // An outcome may stop the idea; attachments gain the uploaded photo.
  const refresh = useInvalidateOperations(['getIdea', 'listIdeaAttachments', 'getIdeaTimeline']);
  return (view) => {
    setData(getExperimentQueryKey({ path: { id: ideaId } }), view);
    void refresh();
  };
}
