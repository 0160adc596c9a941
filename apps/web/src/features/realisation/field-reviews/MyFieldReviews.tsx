import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listLateFieldReviewsOptions, listMyFieldReviewsOptions, type FieldReviewItemDto } from '@eclore/api-client';
import { Panel } from '@eclore/web-ui';
import { useFieldReviewsText } from './i18n';

/** A home panel listing field reviews, each linking to its idea's reviews; nothing when the list is empty. */
function ReviewsPanel({
  title,
  items,
  meta,
}: {
  title: string;
  items: FieldReviewItemDto[];
  meta: (i: FieldReviewItemDto) => string;
}) {
  const s = useFieldReviewsText();
  if (items.length === 0) return null;
  return (
    <Panel title={title}>
      <ul className="ec-home-list">
        {items.map((i) => (
          <li key={i.reviewId}>
            <Link to={`/ideas/${i.ideaId}#field-reviews`}>{s.mine.item(i.ideaTitle, i.monthsAfterGoLive)}</Link>
            <span className="ec-home-list__meta">{meta(i)}</span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

/** "Reviews to answer" on the person's home: shown only when they are asked something. */
export function MyFieldReviews() {
  const s = useFieldReviewsText();
  const mine = useQuery(listMyFieldReviewsOptions());
  return <ReviewsPanel title={s.mine.title} items={mine.data?.items ?? []} meta={(i) => s.states[i.state]} />;
}

/** The network's late reviews in its scope, on its home: shown only when there are some. */
export function LateFieldReviews() {
  const s = useFieldReviewsText();
  const late = useQuery(listLateFieldReviewsOptions());
  return <ReviewsPanel title={s.late.title} items={late.data?.items ?? []} meta={(i) => s.late.days(i.daysSinceDue)} />;
}
