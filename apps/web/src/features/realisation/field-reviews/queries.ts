import { useMutation } from '@tanstack/react-query';
import { answerFieldReviewMutation, setFieldReviewSettingsMutation } from '@eclore/api-client';
import { useInvalidateOperations } from '../../../app/queries';

/** Answering a review changes the idea's reviews, its history, the person's list and the idea's commands. */
export function useAnswerFieldReview() {
  const refresh = useInvalidateOperations([
    'getIdeaFieldReviews',
    'getIdeaTimeline',
    'listMyFieldReviews',
    'listLateFieldReviews',
    'getIdea',
  ]);
  return useMutation({ ...answerFieldReviewMutation(), onSuccess: () => void refresh() });
}

export function useSaveFieldReviewSettings() {
  const refresh = useInvalidateOperations(['getFieldReviewSettings']);
  return useMutation({ ...setFieldReviewSettingsMutation(), onSuccess: () => void refresh() });
}
