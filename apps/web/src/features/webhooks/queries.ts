import { useQueryClient } from '@tanstack/react-query';
import { listWebhookDeliveriesQueryKey, listWebhooksQueryKey } from '@eclore/api-client';
import { useInvalidate } from '../../app/queries';

type DeliveriesOptions = Parameters<typeof listWebhookDeliveriesQueryKey>[0];

/** After a webhook is created, edited or deleted. */
export function useWebhooksChanged(): () => Promise<void> {
  return useInvalidate(() => [listWebhooksQueryKey()]);
}

/** After a delivery is queued (test ping, replay): that webhook's deliveries. */
export function useDeliveriesChanged(): (options: DeliveriesOptions) => void {
  const queryClient = useQueryClient();
  return (options) => void queryClient.invalidateQueries({ queryKey: listWebhookDeliveriesQueryKey(options) });
}
