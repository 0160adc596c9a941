import { getCampaignQueryKey, listCampaignsQueryKey, type CampaignDto } from '@eclore/api-client';
import { useCacheAnswer, useInvalidate, useInvalidateOperations } from '../../app/queries';

/** After a campaign is archived, which answers it: cached, and the list refreshed. */
export function useCampaignArchived(id: string): (updated: CampaignDto) => void {
  const refresh = useInvalidate(() => [listCampaignsQueryKey()]);
  return useCacheAnswer<CampaignDto>(getCampaignQueryKey({ path: { id } }), refresh);
}

/** After a campaign is created or edited: the list, then every cached campaign. */
export function useCampaignSaved(): () => Promise<void> {
  const list = useInvalidate(() => [listCampaignsQueryKey()]);
  const campaigns = useInvalidateOperations(['getCampaign']);
  return async () => {
    await list();
    await campaigns();
  };
}
