import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { getPreReadingPackOptions, type PackItemDto } from '@eclore/api-client';
import { Panel, DataTable } from '@eclore/web-ui';
import { PrivateNotesPanel } from '../private-notes';
import { useLocale, useCommitteeText } from './i18n';

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toFixed(1));

/**
 * The pre-reading pack: for each agenda idea its summary, the network's answer, the consolidated
 * scorecard (per criterion: weight, mean and spread between reviewers, so disagreement shows) and the
 * private notes thread. Authors are named only as the API presents them (never an anonymous one).
 */
export function PreReadingPack({ sessionId }: { sessionId: string }) {
  const s = useCommitteeText();
  const pack = useQuery(getPreReadingPackOptions({ path: { id: sessionId } }));
  return (
    <Panel title={s.pack.title}>
      <p>{s.pack.lead}</p>
      {pack.data?.items.length === 0 ? <p>{s.agenda.empty}</p> : null}
      {pack.data?.items.map((item) => (
        <PackItem key={item.itemId} item={item} />
      ))}
    </Panel>
  );
}

function PackItem({ item }: { item: PackItemDto }) {
  const s = useCommitteeText();
  const locale = useLocale();
  const { idea, scorecard } = item;
  return (
    <article className="ec-committee-pack__item" aria-labelledby={`pack-${item.itemId}`}>
      <h3 id={`pack-${item.itemId}`}>{idea.title}</h3>
      <p className="ec-committee-pack__meta">
        {idea.author ? `${s.pack.author} : ${idea.author.givenName} ${idea.author.familyName}` : s.pack.anonymous}
        {idea.orgUnit ? ` · ${idea.orgUnit.name}` : ''} · <Link to={`/ideas/${idea.id}`}>{s.pack.open}</Link>
      </p>
      <h4>{s.pack.summary}</h4>
      <p>{idea.summary}</p>
      <h4>{s.pack.answer}</h4>
      <p>{idea.answer?.text ?? s.pack.noAnswer}</p>
      <h4>{s.pack.scorecard}</h4>
      {scorecard && scorecard.reviewerCount > 0 ? (
        <DataTable
          narrow="list"
          caption={s.pack.weighted(fmt(scorecard.weightedScore), scorecard.reviewerCount)}
          rows={scorecard.criteria}
          rowKey={(c) => c.key}
          columns={[
            {
              key: 'criterion',
              header: s.pack.criterion,
              rowHeader: true,
              cell: (c) => (locale === 'en' ? c.labelEn : c.labelFr),
            },
            { key: 'weight', header: s.pack.weight, cell: (c) => c.weight },
            { key: 'mean', header: s.pack.mean, cell: (c) => fmt(c.mean) },
            {
              key: 'range',
              header: s.pack.range,
              cell: (c) => (
                <>
                  {fmt(c.spread)} ({fmt(c.min)}–{fmt(c.max)})
                </>
              ),
            },
          ]}
        />
      ) : (
        <p>{s.pack.noScorecard}</p>
      )}
      <PrivateNotesPanel idea={idea} />
    </article>
  );
}
