import { Link } from 'react-router';
import { listCommitteeSessionsOptions, type CommitteeSessionSummaryDto } from '@eclore/api-client';
import { useLocale } from '../../i18n/text';
import { HomeSection } from './HomeSection';
import { useHomeText } from './i18n';

/** The session under way, else the soonest planned one. */
function nextSession(sessions: readonly CommitteeSessionSummaryDto[]): CommitteeSessionSummaryDto | undefined {
  const under = sessions.find((s) => s.status === 'in_session');
  if (under) return under;
  return sessions.filter((s) => s.status === 'planned').sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt))[0];
}

/** The committee's next session, for its members. */
export function CommitteeSection() {
  const text = useHomeText();
  const locale = useLocale();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' });
  return (
    <HomeSection section="committee" to="/committee" options={listCommitteeSessionsOptions()}>
      {(sessions) => {
        const next = nextSession(sessions);
        return next ? (
          <p>
            <Link to={`/committee/sessions/${next.id}`}>{next.title}</Link>
            <span className="ec-home-list__meta">
              {next.status === 'in_session' ? (
                text.committee.inSession
              ) : (
                <time dateTime={next.scheduledAt}>{date.format(new Date(next.scheduledAt))}</time>
              )}{' '}
              · {text.committee.agenda({ count: next.agendaCount })}
            </span>
          </p>
        ) : (
          <p>{text.committee.empty}</p>
        );
      }}
    </HomeSection>
  );
}
