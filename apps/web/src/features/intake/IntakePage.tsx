import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  acceptIdeaMutation,
  isApiError,
  listIntakeOptions,
  returnIdeaMutation,
  type IntakeItemDto,
} from '@eclore/api-client';
import { Alert, Button, Page } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { TextAreaField } from '@eclore/web-ui';
import { useIdeasText } from '../ideas/i18n';
import '../ideas/ideas.css';
import { useIntakeChanged } from './queries';
import { usePageState } from '../../app/page-state';

/** The innovation network's intake queue: accept a submitted idea onto the wall, or return it with a reason. */
export default function IntakePage() {
  const s = useIdeasText();
  useDocumentTitle(s.intake.title);
  const focus = useFocusHeadingOnMount();
  const queue = useQuery(listIntakeOptions());
  const [notice, setNotice] = useState<string | null>(null);
  const state = usePageState(queue, { loading: '…', error: s.errors.generic });
  return (
    <Page title={s.intake.title} lead={s.intake.lead} focusOnMount={focus} {...state}>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {queue.data && queue.data.length === 0 ? <p>{s.intake.empty}</p> : null}
      <ul className="ec-idea-list">
        {(queue.data ?? []).map((item) => (
          <IntakeItem key={item.idea.id} item={item} onDone={setNotice} />
        ))}
      </ul>
    </Page>
  );
}

function IntakeItem({ item, onDone }: { item: IntakeItemDto; onDone: (notice: string) => void }) {
  const s = useIdeasText();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const refresh = useIntakeChanged();
  const accept = useMutation({
    ...acceptIdeaMutation(),
    onSuccess: (idea) => {
      onDone(s.intake.accepted(idea.title));
      void refresh();
    },
  });
  const ret = useMutation({
    ...returnIdeaMutation(),
    onSuccess: (idea) => {
      onDone(s.intake.returned(idea.title));
      void refresh();
    },
  });
  const { idea } = item;
  const failed = accept.error ?? ret.error;
  const reasonError =
    isApiError(ret.error) && ret.error.errorsFor('reason').length ? s.fieldErrors.required : undefined;
  const onReturn = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    ret.mutate({ path: { id: idea.id }, body: { reason, version: idea.version } });
  };
  return (
    <li className="ec-intake-item">
      <h2 className="ec-intake-item__title">
        <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
      </h2>
      <p>
        {s.kind[idea.kind]}
        {idea.orgUnit ? ` · ${idea.orgUnit.name}` : ''}
        {' · '}
        {idea.author ? `${idea.author.givenName} ${idea.author.familyName}` : s.page.anonymousAuthor}
        {' · '}
        <time dateTime={item.waitingSince}>{s.intake.waited(item.waitingHours)}</time>
      </p>
      {idea.summary ? <p>{idea.summary}</p> : null}
      {failed && !reasonError ? (
        <Alert tone="error">{isApiError(failed) ? (failed.detail ?? s.errors.generic) : s.errors.generic}</Alert>
      ) : null}
      {returning ? (
        <form onSubmit={onReturn} noValidate>
          <TextAreaField
            label={s.intake.reason}
            value={reason}
            rows={3}
            required
            onChange={(e) => setReason(e.target.value)}
            error={reasonError}
          />
          <div className="ec-form-actions">
            <Button type="submit" disabled={ret.isPending}>
              {s.intake.sendReturn}
            </Button>
            <Button variant="secondary" onClick={() => setReturning(false)}>
              {s.intake.cancel}
            </Button>
          </div>
        </form>
      ) : (
        <div className="ec-form-actions">
          <Button
            disabled={accept.isPending}
            aria-label={`${s.intake.accept} : ${idea.title}`}
            onClick={() => accept.mutate({ path: { id: idea.id }, body: { version: idea.version } })}
          >
            {s.intake.accept}
          </Button>
          <Button
            variant="secondary"
            aria-label={`${s.intake.return} : ${idea.title}`}
            onClick={() => setReturning(true)}
          >
            {s.intake.return}
          </Button>
        </div>
      )}
    </li>
  );
}
