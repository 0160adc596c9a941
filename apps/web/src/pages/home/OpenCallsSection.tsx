import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listCampaignsOptions } from '@eclore/api-client';
import { Panel } from '@eclore/web-ui';
import { SectionState } from './SectionState';
import { useHomeText } from './i18n';

/** The calls for ideas accepting submissions now from this person (in its audience). */
export function OpenCallsSection() {
  const text = useHomeText();
  const campaigns = useQuery(listCampaignsOptions());
  const open = (campaigns.data?.current ?? []).filter((c) => c.features.submissions && c.inAudience && !c.archivedAt);
  return (
    <Panel title={text.calls.title}>
      <SectionState query={campaigns}>
        {() =>
          open.length === 0 ? (
            <p>{text.calls.empty}</p>
          ) : (
            <ul className="ec-home-list">
              {open.map((c) => (
                <li key={c.id}>
                  <Link to={`/campaigns/${c.id}`}>{c.title}</Link>
                  <span className="ec-home-list__meta">{c.question}</span>
                  <Link className="ec-home-list__meta" to={`/ideas/new?campaign=${encodeURIComponent(c.id)}`}>
                    {text.calls.proposeFor({ title: c.title })}
                  </Link>
                </li>
              ))}
            </ul>
          )
        }
      </SectionState>
      <Link to="/campaigns">{text.calls.all}</Link>
    </Panel>
  );
}
