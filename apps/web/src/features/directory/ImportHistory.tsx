import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listDirectoryImportsOptions } from '@eclore/api-client';
import { Button } from '@eclore/web-ui';
import { useAppText } from '../../app/i18n';
import { useDirectoryText } from './i18n';

export function ImportHistory({ onShow }: { onShow: (id: string) => void }) {
  const { i18n } = useTranslation();
  const app = useAppText();
  const text = useDirectoryText();
  const list = useQuery(listDirectoryImportsOptions({ query: { limit: 20 } }));
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(i18n.language);

  if (list.isError) return <p role="alert">{text.history.loadFailed}</p>;
  if (!list.data) return <p>{app.app.loading}</p>;
  if (list.data.length === 0) return <p>{text.history.empty}</p>;
  return (
    <div className="ec-dir-table-wrap">
      <table className="ec-dir-table">
        <caption className="ec-visually-hidden">{text.history.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.history.date}</th>
            <th scope="col">{text.history.file}</th>
            <th scope="col">{text.history.status}</th>
            <th scope="col">{text.history.summary}</th>
            <th scope="col">
              <span className="ec-visually-hidden">{text.history.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.data.map((imp) => (
            <tr key={imp.id}>
              <td>{date.format(new Date(imp.createdAt))}</td>
              <td>{imp.fileName}</td>
              <td>{text.status[imp.status]}</td>
              <td>
                {imp.status === 'completed'
                  ? text.history.counts({
                      created: number.format(imp.createdCount),
                      updated: number.format(imp.updatedCount),
                      deactivated: number.format(imp.deactivatedCount),
                    })
                  : imp.status === 'rejected'
                    ? text.rejected.lead({ count: imp.errorCount })
                    : '—'}
              </td>
              <td>
                <Button variant="secondary" onClick={() => onShow(imp.id)}>
                  {text.history.show}
                  <span className="ec-visually-hidden"> {imp.fileName}</span>
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
