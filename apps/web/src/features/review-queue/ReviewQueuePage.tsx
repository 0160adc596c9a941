import { useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { getMyReviewQueueOptions, type QueueItemDto } from '@eclore/api-client';
import { DataTable, Page, type DataTableColumn } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { AbsencesPanel } from './AbsencesPanel';
import { NetworkView } from './NetworkView';
import { useLocale, useReviewQueueText } from './i18n';
import './review-queue.css';
import { messageFor } from '../../app/errors';
import { usePageState } from '../../app/page-state';

const TABS = ['toReview', 'overdue', 'done'] as const;
type Tab = (typeof TABS)[number];

/** "My review queue": the member's own reviews in three tabs, the network view for reassignment, their absences. */
export default function ReviewQueuePage() {
  const s = useReviewQueueText();
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
  const state = usePageState(queue);
  return (
    <Page title={s.title} lead={s.lead} focusOnMount={focus} {...state}>
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
  const done = tab === 'done';
  const day = (iso: string | null | undefined) =>
    iso ? <time dateTime={iso}>{date.format(new Date(iso))}</time> : '—';
  const reason = (item: QueueItemDto) =>
    item.scorecardSubmittedAt
      ? s.scored
      : item.endReason
        ? (messageFor(s.endReasons, item.endReason) ?? item.endReason)
        : '—';
  const columns: DataTableColumn<QueueItemDto>[] = [
    {
      key: 'idea',
      header: s.idea,
      rowHeader: true,
      cell: (item) => <Link to={`/ideas/${item.idea.id}`}>{item.idea.title}</Link>,
    },
    { key: 'unit', header: s.unit, cell: (item) => item.idea.orgUnitName ?? '—' },
    { key: 'assigned', header: s.assignedAt, cell: (item) => day(item.assignedAt) },
    {
      key: 'when',
      header: done ? s.endedAt : s.dueAt,
      cell: (item) => day(done ? (item.scorecardSubmittedAt ?? item.endedAt) : item.dueAt),
    },
    ...(done ? [{ key: 'reason', header: s.endReason, cell: reason }] : []),
  ];
  return (
    <DataTable
      narrow="list"
      caption={s.tabs[tab]}
      captionHidden
      columns={columns}
      rows={items}
      rowKey={(item) => item.id}
      empty={s.empty[tab]}
    />
  );
}
