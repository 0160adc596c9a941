import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listDirectoryImportsOptions } from '@eclore/api-client';
import { Button } from '@eclore/web-ui';

export function ImportHistory({ onShow }: { onShow: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const list = useQuery(listDirectoryImportsOptions({ query: { limit: 20 } }));
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(i18n.language);

  if (list.isError) return <p role="alert">{t('directory.history.loadFailed')}</p>;
  if (!list.data) return <p>{t('app.loading')}</p>;
  if (list.data.length === 0) return <p>{t('directory.history.empty')}</p>;
  return (
    <div className="ec-dir-table-wrap">
      <table className="ec-dir-table">
        <caption className="ec-visually-hidden">{t('directory.history.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('directory.history.date')}</th>
            <th scope="col">{t('directory.history.file')}</th>
            <th scope="col">{t('directory.history.status')}</th>
            <th scope="col">{t('directory.history.summary')}</th>
            <th scope="col">
              <span className="ec-visually-hidden">{t('directory.history.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.data.map((imp) => (
            <tr key={imp.id}>
              <td>{date.format(new Date(imp.createdAt))}</td>
              <td>{imp.fileName}</td>
              <td>{t(`directory.status.${imp.status}`)}</td>
              <td>
                {imp.status === 'completed'
                  ? t('directory.history.counts', {
                      created: number.format(imp.createdCount),
                      updated: number.format(imp.updatedCount),
                      deactivated: number.format(imp.deactivatedCount),
                    })
                  : imp.status === 'rejected'
                    ? t('directory.rejected.lead', { count: imp.errorCount })
                    : '—'}
              </td>
              <td>
                <Button variant="secondary" onClick={() => onShow(imp.id)}>
                  {t('directory.history.show')}
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
