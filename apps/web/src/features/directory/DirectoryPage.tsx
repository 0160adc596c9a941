import { useState } from 'react';
import { PageHeader, Panel } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { Headcounts } from './Headcounts';
import { ImportForm } from './ImportForm';
import { ImportHistory } from './ImportHistory';
import { ImportProgress } from './ImportProgress';
import './directory.css';
import { useDirectoryText } from './i18n';

/** HR and admins: upload the staff directory, follow the import, compare head counts. */
export default function DirectoryPage() {
  const text = useDirectoryText();
  useDocumentTitle(text.title);
  const [importId, setImportId] = useState<string | null>(null);
  const year = new Date().getFullYear();

  return (
    <>
      <PageHeader title={text.title} lead={text.lead} focusOnMount={useFocusHeadingOnMount()} />
      <div className="ec-grid">
        <Panel title={text.upload.title}>
          <ImportForm onStarted={setImportId} />
          {importId ? <ImportProgress key={importId} id={importId} /> : null}
        </Panel>
        <Panel title={text.headcounts.title({ year })}>
          <Headcounts year={year} />
        </Panel>
      </div>
      <Panel title={text.history.title}>
        <ImportHistory onShow={setImportId} />
      </Panel>
    </>
  );
}
