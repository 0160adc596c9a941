import { useAppText } from '../app/i18n';
import { StatusPage } from './StatusPage';

export default function NotFoundPage() {
  const app = useAppText();
  return <StatusPage title={app.notFound.title} lead={app.notFound.lead} />;
}
