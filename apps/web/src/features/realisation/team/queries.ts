import { getIdeaTeamQueryKey, listMyTeamInvitationsQueryKey, type TeamDto } from '@eclore/api-client';
import { useCacheAnswer, useInvalidate } from '../../../app/queries';

/** After a team command (which answers the team as it now is): cache it, refresh my invitations. */
export function useTeamChanged(ideaId: string): (team: TeamDto) => void {
  const refresh = useInvalidate(() => [listMyTeamInvitationsQueryKey()]);
  return useCacheAnswer<TeamDto>(getIdeaTeamQueryKey({ path: { id: ideaId } }), refresh);
}
