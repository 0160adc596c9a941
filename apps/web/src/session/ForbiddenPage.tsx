import { useAppText } from '../app/i18n';
import { StatusPage } from '../pages/StatusPage';

export function ForbiddenPage() {
  const app = useAppText();
  return <StatusPage title={app.forbidden.title} lead={app.forbidden.lead} />;
}
