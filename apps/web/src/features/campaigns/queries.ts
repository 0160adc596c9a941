import { getCampaignQueryKey, listCampaignsQueryKey, type CampaignDto } from '@eclore/api-client';
import { useInvalidate, useInvalidateOperations, useSetQueryData } from '../../app/queries';

/** After a campaign is archived, which answers it: cached, and the list refreshed. */
export function useCampaignArchived(id: string): (updated: CampaignDto) => void {
  const setData = useSetQueryData<CampaignDto>();
  const refresh = useInvalidate(() => [listCampaignsQueryKey()]);
  return (updated) => {
    setData(getCampaignQueryKey({ path: { id } }), updated);
    void refresh();
  };
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
