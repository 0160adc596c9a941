import { useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { getMyReviewQueueOptions, type QueueItemDto } from '@eclore/api-client';
import { Page } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { problemMessage } from '../../app/errors';
import { AbsencesPanel } from './AbsencesPanel';
import { NetworkView } from './NetworkView';
import { useLocale, useReviewQueueText } from './i18n';
import './review-queue.css';
import { useAppText } from '../../app/i18n';
import { messageFor } from '../../app/errors';

const TABS = ['toReview', 'overdue', 'done'] as const;
type Tab = (typeof TABS)[number];

/** "My review queue": the member's own reviews in three tabs, the network view for reassignment, their absences. */
export default function ReviewQueuePage() {
  const s = useReviewQueueText();
  const app = useAppText();
  useDocumentTitle(s.title);
  const focus = useFocusHeadingOnMount();
  const queue = useQuery(getMyReviewQueueOptions());
  const [tab, setTab] = useState<Tab>('toReview');
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  // Arrow keys move between tabs (WAI-ARIA tabs pattern, automatic activation).
  const onKey = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + TABS.length) % TABS.length;
    setTab(TABS[next]!);
    tabs.current[next]?.focus();
  };
  return (
    <Page
      title={s.title}
      lead={s.lead}
      focusOnMount={focus}
      loading={queue.isPending ? app.app.loading : null}
      error={queue.isError ? problemMessage(app.problems, queue.error) : null}
    >
      {queue.data ? (
        <div className="ec-review-queue">
          <div role="tablist" aria-label={s.tabsLabel} className="ec-tabs">
            {TABS.map((key, i) => (
              <button
                key={key}
                ref={(el) => {
                  tabs.current[i] = el;
                }}
                type="button"
                role="tab"
                id={`review-tab-${key}`}
                aria-selected={tab === key}
                aria-controls={`review-panel-${key}`}
                tabIndex={tab === key ? 0 : -1}
                className={['ec-tab', tab === key ? 'ec-tab--active' : null].filter(Boolean).join(' ')}
                onClick={() => setTab(key)}
                onKeyDown={(e) => onKey(e, i)}
              >
                {s.tabs[key]} <span className="ec-tab__count">{queue.data.counts[key]}</span>
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`review-panel-${tab}`} aria-labelledby={`review-tab-${tab}`} tabIndex={0}>
            <QueueTable items={queue.data[tab]} tab={tab} />
          </div>
        </div>
      ) : null}
      <NetworkView />
      <AbsencesPanel />
    </Page>
  );
}

function QueueTable({ items, tab }: { items: readonly QueueItemDto[]; tab: Tab }) {
  const s = useReviewQueueText();
  const date = new Intl.DateTimeFormat(useLocale(), { dateStyle: 'medium' });
  if (items.length === 0) return <p>{s.empty[tab]}</p>;
  const done = tab === 'done';
  return (
    <div className="ec-table-wrap">
      <table className="ec-table ec-data-table--list">
        <caption className="ec-visually-hidden">{s.tabs[tab]}</caption>
        <thead>
          <tr>
            <th scope="col">{s.idea}</th>
            <th scope="col">{s.unit}</th>
            <th scope="col">{s.assignedAt}</th>
            <th scope="col">{done ? s.endedAt : s.dueAt}</th>
            {done ? <th scope="col">{s.endReason}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const when = done ? (item.scorecardSubmittedAt ?? item.endedAt) : item.dueAt;
            const reason = item.scorecardSubmittedAt
              ? s.scored
              : item.endReason
                ? (messageFor(s.endReasons, item.endReason) ?? item.endReason)
                : '—';
            return (
              <tr key={item.id}>
                <th scope="row">
                  <Link to={`/ideas/${item.idea.id}`}>{item.idea.title}</Link>
                </th>
                <td data-label={s.unit}>{item.idea.orgUnitName ?? '—'}</td>
                <td data-label={s.assignedAt}>
                  <time dateTime={item.assignedAt}>{date.format(new Date(item.assignedAt))}</time>
                </td>
                <td data-label={done ? s.endedAt : s.dueAt}>
                  {when ? <time dateTime={when}>{date.format(new Date(when))}</time> : '—'}
                </td>
                {done ? <td data-label={s.endReason}>{reason}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
