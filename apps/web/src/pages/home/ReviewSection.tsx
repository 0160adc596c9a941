import { Link } from 'react-router';
import { getMyReviewQueueOptions } from '@eclore/api-client';
import { HomeList, HomeSection, SHOWN } from './HomeSection';
import { useHomeText } from './i18n';

/** What awaits my review: the overdue first, then the oldest to review (the queue's own order). */
export function ReviewSection() {
  const text = useHomeText();
  return (
    <HomeSection section="review" to="/review-queue" options={getMyReviewQueueOptions()}>
      {(queue) => (
        <>
          <p>{text.review.counts({ toReview: queue.counts.toReview, overdue: queue.counts.overdue })}</p>
          <HomeList
            items={[...queue.overdue, ...queue.toReview].slice(0, SHOWN)}
            itemKey={(item) => item.id}
            empty={text.review.empty}
          >
            {(item) => (
              <>
                <Link to={`/ideas/${item.ideaId}`}>{item.idea.title}</Link>
                {item.overdue ? <span className="ec-home-list__meta">{text.review.overdue}</span> : null}
              </>
            )}
          </HomeList>
        </>
      )}
    </HomeSection>
  );
}
