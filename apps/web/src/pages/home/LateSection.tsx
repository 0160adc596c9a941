import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listLateIdeasOptions } from '@eclore/api-client';
import { Panel } from '@eclore/web-ui';
import { SectionState } from './SectionState';
import { useHomeText } from './i18n';

const SHOWN = 5;

/** The ideas past an answer time in my scope, most overdue first (the API's order). */
export function LateSection() {
  const text = useHomeText();
  const late = useQuery(listLateIdeasOptions());
  const items = (late.data?.items ?? []).slice(0, SHOWN);
  return (
    <Panel title={text.late.title}>
      <SectionState query={late}>
        {() =>
          items.length === 0 ? (
            <p>{text.late.empty}</p>
          ) : (
            <ul className="ec-home-list">
              {items.map((item) => (
                <li key={item.ideaId}>
                  <Link to={`/ideas/${item.ideaId}`}>{item.title}</Link>
                  <span className="ec-home-list__meta">
                    {text.late.daysLate({ days: Math.max(0, ...item.overdue.map((o) => o.daysLate)) })}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </SectionState>
      <Link to="/late">{text.late.open}</Link>
    </Panel>
  );
}
