import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { listMyContributionsOptions, type MyContributionDto } from '@eclore/api-client';
import { Alert, DataTable, Panel } from '@eclore/web-ui';
import { problemMessage } from '../../app/errors';
import { useAppText } from '../../app/i18n';
import { ClaimsSection } from './ClaimsSection';
import { useProfileText } from './i18n';

/**
 * "My contributions" (docs/recognition.md §1): every act of the person recorded in the ledger, their
 * anonymous ones included, which this screen alone shows them with their name.
 */
export function ContributionsPanel() {
  const { i18n } = useTranslation();
  const app = useAppText();
  const text = useProfileText().contributions;
  const contributions = useQuery(listMyContributionsOptions());
  const date = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(iso));
  const lang = (i18n.resolvedLanguage ?? i18n.language).startsWith('en') ? 'en' : 'fr';

  return (
    <Panel title={text.title}>
      <p>{text.lead}</p>
      <p>
        {/* The statement for the annual review, in the interface's language (GET /api/me/contributions.pdf). */}
        <a className="ec-button ec-button--secondary" href={`/api/me/contributions.pdf?lang=${lang}`} download>
          {text.exportPdf}
        </a>
      </p>
      {contributions.isPending ? <p role="status">{app.app.loading}</p> : null}
      {contributions.isError ? <Alert tone="error">{problemMessage(app.problems, contributions.error)}</Alert> : null}
      {contributions.data ? (
        <>
          {contributions.data.totals.length > 0 ? (
            <dl className="ec-facts" data-testid="contribution-totals">
              {contributions.data.totals.map((t) => (
                <div className="ec-facts__row" key={t.kind}>
                  <dt>{text.kinds[t.kind]}</dt>
                  <dd>{t.count}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          <DataTable<MyContributionDto>
            caption={text.table}
            captionHidden
            narrow="list"
            rows={contributions.data.items}
            rowKey={(r) => `${r.ideaId}:${r.kind}:${r.occurredAt}`}
            empty={text.empty}
            rowData={() => ({ 'data-testid': 'contribution-row' })}
            columns={[
              {
                key: 'idea',
                header: text.idea,
                rowHeader: true,
                cell: (r) => <Link to={`/ideas/${r.ideaId}`}>{r.ideaTitle}</Link>,
              },
              { key: 'kind', header: text.kind, cell: (r) => text.kinds[r.kind] },
              {
                key: 'date',
                header: text.date,
                cell: (r) => <time dateTime={r.occurredAt}>{date(r.occurredAt)}</time>,
              },
              {
                key: 'visibility',
                header: text.visibility,
                cell: (r) => (r.anonymous && r.claimedAt === null ? text.anonymous : text.named),
              },
            ]}
          />
          <ClaimsSection items={contributions.data.items} />
        </>
      ) : null}
    </Panel>
  );
}
