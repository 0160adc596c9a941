import { useQuery } from '@tanstack/react-query';
import { listIdeaRecognitionsOptions, type IdeaDto } from '@eclore/api-client';
import { Panel } from '@eclore/web-ui';
import { useLocale } from '../../i18n/text';
import { useRecognitionText } from './i18n';
import './recognition.css';

/**
 * The idea page's recognitions (an IdeaExtensions entry): the public ones only, as the server
 * answers them (recorded, public, not declined, never an anonymous author's). Nothing when none.
 */
export function PublicRecognitionsPanel({ idea }: { idea: IdeaDto }) {
  const text = useRecognitionText();
  const locale = useLocale();
  const shown = useQuery(listIdeaRecognitionsOptions({ path: { id: idea.id } }));
  if (!shown.data || shown.data.length === 0) return null;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
  return (
    <Panel title={text.onIdea.title}>
      <p>{text.onIdea.lead}</p>
      <ul className="ec-recognition-list">
        {shown.data.map((r) => (
          <li key={r.id} className="ec-recognition-card" data-testid="idea-recognition">
            <h3>
              {r.person.givenName} {r.person.familyName} — {text.forms[r.form]}
            </h3>
            <p>
              {text.milestones[r.milestone]} ·{' '}
              <time dateTime={r.recordedAt}>{date.format(new Date(r.recordedAt))}</time>
            </p>
            <p className="ec-recognition-card__message">{r.message}</p>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
