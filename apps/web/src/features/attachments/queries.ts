import { listIdeaAttachmentsQueryKey } from '@eclore/api-client';
import { useInvalidate } from '../../app/queries';

/** After a file is attached to the idea or removed. */
export function useAttachmentsChanged(ideaId: string): () => Promise<void> {
  return useInvalidate(() => [listIdeaAttachmentsQueryKey({ path: { id: ideaId } })]);
}
