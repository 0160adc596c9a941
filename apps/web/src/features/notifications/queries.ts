import {
  countMyUnreadNotificationsQueryKey,
  listMyNotificationsInfiniteQueryKey,
  listNotificationDeliveriesQueryKey,
} from '@eclore/api-client';
import { useInvalidate } from '../../app/queries';

/** After notifications are marked read: the list and the unread count in the header. */
export function useNotificationsChanged(): () => Promise<void> {
  return useInvalidate(() => [listMyNotificationsInfiniteQueryKey(), countMyUnreadNotificationsQueryKey()]);
}

/** After a failed delivery is replayed: that list of deliveries. */
export function useDeliveriesChanged(
  options: Parameters<typeof listNotificationDeliveriesQueryKey>[0],
): () => Promise<void> {
  return useInvalidate(() => [listNotificationDeliveriesQueryKey(options)]);
}
