import { useId } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  followIdeaMutation,
  getIdeaEngagementOptions,
  getIdeaEngagementQueryKey,
  supportIdeaMutation,
  unfollowIdeaMutation,
  withdrawIdeaSupportMutation,
  type EngagementDto,
  type IdeaDto,
} from '@eclore/api-client';
import { Button } from '@eclore/web-ui';
import { CommentsThread } from './CommentsThread';
import { MergeButton } from './MergeDialog';
import { ReportButton } from './ReportDialog';
import { closedText, useEngagementText } from './i18n';
import './engagement.css';

/**
 * The idea page's engagement block (an IdeaExtensions entry): "me too" support with its count,
 * follow, report, the network's merge, then the comment threads.
 */
export function EngagementPanel({ idea }: { idea: IdeaDto }) {
  const s = useEngagementText();
  const queryClient = useQueryClient();
  const key = getIdeaEngagementQueryKey({ path: { id: idea.id } });
  const state = useQuery(getIdeaEngagementOptions({ path: { id: idea.id } }));
  const reasonId = useId();
  const patch = (change: Partial<EngagementDto>) =>
    queryClient.setQueryData<EngagementDto>(key, (old) => (old ? { ...old, ...change } : old));
  const support = useMutation({ ...supportIdeaMutation(), onSuccess: (d) => patch(d) });
  const withdraw = useMutation({ ...withdrawIdeaSupportMutation(), onSuccess: (d) => patch(d) });
  const follow = useMutation({ ...followIdeaMutation(), onSuccess: (d) => patch(d) });
  const unfollow = useMutation({ ...unfollowIdeaMutation(), onSuccess: (d) => patch(d) });

  const data = state.data;
  if (!data) return state.isError ? <p role="alert">{s.errors.generic}</p> : <p role="status">…</p>;
  const supportLabel = idea.kind === 'problem' ? s.support.problem : s.support.solution;
  const supportBusy = support.isPending || withdraw.isPending;
  const failed = support.error ?? withdraw.error ?? follow.error ?? unfollow.error;
  // Authors see the count without a button; a closed phase shows the button disabled with why.
  const showSupport = data.canSupport.allowed || data.supported || data.canSupport.reason !== 'own_idea';

  return (
    <section className="ec-engagement" aria-label={s.panel}>
      {data.mergedIntoId ? (
        <p className="ec-engagement__note" role="note">
          {s.merge.mergedInto} <a href={`/ideas/${data.mergedIntoId}`}>{s.merge.seeTarget}</a>
        </p>
      ) : null}
      <div className="ec-engagement__bar">
        {showSupport ? (
          <Button
            variant={data.supported ? 'primary' : 'secondary'}
            aria-pressed={data.supported}
            aria-describedby={data.canSupport.allowed ? undefined : reasonId}
            disabled={!data.canSupport.allowed || supportBusy}
            onClick={() => (data.supported ? withdraw : support).mutate({ path: { id: idea.id } })}
          >
            {supportLabel} · {data.supportCount}
          </Button>
        ) : null}
        <span className="ec-engagement__muted" aria-live="polite">
          {s.support.count(data.supportCount)}
        </span>
        <Button
          variant="secondary"
          aria-pressed={data.following}
          disabled={follow.isPending || unfollow.isPending}
          onClick={() => (data.following ? unfollow : follow).mutate({ path: { id: idea.id } })}
        >
          {data.following ? s.follow.following : s.follow.follow}
        </Button>
        <span className="ec-engagement__muted">{s.follow.count(data.followerCount)}</span>
        <ReportButton targetType="idea" targetId={idea.id} label={s.report.idea} />
        {data.canMerge ? <MergeButton ideaId={idea.id} /> : null}
      </div>
      {!data.canSupport.allowed ? (
        <p id={reasonId} className="ec-engagement__muted">
          {closedText(s, data.canSupport.reason)}
        </p>
      ) : null}
      {failed ? <p role="alert">{closedText(s, (failed as { code?: string }).code)}</p> : null}
      <CommentsThread
        ideaId={idea.id}
        canComment={data.canComment.allowed}
        closedReason={data.canComment.allowed ? null : closedText(s, data.canComment.reason)}
      />
    </section>
  );
}
