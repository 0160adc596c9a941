import {
  getIdeaAssignmentsQueryKey,
  getIdeaTimelineQueryKey,
  getMyReviewQueueQueryKey,
  getNetworkReviewQueueQueryKey,
  listMyAbsencesQueryKey,
} from '@eclore/api-client';
import { useInvalidate } from '../../app/queries';

/** After an absence is declared or removed. */
export function useAbsencesChanged(): () => Promise<void> {
  return useInvalidate(() => [listMyAbsencesQueryKey()]);
}

/** After reviews move between reviewers: my queue and every view of the network's. */
export function useReviewQueuesChanged(): () => Promise<void> {
  return useInvalidate(() => [getMyReviewQueueQueryKey(), getNetworkReviewQueueQueryKey().slice(0, 1)]);
}

/** After an idea's reviewers change (qualification started): its assignments and its timeline. */
export function useIdeaReviewersChanged(ideaId: string): () => Promise<void> {
  return useInvalidate(() => [
    getIdeaAssignmentsQueryKey({ path: { id: ideaId } }),
    getIdeaTimelineQueryKey({ path: { id: ideaId } }),
  ]);
}
