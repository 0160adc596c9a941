import { Link } from 'react-router';
import { listMyIdeasOptions } from '@eclore/api-client';
import { IdeaDueDates } from '../../features/deadlines';
import { useIdeasText } from '../../features/ideas/i18n';
import { HomeList, HomeSection, SHOWN } from './HomeSection';
import { useHomeText } from './i18n';

/** My latest ideas with their stage and, while one is awaited, the next answer's due date. */
export function MyIdeasSection() {
  const text = useHomeText();
  const ideasText = useIdeasText();
  return (
    <HomeSection section="mine" to="/my-ideas" options={listMyIdeasOptions()}>
      {(mine) => {
        const invitations = mine.filter((m) => m.relation === 'invited').length;
        const latest = mine
          .filter((m) => m.relation === 'accepted')
          .sort((a, b) => b.idea.updatedAt.localeCompare(a.idea.updatedAt))
          .slice(0, SHOWN);
        return (
          <>
            {invitations > 0 ? (
              <p>
                <Link to="/my-ideas">{text.mine.invitations({ count: invitations })}</Link>
              </p>
            ) : null}
            <HomeList items={latest} itemKey={({ idea }) => idea.id} empty={text.mine.empty}>
              {({ idea }) => (
                <>
                  <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
                  <span className="ec-home-list__meta">
                    {ideasText.kind[idea.kind]} ·{' '}
                    <span className={`ec-idea-status ec-idea-status--${idea.status}`}>
                      {ideasText.status[idea.status]}
                    </span>
                  </span>
                  <IdeaDueDates idea={idea} />
                </>
              )}
            </HomeList>
          </>
        );
      }}
    </HomeSection>
  );
}
