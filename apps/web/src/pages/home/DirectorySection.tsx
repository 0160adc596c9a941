import { listDirectoryImportsOptions } from '@eclore/api-client';
import { useDirectoryText } from '../../features/directory/i18n';
import { useLocale } from '../../i18n/text';
import { HomeSection } from './HomeSection';
import { useHomeText } from './i18n';

/** The latest directory import and its outcome, for HR. */
export function DirectorySection() {
  const text = useHomeText();
  const directoryText = useDirectoryText();
  const locale = useLocale();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
  return (
    <HomeSection section="directory" to="/directory" options={listDirectoryImportsOptions({ query: { limit: 1 } })}>
      {(imports) => {
        const latest = imports[0];
        return latest ? (
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
        );
      }}
    </HomeSection>
  );
}
