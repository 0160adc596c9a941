import { Link, useLocation, useNavigate } from 'react-router';
import { Button, useDisclosure } from '@eclore/web-ui';
import { returnPathOf } from './return-path';
import { useSession, useSignOut } from './session';
import { useAppText } from '../app/i18n';
import { useAuthText } from '../features/auth/i18n';

/**
 * The header's account area: "Sign in" for a visitor; for a signed-in person a disclosure button with
 * their name that opens their profile link and sign-out (a disclosure, not an ARIA menu: plain links
 * and buttons keep the keyboard behaviour everyone knows).
 */
export function UserMenu() {
  const app = useAppText();
  const text = useAuthText();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  // Closes on navigation, on Escape (focus back on the button) and on a click elsewhere.
  const menu = useDisclosure({ resetKey: location.pathname, dismissOutside: true });

  if (session.status === 'loading') return null;
  if (session.status === 'signedOut') {
    if (location.pathname === '/sign-in') return null;
    return (
      <Link
        className="ec-button ec-button--secondary"
        to={`/sign-in?returnTo=${encodeURIComponent(returnPathOf(location))}`}
      >
        {text.signIn}
      </Link>
    );
  }
  const { givenName, familyName } = session.data.person;
  return (
    <div className="ec-user-menu" ref={menu.rootRef}>
      <button type="button" className="ec-user-menu__toggle" {...menu.buttonProps}>
        <span className="ec-visually-hidden">{app.userMenu.label} </span>
        {givenName} {familyName}
      </button>
      <div id={menu.panelId} className="ec-user-menu__panel" hidden={!menu.open}>
        <ul>
          <li>
            <Link to="/profile">{app.userMenu.profile}</Link>
          </li>
          <li>
            <Button
              variant="secondary"
              disabled={signOut.isPending}
              onClick={() =>
                signOut.mutate(
                  {},
                  {
                    onSettled: () => {
                      void navigate('/', { replace: true });
                    },
                  },
                )
              }
            >
              {app.userMenu.signOut}
            </Button>
          </li>
        </ul>
      </div>
    </div>
  );
}
