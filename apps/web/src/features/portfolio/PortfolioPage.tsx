import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { getPortfolioOptions } from '@eclore/api-client';
import { IDEA_STATUS_LABELS, holdsRole } from '@eclore/domain';
import { Alert, Button, PageHeader, SelectField } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { useSession } from '../../session/session';
import { IdeaFilterFields } from '../wall';
import '../wall/wall.css';
import { PAGE_SIZE, PortfolioColumn } from './PortfolioColumn';
import { portfolioFiltersFromParams, portfolioQuery, type PortfolioFilters } from './portfolio-params';
import { StageChart } from './StageChart';
import { useLocale, usePortfolioText } from './i18n';
import './portfolio.css';

/**
 * The portfolio board for the network and the committee: every idea in their scope by stage, filters
 * in the address bar, a chart of the counts, "load more" per column. Read-only: no drag and drop,
 * stage changes are the lifecycle commands on the idea page.
 */
export default function PortfolioPage() {
  const s = usePortfolioText();
  const locale = useLocale();
  useDocumentTitle(s.title);
  const focus = useFocusHeadingOnMount();
  const me = useSession().actor;
  const [params, setParams] = useSearchParams();
  const filters = portfolioFiltersFromParams(params);
  const query = portfolioQuery(filters);
  const board = useQuery(getPortfolioOptions({ query: { ...query, limit: PAGE_SIZE } }));
  const apply = (next: Partial<PortfolioFilters>) => setParams(portfolioQuery({ ...filters, ...next }));

  const columns = board.data?.columns ?? [];
  const main = columns.filter((c) => c.group === 'stage');
  const others = columns.filter((c) => c.group !== 'stage');
  const othersCount = others.reduce((n, c) => n + c.count, 0);

  return (
    <>
      <PageHeader title={s.title} lead={s.lead} focusOnMount={focus} />
      <fieldset className="ec-wall-filters">
        <legend className="ec-visually-hidden">{s.filters.label}</legend>
        <IdeaFilterFields values={filters} onChange={apply} />
        {me && holdsRole(me, 'network_member') ? (
          <SelectField
            label={s.filters.assignee}
            value={filters.assigneeId === me.personId ? me.personId : ''}
            onChange={(e) => apply({ assigneeId: e.target.value })}
          >
            <option value="">{s.filters.anyAssignee}</option>
            <option value={me.personId}>{s.filters.mine}</option>
          </SelectField>
        ) : null}
        <SelectField
          label={s.filters.late}
          value={filters.late}
          onChange={(e) => apply({ late: e.target.value as PortfolioFilters['late'] })}
        >
          <option value="">{s.filters.anyLate}</option>
          <option value="true">{s.filters.lateOnly}</option>
          <option value="false">{s.filters.onTime}</option>
        </SelectField>
        {Object.keys(query).length > 0 ? (
          <Button variant="secondary" onClick={() => setParams({})}>
            {s.filters.reset}
          </Button>
        ) : null}
      </fieldset>
      {board.isError ? <Alert tone="error">{s.board.error}</Alert> : null}
      {board.isPending ? <p role="status">{s.board.loading}</p> : null}
      {board.data ? (
        <div aria-busy={board.isFetching}>
          <p role="status" className="ec-portfolio-total">
            {s.board.total(board.data.total)}
          </p>
          <StageChart
            counts={[...main, ...others.filter((c) => c.group === 'waiting')].map((c) => ({
              label: IDEA_STATUS_LABELS[c.status][locale],
              count: c.count,
            }))}
          />
          <h2 className="ec-visually-hidden">{s.board.label}</h2>
          <div className="ec-portfolio-board">
            {main.map((column) => (
              <PortfolioColumn key={column.status} column={column} query={query} />
            ))}
          </div>
          <details className="ec-portfolio-others">
            <summary>{s.board.others(othersCount)}</summary>
            <div className="ec-portfolio-board">
              {others.map((column) => (
                <PortfolioColumn key={column.status} column={column} query={query} />
              ))}
            </div>
          </details>
        </div>
      ) : null}
    </>
  );
}
