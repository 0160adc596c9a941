import { Link } from 'react-router';
import { can } from '@eclore/domain';
import { useSession } from '../../session/session';
import { useQualificationText } from './i18n';

/** On the campaign page, for those who may read criteria: the way to the campaign's qualification criteria. */
export function CampaignCriteriaLink({ campaignId }: { campaignId: string }) {
  const s = useQualificationText();
  const session = useSession();
  if (!session.actor || !can(session.actor, 'criteria.read')) return null;
  return (
    <Link className="ec-button ec-button--secondary" to={`/campaigns/${campaignId}/criteria`}>
      {s.editor.campaignLink}
    </Link>
  );
}
