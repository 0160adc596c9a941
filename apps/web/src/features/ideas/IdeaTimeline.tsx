import type { TimelineDto } from '@eclore/api-client';
import { Facts } from '@eclore/web-ui';
import { useLocale } from './i18n';
import { useTimelineText } from './timeline-i18n';

/** The idea's history, oldest first; an anonymous author's acts read "the author". */
export function IdeaTimeline({ timeline }: { timeline: TimelineDto }) {
  const s = useTimelineText();
  const locale = useLocale();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  if (timeline.events.length === 0) return <p>—</p>;
  return (
    <ol className="ec-idea-timeline">
      {timeline.events.map((e) => (
        <li key={e.id}>
          <time dateTime={e.at}>{date.format(new Date(e.at))}</time>{' '}
          <strong>{e.type in s.events ? s.events[e.type as keyof typeof s.events] : s.events.other}</strong>
          {' — '}
          {e.actor.kind === 'person' && e.actor.person
            ? `${e.actor.person.givenName} ${e.actor.person.familyName}`
            : e.actor.kind === 'author'
              ? s.theAuthor
              : s.system}
          {e.text ? <p className="ec-idea-timeline__text">{e.text}</p> : null}
          {e.fieldReview ? (
            <Facts
              className="ec-idea-timeline__text"
              facts={(['whatHappened', 'unexpected', 'whoUsesIt'] as const).map((key) => ({
                term: s.fieldReview[key],
                value: e.fieldReview?.[key],
              }))}
            />
          ) : null}
        </li>
      ))}
    </ol>
  );
}
