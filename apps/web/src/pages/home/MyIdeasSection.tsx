import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listMyIdeasOptions } from '@eclore/api-client';
import { Panel } from '@eclore/web-ui';
import { IdeaDueDates } from '../../features/deadlines';
import { useIdeasText } from '../../features/ideas/i18n';
import { SectionState } from './SectionState';
import { useHomeText } from './i18n';

/** How many of my ideas the home lists (the latest changed); the rest is one link away. */
const SHOWN = 5;

/** My latest ideas with their stage and, while one is awaited, the next answer's due date. */
export function MyIdeasSection() {
  const text = useHomeText();
  const ideasText = useIdeasText();
  const mine = useQuery(listMyIdeasOptions());
  const all = mine.data ?? [];
  const invitations = all.filter((m) => m.relation === 'invited').length;
  const latest = all
    .filter((m) => m.relation === 'accepted')
    .sort((a, b) => b.idea.updatedAt.localeCompare(a.idea.updatedAt))
    .slice(0, SHOWN);
  return (
    <Panel title={text.mine.title}>
      <SectionState query={mine}>
        {() => (
          <>
            {invitations > 0 ? (
              <p>
                <Link to="/my-ideas">{text.mine.invitations({ count: invitations })}</Link>
              </p>
            ) : null}
            {latest.length === 0 ? (
              <p>{text.mine.empty}</p>
            ) : (
              <ul className="ec-home-list">
                {latest.map(({ idea }) => (
                  <li key={idea.id}>
                    <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
                    <span className="ec-home-list__meta">
                      {ideasText.kind[idea.kind]} ·{' '}
                      <span className={`ec-idea-status ec-idea-status--${idea.status}`}>
                        {ideasText.status[idea.status]}
                      </span>
                    </span>
                    <IdeaDueDates idea={idea} />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </SectionState>
      <Link to="/my-ideas">{text.mine.all}</Link>
    </Panel>
  );
}
