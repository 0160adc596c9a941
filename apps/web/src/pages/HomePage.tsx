import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { PageHeader, Panel } from '@eclore/web-ui';
import { useDocumentTitle } from '../app/use-document-title';
import { useFocusHeadingOnMount } from '../app/route-focus';
import { StatusPanel } from '../status/StatusPanel';

const STAGES = ['emerge', 'collect', 'visible', 'qualify', 'prototype', 'implement', 'followUp'] as const;

export default function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  const focus = useFocusHeadingOnMount();
  // The API sends a refused single sign-on to `/?signin_error=<code>`: the sign-in page explains it.
  const signInError = useSearchParams()[0].get('signin_error');
  if (signInError) return <Navigate to={`/sign-in?signin_error=${encodeURIComponent(signInError)}`} replace />;
  return (
    <>
      <PageHeader title={t('home.title')} lead={t('home.lead')} focusOnMount={focus} />
      <div className="ec-grid">
        <Panel title={t('home.lifecycleTitle')}>
          <p>{t('home.lifecycleIntro')}</p>
          <ol className="ec-steps">
            {STAGES.map((stage) => (
              <li key={stage}>
                <strong className="ec-steps__name">{t(`home.stages.${stage}.name`)}</strong>
                <span className="ec-steps__text">{t(`home.stages.${stage}.text`)}</span>
              </li>
            ))}
          </ol>
        </Panel>
        <StatusPanel />
      </div>
    </>
  );
}
