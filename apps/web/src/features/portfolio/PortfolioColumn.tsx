import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listPortfolioColumnInfiniteOptions, type PortfolioCardDto, type PortfolioColumnDto } from '@eclore/api-client';
import { IDEA_STATUS_LABELS } from '@eclore/domain';
import { Button } from '@eclore/web-ui';
import { useLocale, usePortfolioText } from './i18n';

export const PAGE_SIZE = 10;

/**
 * One column of the board: a labelled region with its heading and count, its cards as a list of
 * links, and "load more" by the column's keyset cursor (same filters).
 */
export function PortfolioColumn({ column, query }: { column: PortfolioColumnDto; query: Record<string, string> }) {
  const s = usePortfolioText();
  const locale = useLocale();
  const [started, setStarted] = useState(false);
  const label = IDEA_STATUS_LABELS[column.status][locale];
  // The next pages start from the board's cursor, which is part of the query key.
  const more = useInfiniteQuery({
    ...listPortfolioColumnInfiniteOptions({
      path: { status: column.status },
      query: { ...query, limit: PAGE_SIZE, ...(column.nextCursor ? { cursor: column.nextCursor } : {}) },
    }),
    initialPageParam: { path: { status: column.status } },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: started && column.nextCursor !== null,
  });
  const items = [...column.items, ...(more.data?.pages.flatMap((p) => p.items) ?? [])];
  const hasMore = started ? more.hasNextPage : column.nextCursor !== null;
  const loading = more.isFetching;
  const headingId = `portfolio-col-${column.status}`;
  return (
    <section className="ec-portfolio-column" aria-labelledby={headingId} data-status={column.status}>
      <h3 id={headingId} className="ec-portfolio-column__title">
        {label} <span className="ec-portfolio-column__count">({s.board.count(column.count)})</span>
      </h3>
      {items.length === 0 ? (
        <p className="ec-portfolio-column__empty">{s.board.empty}</p>
      ) : (
        <ul className="ec-portfolio-column__list" aria-labelledby={headingId}>
          {items.map((card) => (
            <li key={card.id}>
              <PortfolioCard card={card} />
            </li>
          ))}
        </ul>
      )}
      {hasMore ? (
        <Button
          variant="secondary"
          disabled={loading}
          onClick={() => (started ? void more.fetchNextPage() : setStarted(true))}
        >
          {loading ? s.board.loadingMore : s.board.loadMore(label)}
        </Button>
      ) : null}
    </section>
  );
}

/** A card names no author: the board shows nobody (anonymous ideas stay anonymous). */
function PortfolioCard({ card }: { card: PortfolioCardDto }) {
  const s = usePortfolioText();
  const locale = useLocale();
  const date = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
  const score = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
  return (
    <article className="ec-portfolio-card" aria-labelledby={`portfolio-card-${card.id}`} data-late={card.late}>
      <h4 className="ec-portfolio-card__title" id={`portfolio-card-${card.id}`}>
        <Link to={`/ideas/${card.id}`}>{card.title}</Link>
      </h4>
      <p className="ec-portfolio-card__facts">
        <span className={`ec-wall-badge ec-wall-badge--${card.kind}`}>{s.card.kinds[card.kind]}</span>
        <span>
          <time dateTime={card.since}>{s.card.since(date(card.since))}</time>
        </span>
        <span>{s.card.supports(card.supportCount)}</span>
        {card.orgUnit ? <span>{card.orgUnit.name}</span> : null}
        {card.weightedScore !== null ? (
          <span>{s.card.score(score(card.weightedScore), card.reviewerCount)}</span>
        ) : null}
        {card.dueAt ? (
          <span>
            <time dateTime={card.dueAt}>{s.card.due(date(card.dueAt))}</time>
          </span>
        ) : null}
        {card.late ? <span className="ec-portfolio-card__late">{s.card.late}</span> : null}
        {card.progress !== null ? <span data-testid="card-progress">{s.card.progress(card.progress)}</span> : null}
        {card.projectStatus ? (
          <span className={`ec-portfolio-card__project ec-portfolio-card__project--${card.projectStatus}`}>
            {s.card.projectStatus[card.projectStatus]}
          </span>
        ) : null}
      </p>
    </article>
  );
}
