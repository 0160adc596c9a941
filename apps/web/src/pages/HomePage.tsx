import { Navigate, useSearchParams } from 'react-router';
import { PageHeader } from '@eclore/web-ui';
import { useDocumentTitle } from '../app/use-document-title';
import { useFocusHeadingOnMount } from '../app/route-focus';
import { useSession } from '../session/session';
import { StatusPanel } from '../status/StatusPanel';
import { PersonalHome } from './home/PersonalHome';
import { ProposeAction } from './home/ProposeAction';
import { useHomeText } from './home/i18n';
import './home/home.css';

/** The home: a personal one per role once signed in; the invitation to sign in otherwise. */
export default function HomePage() {
  const text = useHomeText();
  useDocumentTitle(text.title);
  const focus = useFocusHeadingOnMount();
  const session = useSession();
  // The API sends a refused single sign-on to `/?signin_error=<code>`: the sign-in page explains it.
  const signInError = useSearchParams()[0].get('signin_error');
  if (signInError) return <Navigate to={`/sign-in?signin_error=${encodeURIComponent(signInError)}`} replace />;
  if (session.status === 'signedIn') {
    return (
      <>
        <PageHeader
          title={text.greeting({ name: session.data.person.givenName })}
          lead={text.personalLead}
          focusOnMount={focus}
        />
        <PersonalHome actor={session.actor} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={text.title} lead={text.lead} focusOnMount={focus} />
      {session.status === 'signedOut' ? <ProposeAction /> : null}
      <StatusPanel />
    </>
  );
}
