import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Button } from '@eclore/web-ui';
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
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  // Close on navigation, on Escape (focus back on the button) and on a click elsewhere.
  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        toggle.current?.focus();
      }
    };
    const onClick = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [open]);

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
    <div className="ec-user-menu" ref={root}>
      <button
        ref={toggle}
        type="button"
        className="ec-user-menu__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="ec-visually-hidden">{app.userMenu.label} </span>
        {givenName} {familyName}
      </button>
      <div id={panelId} className="ec-user-menu__panel" hidden={!open}>
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
