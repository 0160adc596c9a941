import { Link } from 'react-router';
import { PageHeader } from '@eclore/web-ui';
import { useDocumentTitle } from '../app/use-document-title';
import { useFocusHeadingOnMount } from '../app/route-focus';
import { useAppText } from '../app/i18n';

/** A page that only says where the reader stands (not found, forbidden) and leads back home. */
export function StatusPage({ title, lead }: { title: string; lead: string }) {
  const app = useAppText();
  useDocumentTitle(title);
  return (
    <>
      <PageHeader title={title} lead={lead} focusOnMount={useFocusHeadingOnMount()} />
      <p>
        <Link to="/">{app.notFound.backHome}</Link>
      </p>
    </>
  );
}
