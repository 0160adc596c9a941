import { Link } from 'react-router';
import { PageHeader } from '@eclore/web-ui';
import { useDocumentTitle } from '../app/use-document-title';
import { useFocusHeadingOnMount } from '../app/route-focus';
import { useAppText } from '../app/i18n';

export default function NotFoundPage() {
  const app = useAppText();
  useDocumentTitle(app.notFound.title);
  return (
    <>
      <PageHeader title={app.notFound.title} lead={app.notFound.lead} focusOnMount={useFocusHeadingOnMount()} />
      <p>
        <Link to="/">{app.notFound.backHome}</Link>
      </p>
    </>
  );
}
