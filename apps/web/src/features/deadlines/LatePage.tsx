import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listLateIdeasOptions, type LateIdeaDto } from '@eclore/api-client';
import { BarChartFigure, DataTable, Page, type DataTableColumn } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { useIdeasText } from '../ideas/i18n';
import { useLocale, useDeadlinesText } from './i18n';
import './deadlines.css';
import { usePageState } from '../../app/page-state';

/** How many ideas the chart compares (the table lists them all). */
const CHARTED = 15;

interface LateRow {
  item: LateIdeaDto;
  overdue: LateIdeaDto['overdue'][number];
  first: boolean;
}

const mostDaysLate = (item: LateIdeaDto) => Math.max(...item.overdue.map((o) => o.daysLate));

/** The network's late ideas (within the member's or lead's scope): a chart of days late, then the list. */
export default function LatePage() {
  const s = useDeadlinesText();
  const ideasText = useIdeasText();
  const locale = useLocale();
  useDocumentTitle(s.late_page.title);
  const focus = useFocusHeadingOnMount();
  const late = useQuery(listLateIdeasOptions());
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const items = late.data?.items ?? [];
  // One row per overdue deadline; an idea's first row spans its others.
  const rows: LateRow[] = items.flatMap((item) =>
    item.overdue.map((overdue, i) => ({ item, overdue, first: i === 0 })),
  );
  const spanIdea = (r: LateRow) => (r.first ? r.item.overdue.length : 0);
  const columns: DataTableColumn<LateRow>[] = [
    {
      key: 'idea',
      header: s.late_page.idea,
      rowHeader: true,
      rowSpan: spanIdea,
      cell: (r) => <Link to={`/ideas/${r.item.ideaId}`}>{r.item.title}</Link>,
    },
    { key: 'stage', header: s.late_page.stage, rowSpan: spanIdea, cell: (r) => ideasText.status[r.item.status] },
    { key: 'deadline', header: s.late_page.deadline, cell: (r) => s.kinds[r.overdue.kind] },
    {
      key: 'due',
      header: s.late_page.dueAt,
      cell: (r) => <time dateTime={r.overdue.dueAt}>{date.format(new Date(r.overdue.dueAt))}</time>,
    },
    { key: 'late', header: s.late_page.daysLate, cell: (r) => s.late_page.days(r.overdue.daysLate) },
  ];
  const state = usePageState(late);
  return (
    <Page title={s.late_page.title} lead={s.late_page.lead} focusOnMount={focus} {...state}>
      {late.isSuccess && items.length === 0 ? <p>{s.late_page.empty}</p> : null}
      {items.length > 0 ? (
        <>
          <LateChart items={items.slice(0, CHARTED)} />
          <DataTable
            narrow="list"
            caption={s.late_page.caption}
            columns={columns}
            rows={rows}
            rowKey={(r) => `${r.item.ideaId}-${r.overdue.kind}`}
          />
        </>
      ) : null}
    </Page>
  );
}

/** Days late per idea as bars; hidden from assistive technologies, which get the same numbers as text. */
function LateChart({ items }: { items: readonly LateIdeaDto[] }) {
  const s = useDeadlinesText();
  const data = items.map((i) => ({
    label: i.title.length > 40 ? `${i.title.slice(0, 39)}…` : i.title,
    value: mostDaysLate(i),
  }));
  const summary = s.late_page.chartSummary(
    items.map((i) => `${i.title} ${s.late_page.days(mostDaysLate(i))}`).join(', '),
  );
  return (
    <BarChartFigure
      className="ec-late-chart"
      title={s.late_page.chartTitle}
      summary={summary}
      data={data}
      valueName={s.late_page.daysLate}
      color="var(--ec-color-chart-late)"
      labelWidth={240}
    />
  );
}
