import { useDeferredValue, useEffect, useState, type FormEvent } from 'react';
import { useInfiniteQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { isApiError, listWallInfiniteOptions, type WallPageDto } from '@eclore/api-client';
import { IDEA_STATUS_LABELS } from '@eclore/domain';
import { Alert, Button, optionsOf, PageHeader, SelectField, TextField } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { mediumDate } from '../../i18n/format';
import { i18n } from '../../i18n/i18n';
import { localeOf } from '../../i18n/text';
import { useLocale, useWallText } from './i18n';
import { IdeaFilterFields } from './IdeaFilterFields';
import { WallCard } from './WallCard';
import {
  effectiveSort,
  filtersFromParams,
  paramsFromFilters,
  WALL_SORTS,
  WALL_STAGES,
  type WallFilters,
} from './wall-params';
import './wall.css';

const PAGE_SIZE = 20;

/** The wall's query for the filters in an address; the page and its prefetch share it (one cache entry). */
function wallQuery(filters: WallFilters) {
  const query = paramsFromFilters(filters);
  return {
    query,
    options: {
      ...listWallInfiniteOptions({ query: { ...query, limit: PAGE_SIZE } }),
      initialPageParam: {},
      getNextPageParam: (last: WallPageDto) => last.nextCursor ?? undefined,
    },
  };
}

/**
 * Asks for the wall's first page before the page renders (main.tsx, once the session is known). While
 * it travels, the cards' date formatter is built in a task of its own: the first Intl.DateTimeFormat
 * of a page load (ICU's locale data) was the app's largest piece of the cards' render task, about
 * 135 ms at Lighthouse's 4× slowdown (docs/performance.md).
 */
export function prefetch(client: QueryClient, search: URLSearchParams): Promise<void> {
  const request = client.prefetchInfiniteQuery(wallQuery(filtersFromParams(search)).options);
  setTimeout(() => mediumDate(localeOf(i18n), new Date().toISOString()), 0);
  return request;
}

/** The wall: public ideas, searched and filtered in the address bar (shareable), "load more" by cursor. */
export default function WallPage() {
  const s = useWallText();
  const locale = useLocale();
  useDocumentTitle(s.title);
  const focus = useFocusHeadingOnMount();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const [draftQ, setDraftQ] = useState(filters.q);
  useEffect(() => setDraftQ(filters.q), [filters.q]);

  const { query, options: wallOptions } = wallQuery(filters);
  const wall = useInfiniteQuery(wallOptions);
  // The cards render in the background (a deferred value, interruptible): building 20 cards was one
  // long task on a phone's CPU when the first page arrived (Lighthouse's blocking time, issue 12).
  const pages = useDeferredValue(wall.data?.pages);
  const items = pages?.flatMap((page) => page.items) ?? [];
  const pending = wall.isPending || (wall.data !== undefined && pages === undefined);
  const filtered = Object.keys(query).some((k) => k !== 'sort');

  // A trending cursor outlives its snapshot after ~30 minutes: start again from the top.
  const expired = isApiError(wall.error) && wall.error.errorsFor('cursor').some((f) => f.code === 'expiredCursor');
  // The server stopped a search that ran too long (statement timeout): say how to narrow it.
  const tooBroad = isApiError(wall.error) && wall.error.errorsFor('q').some((f) => f.code === 'searchTooBroad');
  const queryClient = useQueryClient();
  const wallKey = JSON.stringify(wallOptions.queryKey);
  useEffect(() => {
    // Reset, not refetch: a refetch would replay the expired cursor of the pages already loaded.
    if (expired) void queryClient.resetQueries({ queryKey: JSON.parse(wallKey) as unknown[], exact: true });
  }, [expired, queryClient, wallKey]);

  const apply = (next: Partial<WallFilters>) => setParams(paramsFromFilters({ ...filters, ...next }));
  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply({ q: draftQ });
  };
  const sorts = WALL_SORTS.filter((sort) => sort !== 'relevance' || filters.q.trim());

  return (
    <>
      <PageHeader title={s.title} lead={s.lead} focusOnMount={focus} />
      <p>
        <Link className="ec-button ec-button--primary" to="/ideas/new">
          {s.newIdea}
        </Link>
      </p>
      <form role="search" className="ec-wall-search" onSubmit={onSearch}>
        <TextField
          label={s.search.label}
          type="search"
          name="q"
          value={draftQ}
          maxLength={200}
          placeholder={s.search.placeholder}
          hint={s.search.hint}
          onChange={(e) => setDraftQ(e.target.value)}
        />
        <Button type="submit">{s.search.submit}</Button>
      </form>
      <fieldset className="ec-wall-filters">
        <legend className="ec-visually-hidden">{s.filters.label}</legend>
        <IdeaFilterFields
          values={filters}
          onChange={apply}
          afterKind={
            <SelectField
              label={s.filters.stage}
              value={filters.stage}
              onChange={(e) => apply({ stage: e.target.value as WallFilters['stage'] })}
              placeholder={s.filters.anyStage}
              options={WALL_STAGES.map((stage) => ({ value: stage, label: IDEA_STATUS_LABELS[stage][locale] }))}
            />
          }
        />
        <SelectField
          label={s.filters.sort}
          value={effectiveSort(filters)}
          onChange={(e) => apply({ sort: e.target.value as WallFilters['sort'] })}
          options={optionsOf(sorts, s.sorts)}
        />
        {filtered ? (
          <Button variant="secondary" onClick={() => setParams({})}>
            {s.filters.reset}
          </Button>
        ) : null}
      </fieldset>

      {expired ? <Alert tone="info">{s.results.expired}</Alert> : null}
      {tooBroad ? <Alert tone="info">{s.results.tooBroad}</Alert> : null}
      {wall.isError && !expired && !tooBroad ? <Alert tone="error">{s.results.error}</Alert> : null}
      <div aria-live="polite" aria-busy={wall.isFetching}>
        {pending ? (
          <p role="status">{s.results.loading}</p>
        ) : items.length === 0 ? (
          <p role="status">{filtered ? s.results.noMatch : s.results.none}</p>
        ) : (
          <ul className="ec-wall-list" aria-label={s.results.caption}>
            {items.map((idea) => (
              <li key={idea.id}>
                <WallCard idea={idea} />
              </li>
            ))}
          </ul>
        )}
      </div>
      {wall.hasNextPage ? (
        <Button variant="secondary" disabled={wall.isFetchingNextPage} onClick={() => void wall.fetchNextPage()}>
          {wall.isFetchingNextPage ? s.results.loadingMore : s.results.loadMore}
        </Button>
      ) : null}
    </>
  );
}
