import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listLateFieldReviewsOptions, listMyFieldReviewsOptions, type FieldReviewItemDto } from '@eclore/api-client';
import { Panel } from '@eclore/web-ui';
import { useFieldReviewsText } from './i18n';

function ReviewLinks({ items, meta }: { items: FieldReviewItemDto[]; meta: (i: FieldReviewItemDto) => string }) {
  const s = useFieldReviewsText();
  return (
    <ul className="ec-home-list">
      {items.map((i) => (
        <li key={i.reviewId}>
          <Link to={`/ideas/${i.ideaId}#field-reviews`}>{s.mine.item(i.ideaTitle, i.monthsAfterGoLive)}</Link>
          <span className="ec-home-list__meta">{meta(i)}</span>
        </li>
      ))}
    </ul>
  );
}

/** "Reviews to answer" on the person's home: shown only when they are asked something. */
export function MyFieldReviews() {
  const s = useFieldReviewsText();
  const mine = useQuery(listMyFieldReviewsOptions());
  const items = mine.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Panel title={s.mine.title}>
      <ReviewLinks items={items} meta={(i) => s.states[i.state]} />
    </Panel>
  );
}

/** The network's late reviews in its scope, on its home: shown only when there are some. */
export function LateFieldReviews() {
  const s = useFieldReviewsText();
  const late = useQuery(listLateFieldReviewsOptions());
  const items = late.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Panel title={s.late.title}>
      <ReviewLinks items={items} meta={(i) => s.late.days(i.daysSinceDue)} />
    </Panel>
  );
}
