import { Link } from 'react-router';
import { PageHeader } from '@eclore/web-ui';
import { useDocumentTitle } from '../app/use-document-title';
import { useFocusHeadingOnMount } from '../app/route-focus';
import { useAppText } from '../app/i18n';

export function ForbiddenPage() {
  const app = useAppText();
  useDocumentTitle(app.forbidden.title);
  return (
    <>
      <PageHeader title={app.forbidden.title} lead={app.forbidden.lead} focusOnMount={useFocusHeadingOnMount()} />
      <p>
        <Link to="/">{app.notFound.backHome}</Link>
      </p>
    </>
  );
}
