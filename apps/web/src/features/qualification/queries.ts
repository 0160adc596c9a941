import {
  getIdeaQueryKey,
  getIdeaScorecardsQueryKey,
  getIdeaTimelineQueryKey,
  type IdeaDto,
  type QualificationViewDto,
} from '@eclore/api-client';
import { useInvalidate, useSetQueryData } from '../../app/queries';

/** After a qualification command, which answers the idea: cached, with its timeline and scorecards refreshed. */
export function useQualificationDone(ideaId: string): (updated: IdeaDto) => void {
  const setData = useSetQueryData<IdeaDto>();
  const refresh = useInvalidate(() => [
    getIdeaTimelineQueryKey({ path: { id: ideaId } }),
    getIdeaScorecardsQueryKey({ path: { id: ideaId } }),
  ]);
  return (updated) => {
    setData(getIdeaQueryKey({ path: { id: ideaId } }), updated);
    void refresh();
  };
}

/** After my scorecard is saved or submitted, which answers the qualification view: cached. */
export function useScorecardSaved(ideaId: string): (view: QualificationViewDto) => void {
  const setData = useSetQueryData<QualificationViewDto>();
  return (view) => setData(getIdeaScorecardsQueryKey({ path: { id: ideaId } }), view);
}
