import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { countMyUnreadNotificationsOptions } from '@eclore/api-client';
import { useSession } from '../../session/session';
import { useBellText } from './bell-i18n';
import './notifications.css';

/** Polling is enough for a count: notifications are not a chat. */
const POLL_MS = 30_000;

/**
 * The header's bell: a link to the notification centre whose name states the unread count. The
 * count is also in a polite live region, so a screen reader hears when it changes.
 */
export function NotificationBell() {
  const s = useBellText();
  const session = useSession();
  const signedIn = session.status === 'signedIn';
  const count = useQuery({ ...countMyUnreadNotificationsOptions(), enabled: signedIn, refetchInterval: POLL_MS });
  if (!signedIn) return null;
  const unread = count.data?.unread ?? 0;
  return (
    <Link to="/notifications" className="ec-bell" aria-label={s.bell(unread)} data-testid="notification-bell">
      <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
        />
      </svg>
      <span aria-live="polite" className="ec-bell__count" data-count={unread}>
        {unread > 0 ? unread : ''}
      </span>
    </Link>
  );
}
