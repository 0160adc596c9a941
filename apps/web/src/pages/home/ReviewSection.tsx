import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { getMyReviewQueueOptions } from '@eclore/api-client';
import { Panel } from '@eclore/web-ui';
import { SectionState } from './SectionState';
import { useHomeText } from './i18n';

const SHOWN = 5;

/** What awaits my review: the overdue first, then the oldest to review (the queue's own order). */
export function ReviewSection() {
  const text = useHomeText();
  const queue = useQuery(getMyReviewQueueOptions());
  const items = queue.data ? [...queue.data.overdue, ...queue.data.toReview].slice(0, SHOWN) : [];
  return (
    <Panel title={text.review.title}>
      <SectionState query={queue}>
        {() => (
          <>
            {queue.data ? (
              <p>{text.review.counts({ toReview: queue.data.counts.toReview, overdue: queue.data.counts.overdue })}</p>
            ) : null}
            {items.length === 0 ? (
              <p>{text.review.empty}</p>
            ) : (
              <ul className="ec-home-list">
                {items.map((item) => (
                  <li key={item.id}>
                    <Link to={`/ideas/${item.ideaId}`}>{item.idea.title}</Link>
                    {item.overdue ? <span className="ec-home-list__meta">{text.review.overdue}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </SectionState>
      <Link to="/review-queue">{text.review.open}</Link>
    </Panel>
  );
}
