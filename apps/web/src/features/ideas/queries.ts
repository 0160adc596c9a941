import { getIdeaQueryKey, getIdeaTimelineQueryKey, listMyIdeasQueryKey, type IdeaDto } from '@eclore/api-client';
import { useCacheAnswer, useInvalidate } from '../../app/queries';

/** After a change to my ideas (co-authorship accepted or declined, a draft saved). */
export function useMyIdeasChanged(): () => Promise<void> {
  return useInvalidate(() => [listMyIdeasQueryKey()]);
}

/** After a draft is saved or submitted, which answers the idea: cached, and my ideas refreshed. */
export function useDraftSaved(): (saved: IdeaDto) => void {
  const refresh = useMyIdeasChanged();
  return useCacheAnswer<IdeaDto>((saved) => getIdeaQueryKey({ path: { id: saved.id } }), refresh);
}

/** After a lifecycle command on the idea (submit, withdraw), which answers it: cached, timeline refreshed. */
export function useIdeaChanged(ideaId: string): (updated: IdeaDto) => void {
  const refresh = useInvalidate(() => [getIdeaTimelineQueryKey({ path: { id: ideaId } })]);
  return useCacheAnswer<IdeaDto>(getIdeaQueryKey({ path: { id: ideaId } }), refresh);
}
