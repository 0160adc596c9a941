import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listDirectoryImportsOptions } from '@eclore/api-client';
import { Panel } from '@eclore/web-ui';
import { useDirectoryText } from '../../features/directory/i18n';
import { useLocale } from '../../i18n/text';
import { SectionState } from './SectionState';
import { useHomeText } from './i18n';

/** The latest directory import and its outcome, for HR. */
export function DirectorySection() {
  const text = useHomeText();
  const directoryText = useDirectoryText();
  const locale = useLocale();
  const imports = useQuery(listDirectoryImportsOptions({ query: { limit: 1 } }));
  const latest = imports.data?.[0];
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
  return (
    <Panel title={text.directory.title}>
      <SectionState query={imports}>
        {() =>
          latest ? (
            <p>
              <strong>{directoryText.status[latest.status]}</strong>
              <span className="ec-home-list__meta">
                {latest.fileName} ·{' '}
                <time dateTime={latest.createdAt}>
                  {text.directory.started({ when: date.format(new Date(latest.createdAt)) })}
                </time>
              </span>
              {latest.status === 'completed' ? (
                <span className="ec-home-list__meta">
                  {directoryText.history.counts({
                    created: latest.createdCount,
                    updated: latest.updatedCount,
                    deactivated: latest.deactivatedCount,
                  })}
                </span>
              ) : null}
              {latest.errorCount > 0 ? (
                <span className="ec-home-list__meta">{text.directory.errors({ count: latest.errorCount })}</span>
              ) : null}
            </p>
          ) : (
            <p>{text.directory.empty}</p>
          )
        }
      </SectionState>
      <Link to="/directory">{text.directory.open}</Link>
    </Panel>
  );
}
