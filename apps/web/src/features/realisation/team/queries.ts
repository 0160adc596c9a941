import { getIdeaTeamQueryKey, listMyTeamInvitationsQueryKey, type TeamDto } from '@eclore/api-client';
import { useInvalidate, useSetQueryData } from '../../../app/queries';

/** After a team command (which answers the team as it now is): cache it, refresh my invitations. */
export function useTeamChanged(ideaId: string): (team: TeamDto) => void {
  const setData = useSetQueryData<TeamDto>();
  const refresh = useInvalidate(() => [listMyTeamInvitationsQueryKey()]);
  return (team) => {
    setData(getIdeaTeamQueryKey({ path: { id: ideaId } }), team);
    void refresh();
  };
}
