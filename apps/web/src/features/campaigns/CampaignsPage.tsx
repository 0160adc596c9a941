import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listCampaignsOptions, type CampaignDto } from '@eclore/api-client';
import { can } from '@eclore/domain';
import { Page, Panel } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { useSession } from '../../session/session';
import { PhaseStatus } from './PhaseStatus';
import { useCampaignsText, type CampaignsText } from './i18n';
import './campaigns.css';
import { usePageState } from '../../app/page-state';

/** The calls for ideas addressed to me: current, upcoming, past; the question first. */
export default function CampaignsPage() {
  const s = useCampaignsText();
  useDocumentTitle(s.list.title);
  const focus = useFocusHeadingOnMount();
  const session = useSession();
  const campaigns = useQuery(listCampaignsOptions());

  const state = usePageState(campaigns, { loading: '…', error: s.errors.generic });
  return (
    <Page title={s.list.title} lead={s.list.lead} focusOnMount={focus} {...state}>
      {can(session.actor, 'campaign.manage') ? (
        <p>
          <Link className="ec-button ec-button--primary" to="/campaigns/new">
            {s.list.create}
          </Link>
        </p>
      ) : null}
      {campaigns.data ? (
        <>
          <Section title={s.list.current} empty={s.list.emptyCurrent} items={campaigns.data.current} s={s} />
          <Section title={s.list.upcoming} empty={s.list.emptyUpcoming} items={campaigns.data.upcoming} s={s} />
          <Section title={s.list.past} empty={s.list.emptyPast} items={campaigns.data.past} s={s} />
        </>
      ) : null}
    </Page>
  );
}

function Section({ title, empty, items, s }: { title: string; empty: string; items: CampaignDto[]; s: CampaignsText }) {
  return (
    <Panel title={title}>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="ec-campaign-list">
          {items.map((c) => (
            <li key={c.id} className="ec-campaign-card">
              <h3 className="ec-campaign-card__question">
                <Link to={`/campaigns/${c.id}`}>{c.question}</Link>
              </h3>
              <p className="ec-campaign-card__title">{c.title}</p>
              <PhaseStatus campaign={c} s={s} />
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
