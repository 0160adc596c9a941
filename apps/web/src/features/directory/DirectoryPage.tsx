import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader, Panel } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { Headcounts } from './Headcounts';
import { ImportForm } from './ImportForm';
import { ImportHistory } from './ImportHistory';
import { ImportProgress } from './ImportProgress';
import './directory.css';

/** HR and admins: upload the staff directory, follow the import, compare head counts. */
export default function DirectoryPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('directory.title'));
  const [importId, setImportId] = useState<string | null>(null);
  const year = new Date().getFullYear();

  return (
    <>
      <PageHeader title={t('directory.title')} lead={t('directory.lead')} focusOnMount={useFocusHeadingOnMount()} />
      <div className="ec-grid">
        <Panel title={t('directory.upload.title')}>
          <ImportForm onStarted={setImportId} />
          {importId ? <ImportProgress key={importId} id={importId} /> : null}
        </Panel>
        <Panel title={t('directory.headcounts.title', { year })}>
          <Headcounts year={year} />
        </Panel>
      </div>
      <Panel title={t('directory.history.title')}>
        <ImportHistory onShow={setImportId} />
      </Panel>
    </>
  );
}
