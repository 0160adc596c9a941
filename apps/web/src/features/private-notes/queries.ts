import { listPrivateNotesQueryKey } from '@eclore/api-client';
import { useInvalidate } from '../../app/queries';

/** After a private note on the idea is added. */
export function usePrivateNotesChanged(ideaId: string): () => Promise<void> {
  return useInvalidate(() => [listPrivateNotesQueryKey({ path: { id: ideaId } })]);
}
