import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '@eclore/web-ui';
import { useDocumentTitle } from '../app/use-document-title';
import { useFocusHeadingOnMount } from '../app/route-focus';

export default function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <PageHeader title={t('notFound.title')} lead={t('notFound.lead')} focusOnMount={useFocusHeadingOnMount()} />
      <p>
        <Link to="/">{t('notFound.backHome')}</Link>
      </p>
    </>
  );
}
