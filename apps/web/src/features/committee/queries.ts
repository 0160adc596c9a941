import {
  getCommitteeSessionQueryKey,
  listCommitteeSessionsQueryKey,
  type CommitteeSessionDto,
} from '@eclore/api-client';
import { useCacheAnswer, useInvalidate, useInvalidateOperations } from '../../app/queries';

/**
 * After a command on a session, which answers the session as it now is: the answer is cached and
 * the views built around it (suggestions, pre-reading pack, prioritisation, the list) refreshed.
 */
export function useSessionChanged(id: string): (session: CommitteeSessionDto) => void {
  const refresh = useInvalidateOperations([
    'listAgendaSuggestions',
    'getPreReadingPack',
    'getPrioritisation',
    'listCommitteeSessions',
  ]);
  return useCacheAnswer<CommitteeSessionDto>(getCommitteeSessionQueryKey({ path: { id } }), refresh);
}

/** After a session is created. */
export function useSessionsChanged(): () => Promise<void> {
  return useInvalidate(() => [listCommitteeSessionsQueryKey()]);
}
