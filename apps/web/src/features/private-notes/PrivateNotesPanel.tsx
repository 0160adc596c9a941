import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { createPrivateNoteMutation, listPrivateNotesOptions, type ApiError, type IdeaDto } from '@eclore/api-client';
import { holdsRole } from '@eclore/domain';
import { Button, Panel } from '@eclore/web-ui';
import { useSession } from '../../session/session';
import { MentionPicker, TextArea, textToHtml } from '../engagement';
import { useLocale, usePrivateNotesText } from './i18n';
import { usePrivateNotesChanged } from './queries';
import { messageFor } from '../../app/errors';

/**
 * The idea's private thread, for the network and the committee in scope. Shown only to people holding
 * one of those roles; the API decides on the idea (scope, not an author) and a refusal shows nothing.
 */
export function PrivateNotesPanel({ idea }: { idea: IdeaDto }) {
  const session = useSession();
  const actor = session.actor;
  const eligible = actor !== null && (holdsRole(actor, 'network_member') || holdsRole(actor, 'committee_member'));
  if (!eligible || idea.viewer.isAuthor || idea.status === 'emerge') return null;
  return <Thread ideaId={idea.id} />;
}

function Thread({ ideaId }: { ideaId: string }) {
  const s = usePrivateNotesText();
  const date = new Intl.DateTimeFormat(useLocale(), { dateStyle: 'medium', timeStyle: 'short' });
  const notes = useQuery({ ...listPrivateNotesOptions({ path: { id: ideaId } }), retry: false });
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const notesChanged = usePrivateNotesChanged(ideaId);
  const create = useMutation({
    ...createPrivateNoteMutation(),
    onSuccess: () => {
      setText('');
      void notesChanged();
    },
    onError: (e: ApiError) => setError(messageFor(s.errors, e.fieldErrors[0]?.code ?? e.code) ?? s.errors.generic),
  });
  if (!notes.data) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setError(s.errors.required!);
    setError(null);
    create.mutate({ path: { id: ideaId }, body: { bodyHtml: textToHtml(text) } });
  };
  const insert = (token: string) => {
    const el = area.current;
    const at = el ? el.selectionStart : text.length;
    setText((t) => `${t.slice(0, at)}${token} ${t.slice(at)}`);
    el?.focus();
  };
  return (
    <Panel title={s.title} className="ec-private-notes">
      <p>{s.lead}</p>
      {notes.data.items.length === 0 ? <p>{s.empty}</p> : null}
      <ol className="ec-private-notes__list">
        {notes.data.items.map((n) => (
          <li key={n.id} className="ec-private-notes__note">
            <p className="ec-private-notes__by">
              {s.by(`${n.author.givenName} ${n.author.familyName}`, date.format(new Date(n.createdAt)))}
            </p>
            {/* Sanitised on the server before it is stored; mentions are rendered from the directory. */}
            <div dangerouslySetInnerHTML={{ __html: n.bodyHtml }} />
          </li>
        ))}
      </ol>
      <form onSubmit={submit} noValidate>
        <TextArea label={s.label} hint={s.hint} value={text} onChange={setText} error={error} textareaRef={area} />
        <div className="ec-form-actions">
          <MentionPicker onPick={insert} />
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? s.sending : s.send}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
