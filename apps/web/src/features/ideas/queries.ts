import { getIdeaQueryKey, getIdeaTimelineQueryKey, listMyIdeasQueryKey, type IdeaDto } from '@eclore/api-client';
import { useInvalidate, useSetQueryData } from '../../app/queries';

/** After a change to my ideas (co-authorship accepted or declined, a draft saved). */
export function useMyIdeasChanged(): () => Promise<void> {
  return useInvalidate(() => [listMyIdeasQueryKey()]);
}

/** After a draft is saved or submitted, which answers the idea: cached, and my ideas refreshed. */
export function useDraftSaved(): (saved: IdeaDto) => void {
  const setData = useSetQueryData<IdeaDto>();
  const refresh = useMyIdeasChanged();
  return (saved) => {
    setData(getIdeaQueryKey({ path: { id: saved.id } }), saved);
    void refresh();
  };
}

/** After a lifecycle command on the idea (submit, withdraw), which answers it: cached, timeline refreshed. */
export function useIdeaChanged(ideaId: string): (updated: IdeaDto) => void {
  const setData = useSetQueryData<IdeaDto>();
  const refresh = useInvalidate(() => [getIdeaTimelineQueryKey({ path: { id: ideaId } })]);
  return (updated) => {
    setData(getIdeaQueryKey({ path: { id: ideaId } }), updated);
    void refresh();
  };
}
