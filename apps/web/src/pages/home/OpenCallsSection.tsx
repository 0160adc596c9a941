import { Link } from 'react-router';
import { listCampaignsOptions, type CampaignDto } from '@eclore/api-client';
import { HomeList, HomeSection } from './HomeSection';
import { useHomeText } from './i18n';

const isOpenToMe = (c: CampaignDto) => c.features.submissions && c.inAudience && !c.archivedAt;

/** The calls for ideas accepting submissions now from this person (in its audience). */
export function OpenCallsSection() {
  const text = useHomeText();
  return (
    <HomeSection section="calls" to="/campaigns" options={listCampaignsOptions()}>
      {(campaigns) => (
        <HomeList items={campaigns.current.filter(isOpenToMe)} itemKey={(c) => c.id} empty={text.calls.empty}>
          {(c) => (
            <>
              <Link to={`/campaigns/${c.id}`}>{c.title}</Link>
              <span className="ec-home-list__meta">{c.question}</span>
              <Link className="ec-home-list__meta" to={`/ideas/new?campaign=${encodeURIComponent(c.id)}`}>
                {text.calls.proposeFor({ title: c.title })}
              </Link>
            </>
          )}
        </HomeList>
      )}
    </HomeSection>
  );
}
