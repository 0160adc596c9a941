import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { getPreReadingPackOptions, type PackItemDto } from '@eclore/api-client';
import { Panel } from '@eclore/web-ui';
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
        <div className="ec-table-wrap">
          <table className="ec-table">
            <caption>{s.pack.weighted(fmt(scorecard.weightedScore), scorecard.reviewerCount)}</caption>
            <thead>
              <tr>
                <th scope="col">{s.pack.criterion}</th>
                <th scope="col">{s.pack.weight}</th>
                <th scope="col">{s.pack.mean}</th>
                <th scope="col">{s.pack.range}</th>
              </tr>
            </thead>
            <tbody>
              {scorecard.criteria.map((c) => (
                <tr key={c.key}>
                  <th scope="row">{locale === 'en' ? c.labelEn : c.labelFr}</th>
                  <td>{c.weight}</td>
                  <td>{fmt(c.mean)}</td>
                  <td>
                    {fmt(c.spread)} ({fmt(c.min)}–{fmt(c.max)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{s.pack.noScorecard}</p>
      )}
      <PrivateNotesPanel idea={idea} />
    </article>
  );
}
