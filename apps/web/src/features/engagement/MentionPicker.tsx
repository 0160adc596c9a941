import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { searchPeopleOptions } from '@eclore/api-client';
import { Button, TextField } from '@eclore/web-ui';
import { useEngagementText } from './i18n';

/** The token the API resolves to a mention of an active person (its name is re-read from the directory). */
export const mentionToken = (name: string, id: string) => `@[${name.replace(/[[\]\n]/g, ' ')}](${id})`;

/**
 * "Mention": a people search (GET /api/people?q=) whose results are buttons; picking one inserts the
 * mention token into the comment. Plain buttons rather than a combobox keep it usable with any
 * assistive technology.
 */
export function MentionPicker({ onPick }: { onPick: (token: string) => void }) {
  const s = useEngagementText();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const listId = useId();
  const people = useQuery({
    ...searchPeopleOptions({ query: { q: q.trim(), limit: 8 } }),
    enabled: open && q.trim().length >= 2,
  });
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} aria-expanded={false}>
        {s.mention.open}
      </Button>
    );
  }
  return (
    <div className="ec-mention-picker">
      <TextField
        label={s.mention.search}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        autoFocus
        aria-controls={listId}
      />
      <ul id={listId} className="ec-mention-picker__results" aria-live="polite">
        {people.data?.length === 0 ? <li>{s.mention.none}</li> : null}
        {people.data?.map((p) => {
          const name = `${p.givenName} ${p.familyName}`;
          return (
            <li key={p.id}>
              <button
                type="button"
                className="ec-link-button"
                aria-label={s.mention.pick(name)}
                onClick={() => {
                  onPick(mentionToken(name, p.id));
                  setOpen(false);
                  setQ('');
                }}
              >
                {name}
                {p.orgUnitName ? <span className="ec-engagement__muted"> · {p.orgUnitName}</span> : null}
              </button>
            </li>
          );
        })}
      </ul>
      <Button variant="secondary" onClick={() => setOpen(false)}>
        {s.cancel}
      </Button>
    </div>
  );
}
