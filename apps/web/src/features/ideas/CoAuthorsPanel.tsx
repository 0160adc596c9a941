import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { inviteCoAuthorMutation, isApiError, searchPeopleOptions, type IdeaDto } from '@eclore/api-client';
import { Alert, Button, Panel, TextField } from '@eclore/web-ui';
import { useIdeasText } from './i18n';

/** Authors invite colleagues to co-author their draft; the list shows who answered. */
export function CoAuthorsPanel({ idea, onChange }: { idea: IdeaDto; onChange: (idea: IdeaDto) => void }) {
  const s = useIdeasText();
  const [q, setQ] = useState('');
  const people = useQuery({
    ...searchPeopleOptions({ query: { q: q.trim(), limit: 8 } }),
    enabled: q.trim().length >= 2,
  });
  const invite = useMutation(inviteCoAuthorMutation());
  const taken = new Set([idea.author?.id, ...idea.coAuthors.filter((c) => c.status !== 'declined').map((c) => c.id)]);
  return (
    <Panel title={s.coAuthors.title} className="ec-idea-coauthors">
      {idea.coAuthors.length === 0 ? (
        <p>{s.coAuthors.none}</p>
      ) : (
        <ul>
          {idea.coAuthors.map((c) => (
            <li key={c.id}>
              {c.givenName} {c.familyName} — {s.coAuthors[c.status]}
            </li>
          ))}
        </ul>
      )}
      {idea.viewer.canEdit ? (
        <>
          {invite.isError ? (
            <Alert tone="error">
              {isApiError(invite.error) ? (invite.error.detail ?? s.errors.generic) : s.errors.generic}
            </Alert>
          ) : null}
          <TextField label={s.coAuthors.search} value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
          <ul className="ec-idea-coauthors__results" aria-live="polite">
            {(people.data ?? [])
              .filter((p) => !taken.has(p.id))
              .map((p) => (
                <li key={p.id}>
                  {p.givenName} {p.familyName}
                  {p.orgUnitName ? ` (${p.orgUnitName})` : ''}{' '}
                  <Button
                    variant="secondary"
                    disabled={invite.isPending}
                    aria-label={`${s.coAuthors.invite} ${p.givenName} ${p.familyName}`}
                    onClick={() =>
                      invite.mutate(
                        { path: { id: idea.id }, body: { personId: p.id } },
                        {
                          onSuccess: (updated) => {
                            onChange(updated);
                            setQ('');
                          },
                        },
                      )
                    }
                  >
                    {s.coAuthors.invite}
                  </Button>
                </li>
              ))}
          </ul>
        </>
      ) : null}
    </Panel>
  );
}
