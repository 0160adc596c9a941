import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import {
  dismissRecognitionMutation,
  isApiError,
  listRecognitionsInfiniteOptions,
  recordRecognitionMutation,
  type RecognitionDto,
} from '@eclore/api-client';
import {
  can,
  defaultPublic,
  mayBePublic,
  RECOGNITION_FORMS,
  RECOGNITION_STATUSES,
  type RecognitionForm,
  type RecognitionStatus,
} from '@eclore/domain';
import { Alert, Button, DataTable, FormDialog, Page, SelectField, TextAreaField } from '@eclore/web-ui';
import { messageFor, problemMessage } from '../../app/errors';
import { useAppText } from '../../app/i18n';
import { usePageState } from '../../app/page-state';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { useDocumentTitle } from '../../app/use-document-title';
import { useLocale } from '../../i18n/text';
import { useSession } from '../../session/session';
import { useRecognitionText, type RecognitionText } from './i18n';
import { useRecognitionsChanged } from './queries';
import { RecognitionSettingsPanel } from './RecognitionSettingsPanel';
import './recognition.css';

const PAGE_SIZE = 25;
const ANY = 'all';

/** Who the item is about, as a recogniser may read it: never an anonymous author's name. */
export function personLabel(item: RecognitionDto, text: RecognitionText): string {
  return item.person ? `${item.person.givenName} ${item.person.familyName}` : text.due.anonymousAuthor;
}

/**
 * The recognisers' screen (HR, admins, the network lead in scope): the items opened by milestones,
 * filtered by status (due by default), each recorded with a form and a message or dismissed with a
 * reason (docs/recognition.md §3).
 */
export default function RecognitionDuePage() {
  const text = useRecognitionText();
  const locale = useLocale();
  useDocumentTitle(text.due.title);
  const focus = useFocusHeadingOnMount();
  const { actor } = useSession();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('status') ?? 'due';
  const status = (RECOGNITION_STATUSES as readonly string[]).includes(chosen) ? (chosen as RecognitionStatus) : null;
  const items = useInfiniteQuery({
    ...listRecognitionsInfiniteOptions({ query: { limit: PAGE_SIZE, ...(status ? { status } : {}) } }),
    initialPageParam: {},
    getNextPageParam: (last) => (last.nextCursor ? { query: { cursor: last.nextCursor } } : undefined),
  });
  const [recording, setRecording] = useState<RecognitionDto | null>(null);
  const [dismissing, setDismissing] = useState<RecognitionDto | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // A dialog closes with the notice of what it did, or without one when cancelled.
  const closed = (message?: string) => {
    setRecording(null);
    setDismissing(null);
    if (message) setDone(message);
  };
  const rows = items.data?.pages.flatMap((p) => p.items) ?? [];
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const state = usePageState(items);

  return (
    <Page title={text.due.title} lead={text.due.lead} focusOnMount={focus} {...state}>
      {done ? <Alert tone="success">{done}</Alert> : null}
      <SelectField
        label={text.due.status}
        value={status ?? ANY}
        onChange={(e) => {
          setDone(null);
          setParams(e.target.value === 'due' ? {} : { status: e.target.value });
        }}
        options={[
          ...RECOGNITION_STATUSES.map((s) => ({ value: s, label: text.statuses[s] })),
          { value: ANY, label: text.due.anyStatus },
        ]}
      />
      {items.isSuccess ? (
        <DataTable<RecognitionDto>
          narrow="list"
          caption={text.due.caption}
          captionHidden
          rows={rows}
          rowKey={(r) => r.id}
          empty={text.due.empty}
          rowData={(r) => ({ 'data-testid': 'recognition-row', 'data-status': r.status })}
          columns={[
            {
              key: 'person',
              header: text.due.person,
              rowHeader: true,
              cell: (r) => (r.anonymousAuthor ? <em>{personLabel(r, text)}</em> : personLabel(r, text)),
            },
            { key: 'idea', header: text.due.idea, cell: (r) => <Link to={`/ideas/${r.idea.id}`}>{r.idea.title}</Link> },
            { key: 'milestone', header: text.due.milestone, cell: (r) => text.milestones[r.milestone] },
            {
              key: 'opened',
              header: text.due.openedAt,
              cell: (r) => <time dateTime={r.openedAt}>{date.format(new Date(r.openedAt))}</time>,
            },
            {
              key: 'state',
              header: text.due.state,
              cell: (r) =>
                [
                  text.statuses[r.status],
                  r.form ? text.forms[r.form] : null,
                  r.publicDeclined ? text.due.declined : null,
                  r.dismissReason,
                ]
                  .filter(Boolean)
                  .join(' — '),
            },
            {
              key: 'actions',
              header: text.due.actions,
              cell: (r) =>
                r.status === 'due' ? (
                  <span className="ec-recognition-actions">
                    <Button onClick={() => setRecording(r)}>{text.due.record}</Button>
                    <Button variant="secondary" onClick={() => setDismissing(r)}>
                      {text.due.dismiss}
                    </Button>
                  </span>
                ) : null,
            },
          ]}
        />
      ) : null}
      {items.hasNextPage ? (
        <Button variant="secondary" onClick={() => void items.fetchNextPage()} disabled={items.isFetchingNextPage}>
          {text.due.more}
        </Button>
      ) : null}
      {recording ? <RecordDialog item={recording} onClose={closed} /> : null}
      {actor && can(actor, 'recognition.settings') ? <RecognitionSettingsPanel /> : null}
      {dismissing ? <DismissDialog item={dismissing} onClose={closed} /> : null}
    </Page>
  );
}

/** The API's refusal, worded: a field's on that field, anything else above the fields. */
function useRefusal(error: unknown) {
  const app = useAppText();
  const text = useRecognitionText();
  const fieldError = (field: string): string | undefined => {
    const problem = isApiError(error) ? error.errorsFor(field)[0] : undefined;
    return problem ? (messageFor(text.fieldErrors, problem.code) ?? problem.message) : undefined;
  };
  const general =
    error && !(isApiError(error) && error.fieldErrors.length > 0)
      ? problemMessage(app.problems, error, text.problems)
      : null;
  return { fieldError, general };
}

function RecordDialog({ item, onClose }: { item: RecognitionDto; onClose: (done?: string) => void }) {
  const text = useRecognitionText();
  const changed = useRecognitionsChanged();
  const [form, setForm] = useState<RecognitionForm>('thanks_letter');
  const [message, setMessage] = useState('');
  const [isPublic, setPublic] = useState(defaultPublic('thanks_letter', item.anonymousAuthor));
  const record = useMutation({
    ...recordRecognitionMutation(),
    onSuccess: async () => {
      await changed();
      onClose(text.due.recorded);
    },
  });
  const refusal = useRefusal(record.error);
  const publicAllowed = mayBePublic(form, item.anonymousAuthor);
  return (
    <FormDialog
      open
      title={text.recordDialog.title(personLabel(item, text))}
      submitLabel={text.recordDialog.submit}
      cancelLabel={text.recordDialog.cancel}
      busy={record.isPending}
      onCancel={() => onClose()}
      onSubmit={() =>
        record.mutate({ path: { id: item.id }, body: { form, message, isPublic: publicAllowed && isPublic } })
      }
    >
      {refusal.general ? <Alert tone="error">{refusal.general}</Alert> : null}
      <p>
        <Link to={`/ideas/${item.idea.id}`}>{item.idea.title}</Link> — {text.milestones[item.milestone]}
      </p>
      <SelectField
        label={text.recordDialog.form}
        value={form}
        onChange={(e) => {
          const next = e.target.value as RecognitionForm;
          setForm(next);
          setPublic(defaultPublic(next, item.anonymousAuthor));
        }}
        options={RECOGNITION_FORMS.map((f) => ({ value: f, label: text.forms[f] }))}
      />
      {refusal.fieldError('form') ? <p className="ec-text-field__error">{refusal.fieldError('form')}</p> : null}
      <TextAreaField
        label={text.recordDialog.message}
        hint={text.recordDialog.messageHint}
        name="message"
        rows={6}
        maxLength={4000}
        value={message}
        error={refusal.fieldError('message')}
        onChange={(e) => setMessage(e.target.value)}
      />
      <label className="ec-recognition-check">
        <input
          type="checkbox"
          name="isPublic"
          checked={publicAllowed && isPublic}
          disabled={!publicAllowed}
          onChange={(e) => setPublic(e.target.checked)}
        />{' '}
        {text.recordDialog.isPublic}
      </label>
      {!publicAllowed ? (
        <p className="ec-text-field__hint">
          {item.anonymousAuthor ? text.recordDialog.privateOnlyAnonymous : text.recordDialog.privateOnlyForm}
        </p>
      ) : null}
      {refusal.fieldError('isPublic') ? <p className="ec-text-field__error">{refusal.fieldError('isPublic')}</p> : null}
    </FormDialog>
  );
}

function DismissDialog({ item, onClose }: { item: RecognitionDto; onClose: (done?: string) => void }) {
  const text = useRecognitionText();
  const changed = useRecognitionsChanged();
  const [reason, setReason] = useState('');
  const dismiss = useMutation({
    ...dismissRecognitionMutation(),
    onSuccess: async () => {
      await changed();
      onClose(text.due.dismissed);
    },
  });
  const refusal = useRefusal(dismiss.error);
  return (
    <FormDialog
      open
      title={text.dismissDialog.title}
      submitLabel={text.dismissDialog.submit}
      cancelLabel={text.dismissDialog.cancel}
      busy={dismiss.isPending}
      onCancel={() => onClose()}
      onSubmit={() => dismiss.mutate({ path: { id: item.id }, body: { reason } })}
    >
      {refusal.general ? <Alert tone="error">{refusal.general}</Alert> : null}
      <p>
        {personLabel(item, text)} — {item.idea.title}
      </p>
      <TextAreaField
        label={text.dismissDialog.reason}
        hint={text.dismissDialog.reasonHint}
        name="reason"
        rows={3}
        maxLength={1000}
        value={reason}
        error={refusal.fieldError('reason')}
        onChange={(e) => setReason(e.target.value)}
      />
    </FormDialog>
  );
}
