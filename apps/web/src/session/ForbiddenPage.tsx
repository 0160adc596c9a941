import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '@eclore/web-ui';
import { useDocumentTitle } from '../app/use-document-title';
import { useFocusHeadingOnMount } from '../app/route-focus';

export function ForbiddenPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('forbidden.title'));
  return (
    <>
      <PageHeader title={t('forbidden.title')} lead={t('forbidden.lead')} focusOnMount={useFocusHeadingOnMount()} />
      <p>
        <Link to="/">{t('notFound.backHome')}</Link>
      </p>
    </>
  );
}
