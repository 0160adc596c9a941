import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { isApiError, revealIdeaAuthorMutation, type IdeaDto } from '@eclore/api-client';
import { can } from '@eclore/domain';
import { Alert, Button, ConfirmDialog, Facts, Panel, TextAreaField } from '@eclore/web-ui';
import { useSession } from '../../session/session';
import { useAnonymityText } from './i18n';

/**
 * The anonymity guardian's reveal on the idea page: a required reason, a confirmation that says the
 * reveal is audited, then the author shown in this view only. The answer lives in this component's
 * mutation (dropped as soon as the view goes), never in the idea's cached query that others' screens
 * and later visits read.
 */
export function RevealAuthorPanel({ idea }: { idea: IdeaDto }) {
  const s = useAnonymityText();
  const { actor } = useSession();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const reveal = useMutation({ ...revealIdeaAuthorMutation(), gcTime: 0 });
  if (!idea.anonymous || !idea.authorHidden || !actor || !can(actor, 'idea.reveal_author')) return null;

  const onNext = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setConfirming(true);
  };
  const serverReasonError = isApiError(reveal.error) && reveal.error.errorsFor('reason').length > 0;
  const revealed = reveal.data;

  return (
    <Panel title={s.title} className="ec-reveal">
      {revealed ? (
        <section aria-labelledby="revealed-author-title" className="ec-reveal__result">
          <h3 id="revealed-author-title">{s.revealedTitle}</h3>
          <Facts
            facts={[
              { term: s.author, value: `${revealed.author.givenName} ${revealed.author.familyName}` },
              { term: s.email, value: <a href={`mailto:${revealed.email}`}>{revealed.email}</a> },
              { term: s.coAuthors, value: revealed.coAuthors.map((c) => `${c.givenName} ${c.familyName}`).join(', ') },
              {
                term: s.capturedBy,
                value: revealed.capturedBy && `${revealed.capturedBy.givenName} ${revealed.capturedBy.familyName}`,
              },
            ]}
          />
          <p>{s.revealedNote}</p>
        </section>
      ) : open ? (
        <form onSubmit={onNext} noValidate>
          {reveal.isError && !serverReasonError ? (
            <Alert tone="error">{isApiError(reveal.error) ? (reveal.error.detail ?? s.error) : s.error}</Alert>
          ) : null}
          <TextAreaField
            label={s.reason}
            hint={s.reasonHint}
            value={reason}
            required
            maxLength={2000}
            error={missing || serverReasonError ? s.reasonRequired : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="ec-form-actions">
            <Button type="submit">{s.next}</Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {s.cancel}
            </Button>
          </div>
        </form>
      ) : (
        <>
          <p>{s.lead}</p>
          <Button variant="secondary" onClick={() => setOpen(true)}>
            {s.start}
          </Button>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        busy={reveal.isPending}
        title={s.confirmTitle}
        confirmLabel={s.confirm}
        cancelLabel={s.cancel}
        onConfirm={() => {
          setConfirming(false);
          reveal.mutate({ path: { id: idea.id }, body: { reason: reason.trim(), version: idea.version } });
        }}
        onCancel={() => setConfirming(false)}
      >
        {s.confirmText}
      </ConfirmDialog>
    </Panel>
  );
}
