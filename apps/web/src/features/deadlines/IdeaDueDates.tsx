import { useQuery } from '@tanstack/react-query';
import { getIdeaDeadlinesOptions, type IdeaDto } from '@eclore/api-client';
import { useLocale, useDeadlinesText } from './i18n';
import './deadlines.css';

/** Statuses in which a deadline may apply; elsewhere nothing is asked of the api. */
const WAITING: ReadonlySet<IdeaDto['status']> = new Set(['collect', 'visible', 'qualify']);

/**
 * The idea's answer-time due dates on the idea page (a row of facts per deadline that applies now),
 * "late" written out beside a passed one. Nothing once the idea is answered or ended.
 */
export function IdeaDueDates({ idea }: { idea: Pick<IdeaDto, 'id' | 'status'> }) {
  const s = useDeadlinesText();
  const locale = useLocale();
  const deadlines = useQuery({
    ...getIdeaDeadlinesOptions({ path: { id: idea.id } }),
    enabled: WAITING.has(idea.status),
  });
  if (!WAITING.has(idea.status) || !deadlines.data || deadlines.data.deadlines.length === 0) return null;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
  return (
    <dl className="ec-facts ec-due-dates">
      {deadlines.data.deadlines.map((d) => {
        const when = date.format(new Date(d.dueAt));
        return (
          <div key={d.kind} className="ec-facts__row">
            <dt>{s.kinds[d.kind]}</dt>
            <dd>
              <time dateTime={d.dueAt}>{d.late ? when : s.dueBy(when)}</time>
              {d.late ? (
                <>
                  {' '}
                  <span className="ec-due-dates__late">{s.late}</span>
                </>
              ) : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
