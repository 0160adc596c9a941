import { Navigate, useSearchParams } from 'react-router';
import { PageHeader, Panel } from '@eclore/web-ui';
import { useDocumentTitle } from '../app/use-document-title';
import { useFocusHeadingOnMount } from '../app/route-focus';
import { StatusPanel } from '../status/StatusPanel';
import { useHomeText } from './i18n';

const STAGES = ['emerge', 'collect', 'visible', 'qualify', 'prototype', 'implement', 'followUp'] as const;

export default function HomePage() {
  const text = useHomeText();
  useDocumentTitle(text.title);
  const focus = useFocusHeadingOnMount();
  // The API sends a refused single sign-on to `/?signin_error=<code>`: the sign-in page explains it.
  const signInError = useSearchParams()[0].get('signin_error');
  if (signInError) return <Navigate to={`/sign-in?signin_error=${encodeURIComponent(signInError)}`} replace />;
  return (
    <>
      <PageHeader title={text.title} lead={text.lead} focusOnMount={focus} />
      <div className="ec-grid">
        <Panel title={text.lifecycleTitle}>
          <p>{text.lifecycleIntro}</p>
          <ol className="ec-steps">
            {STAGES.map((stage) => (
              <li key={stage}>
                <strong className="ec-steps__name">{text.stages[stage].name}</strong>
                <span className="ec-steps__text">{text.stages[stage].text}</span>
              </li>
            ))}
          </ol>
        </Panel>
        <StatusPanel />
      </div>
    </>
  );
}
