import { Fragment, Suspense, useRef } from 'react';
import { Link, NavLink, useLocation, useOutlet } from 'react-router';
import { SkipLink, useDisclosure } from '@eclore/web-ui';
import { navigationFor } from '../navigation/navigation';
import { useApplyUserLocale } from '../session/locale';
import { useSession } from '../session/session';
import { UserMenu } from '../session/UserMenu';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { LanguageSwitcher } from './LanguageSwitcher';
import { RouteFocusContext } from './route-focus';
import { AVAILABLE_PATHS } from './pages';
import { useAppText } from './i18n';

const MAIN_ID = 'main';
const NAV_LIST_ID = 'main-nav-list';

export function Layout() {
  const app = useAppText();
  const location = useLocation();
  const outlet = useOutlet();
  const session = useSession();
  useApplyUserLocale(session);
  const items = navigationFor(session.actor, AVAILABLE_PATHS);

  // Sticky: once the path has changed, every page mounted afterwards takes focus to its heading.
  const firstPath = useRef(location.pathname);
  const navigated = useRef(false);
  if (location.pathname !== firstPath.current) navigated.current = true;

  // Compact navigation (phones): the menu button shows the list as a panel; on wider screens CSS
  // hides the button and always shows the list, so this state has no effect there.
  // A new address closes the panel; Escape in the navigation closes it, focus back on the button.
  const menu = useDisclosure({ resetKey: location.pathname, panelId: NAV_LIST_ID });

  return (
    <>
      <SkipLink targetId={MAIN_ID}>{app.app.skipToContent}</SkipLink>
      <header className="ec-header">
        <div className="ec-container ec-header__bar">
          <Link to="/" className="ec-brand">
            <span className="ec-brand__name">{app.app.name}</span>
            <span className="ec-brand__tagline">{app.app.tagline}</span>
          </Link>
          <div className="ec-header__actions">
            <LanguageSwitcher />
            <NotificationBell />
            <UserMenu />
          </div>
        </div>
      </header>
      <nav
        className={menu.open ? 'ec-nav ec-nav--open' : 'ec-nav'}
        aria-label={app.nav.label}
        onKeyDown={menu.onKeyDown}
      >
        <div className="ec-container">
          <button type="button" className="ec-nav__toggle" {...menu.buttonProps}>
            {app.app.menu}
          </button>
          <ul id={NAV_LIST_ID}>
            {items.map((item) => (
              <li key={item.key}>
                <NavLink to={item.path} end={item.path === '/'}>
                  {app.nav[item.key]}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      </nav>
      <main id={MAIN_ID} tabIndex={-1} className="ec-main ec-container">
        <RouteFocusContext.Provider value={navigated.current}>
          <Suspense fallback={<p role="status">{app.app.loading}</p>}>
            {/* Keyed by path so a new address always mounts a new page (and focuses its heading). */}
            <Fragment key={location.pathname}>{outlet}</Fragment>
          </Suspense>
        </RouteFocusContext.Provider>
      </main>
      <footer className="ec-footer">
        <div className="ec-container">
          <p>{app.footer.about}</p>
          <p>
            <a href="/api/docs">{app.footer.apiDocs}</a>
          </p>
        </div>
      </footer>
    </>
  );
}
