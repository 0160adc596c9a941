import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listDirectoryImportsOptions } from '@eclore/api-client';
import { Button, DataTable } from '@eclore/web-ui';
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
    <DataTable
      narrow="list"
      caption={text.history.caption}
      captionHidden
      className="ec-dir-table"
      wrapClassName="ec-dir-table-wrap"
      rows={list.data}
      rowKey={(imp) => imp.id}
      columns={[
        { key: 'date', header: text.history.date, cell: (imp) => date.format(new Date(imp.createdAt)) },
        { key: 'file', header: text.history.file, cell: (imp) => imp.fileName },
        { key: 'status', header: text.history.status, cell: (imp) => text.status[imp.status] },
        {
          key: 'summary',
          header: text.history.summary,
          cell: (imp) =>
            imp.status === 'completed'
              ? text.history.counts({
                  created: number.format(imp.createdCount),
                  updated: number.format(imp.updatedCount),
                  deactivated: number.format(imp.deactivatedCount),
                })
              : imp.status === 'rejected'
                ? text.rejected.lead({ count: imp.errorCount })
                : '—',
        },
        {
          key: 'actions',
          header: text.history.actions,
          headerHidden: true,
          cell: (imp) => (
            <Button variant="secondary" onClick={() => onShow(imp.id)}>
              {text.history.show}
              <span className="ec-visually-hidden"> {imp.fileName}</span>
            </Button>
          ),
        },
      ]}
    />
  );
}
