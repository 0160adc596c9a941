import {
  getIdeaQueryKey,
  getIdeaScorecardsQueryKey,
  getIdeaTimelineQueryKey,
  type IdeaDto,
  type QualificationViewDto,
} from '@eclore/api-client';
import { useCacheAnswer, useInvalidate, useSetQueryData } from '../../app/queries';

/** After a qualification command, which answers the idea: cached, with its timeline and scorecards refreshed. */
export function useQualificationDone(ideaId: string): (updated: IdeaDto) => void {
  const refresh = useInvalidate(() => [
    getIdeaTimelineQueryKey({ path: { id: ideaId } }),
    getIdeaScorecardsQueryKey({ path: { id: ideaId } }),
  ]);
  return useCacheAnswer<IdeaDto>(getIdeaQueryKey({ path: { id: ideaId } }), refresh);
}

/** After my scorecard is saved or submitted, which answers the qualification view: cached. */
export function useScorecardSaved(ideaId: string): (view: QualificationViewDto) => void {
  const setData = useSetQueryData<QualificationViewDto>();
  return (view) => setData(getIdeaScorecardsQueryKey({ path: { id: ideaId } }), view);
}
