import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listLateIdeasOptions, type LateIdeaDto } from '@eclore/api-client';
import { BarChartFigure, Page } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { problemMessage } from '../../app/errors';
import { useIdeasText } from '../ideas/i18n';
import { useLocale, useDeadlinesText } from './i18n';
import './deadlines.css';
import { useAppText } from '../../app/i18n';

/** How many ideas the chart compares (the table lists them all). */
const CHARTED = 15;

const mostDaysLate = (item: LateIdeaDto) => Math.max(...item.overdue.map((o) => o.daysLate));

/** The network's late ideas (within the member's or lead's scope): a chart of days late, then the list. */
export default function LatePage() {
  const s = useDeadlinesText();
  const ideasText = useIdeasText();
  const locale = useLocale();
  const app = useAppText();
  useDocumentTitle(s.late_page.title);
  const focus = useFocusHeadingOnMount();
  const late = useQuery(listLateIdeasOptions());
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const items = late.data?.items ?? [];
  return (
    <Page
      title={s.late_page.title}
      lead={s.late_page.lead}
      focusOnMount={focus}
      loading={late.isPending ? app.app.loading : null}
      error={late.isError ? problemMessage(app.problems, late.error) : null}
    >
      {late.isSuccess && items.length === 0 ? <p>{s.late_page.empty}</p> : null}
      {items.length > 0 ? (
        <>
          <LateChart items={items.slice(0, CHARTED)} />
          <div className="ec-table-wrap">
            <table className="ec-table ec-data-table--list">
              <caption>{s.late_page.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{s.late_page.idea}</th>
                  <th scope="col">{s.late_page.stage}</th>
                  <th scope="col">{s.late_page.deadline}</th>
                  <th scope="col">{s.late_page.dueAt}</th>
                  <th scope="col">{s.late_page.daysLate}</th>
                </tr>
              </thead>
              <tbody>
                {items.flatMap((item) =>
                  item.overdue.map((o, i) => (
                    <tr key={`${item.ideaId}-${o.kind}`}>
                      {i === 0 ? (
                        <th scope="row" rowSpan={item.overdue.length}>
                          <Link to={`/ideas/${item.ideaId}`}>{item.title}</Link>
                        </th>
                      ) : null}
                      {i === 0 ? (
                        <td rowSpan={item.overdue.length} data-label={s.late_page.stage}>
                          {ideasText.status[item.status]}
                        </td>
                      ) : null}
                      <td data-label={s.late_page.deadline}>{s.kinds[o.kind]}</td>
                      <td data-label={s.late_page.dueAt}>
                        <time dateTime={o.dueAt}>{date.format(new Date(o.dueAt))}</time>
                      </td>
                      <td data-label={s.late_page.daysLate}>{s.late_page.days(o.daysLate)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
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
