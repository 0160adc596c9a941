import { type ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { can, type Action } from '@eclore/domain';
import { ForbiddenPage } from './ForbiddenPage';
import { returnPathOf } from './return-path';
import { useSession } from './session';
import { useAppText } from '../app/i18n';

/**
 * Route guard: a signed-out visitor is sent to the sign-in page, which brings them back here after.
 * With `action`, a signed-in person the policy refuses gets the "not allowed" page, not a broken screen.
 */
export function RequireSession({ action, children }: { action?: Action; children?: ReactNode }) {
  const app = useAppText();
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <p role="status">{app.app.loading}</p>;
  if (session.status === 'signedOut') {
    const returnTo = returnPathOf(location);
    return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(returnTo)}`} replace />;
  }
  if (action && !can(session.actor, action)) return <ForbiddenPage />;
  return children ?? <Outlet />;
}
