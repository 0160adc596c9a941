import { Link } from 'react-router';
import { listLateIdeasOptions } from '@eclore/api-client';
import { HomeList, HomeSection, SHOWN } from './HomeSection';
import { useHomeText } from './i18n';

/** The ideas past an answer time in my scope, most overdue first (the API's order). */
export function LateSection() {
  const text = useHomeText();
  return (
    <HomeSection section="late" to="/late" options={listLateIdeasOptions()}>
      {(late) => (
        <HomeList items={late.items.slice(0, SHOWN)} itemKey={(item) => item.ideaId} empty={text.late.empty}>
          {(item) => (
            <>
              <Link to={`/ideas/${item.ideaId}`}>{item.title}</Link>
              <span className="ec-home-list__meta">
                {text.late.daysLate({ days: Math.max(0, ...item.overdue.map((o) => o.daysLate)) })}
              </span>
            </>
          )}
        </HomeList>
      )}
    </HomeSection>
  );
}
