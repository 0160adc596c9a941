import { NavLink } from 'react-router';
import { PageHeader } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { useWebhooksText } from '../webhooks/i18n';
import { useNotificationsText } from '../notifications/i18n';
import { useDeadlinesText } from '../deadlines/i18n';
import { useAdminText } from './i18n';

/** Each administration page's heading, then the links between the administration's sections. */
export function AdminHeader({ title, lead }: { title: string; lead?: string }) {
  const text = useAdminText();
  const webhooksText = useWebhooksText();
  const notificationsText = useNotificationsText();
  const deadlinesText = useDeadlinesText();
  useDocumentTitle(title);
  return (
    <>
      <PageHeader title={title} lead={lead} focusOnMount={useFocusHeadingOnMount()} />
      <nav className="ec-subnav" aria-label={text.sections}>
        <ul>
          <li>
            <NavLink to="/admin" end>
              {text.tabs.people}
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/audit">{text.tabs.audit}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/webhooks">{webhooksText.tab}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/notifications">{notificationsText.admin.tab}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/answer-times">{deadlinesText.settings.tab}</NavLink>
          </li>
        </ul>
      </nav>
    </>
  );
}
