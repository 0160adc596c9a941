import { listMyRecognitionsQueryKey } from '@eclore/api-client';
import { useInvalidate, useInvalidateOperations } from '../../app/queries';

/** After a recognition is recorded or dismissed: every page and filter of the recognisers' list. */
export function useRecognitionsChanged(): () => Promise<void> {
  return useInvalidateOperations(['listRecognitions']);
}

/** After the person declines public recognition: their own list, and the ideas' public lists. */
export function useMyRecognitionsChanged(): () => Promise<void> {
  const mine = useInvalidate(() => [listMyRecognitionsQueryKey()]);
  const onIdeas = useInvalidateOperations(['listIdeaRecognitions']);
  return async () => {
    await Promise.all([mine(), onIdeas()]);
  };
}
