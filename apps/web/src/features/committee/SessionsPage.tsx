import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import {
  createCommitteeSessionMutation,
  isApiError,
  listCommitteeMembersOptions,
  listCommitteeSessionsOptions,
  type CommitteeSessionSummaryDto,
} from '@eclore/api-client';
import { can, SUPPORTED_LOCALES, type Locale } from '@eclore/domain';
import {
  Alert,
  Button,
  DataTable,
  type DataTableColumn,
  FieldError,
  optionsOf,
  Page,
  Panel,
  SelectField,
  TextField,
} from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { useSession } from '../../session/session';
import { formatDateTime, useLocale, useCommitteeText, type CommitteeText } from './i18n';
import './committee.css';
import { useSessionsChanged } from './queries';
import { fieldMessages } from '../../app/errors';
import { usePageState } from '../../app/page-state';

/** The committee's sessions, latest first, and the form to plan one. */
export default function SessionsPage() {
  const s = useCommitteeText();
  const locale = useLocale();
  useDocumentTitle(s.list.title);
  const focus = useFocusHeadingOnMount();
  const me = useSession().actor;
  const sessions = useQuery(listCommitteeSessionsOptions());

  const columns: DataTableColumn<CommitteeSessionSummaryDto>[] = [
    { key: 'date', header: s.list.columns.date, cell: (session) => formatDateTime(session.scheduledAt, locale) },
    {
      key: 'title',
      header: s.list.columns.title,
      cell: (session) => <Link to={`/committee/sessions/${session.id}`}>{session.title}</Link>,
    },
    { key: 'status', header: s.list.columns.status, cell: (session) => s.status[session.status] },
    {
      key: 'agenda',
      header: s.list.columns.agenda,
      cell: (session) => s.list.agenda(session.agendaCount, session.decidedCount),
    },
    {
      key: 'chair',
      header: s.list.columns.chair,
      cell: (session) => (session.chair ? `${session.chair.givenName} ${session.chair.familyName}` : ''),
    },
  ];
  const state = usePageState(sessions, { loading: s.list.loading, error: s.list.error });
  return (
    <Page title={s.list.title} lead={s.list.lead} focusOnMount={focus} {...state}>
      {sessions.data ? (
        <DataTable
          narrow="list"
          caption={s.list.caption}
          columns={columns}
          rows={sessions.data}
          rowKey={(session) => session.id}
          empty={s.list.empty}
        />
      ) : null}
      {me && can(me, 'committee.manage') ? <PlanSessionForm s={s} /> : null}
    </Page>
  );
}

/** A local date-time input value (yyyy-MM-ddTHH:mm) a week from now at 14:00. */
function nextWeek(): string {
  const d = new Date(Date.now() + 7 * 86_400_000);
  d.setHours(14, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function PlanSessionForm({ s }: { s: CommitteeText }) {
  const me = useSession().actor;
  const locale = useLocale();
  const navigate = useNavigate();
  const sessionsChanged = useSessionsChanged();
  const members = useQuery(listCommitteeMembersOptions());
  const [title, setTitle] = useState('');
  const [when, setWhen] = useState(nextWeek);
  const [language, setLanguage] = useState<Locale>(locale);
  const [memberIds, setMemberIds] = useState<string[]>(me ? [me.personId] : []);
  const [chairId, setChairId] = useState(me?.personId ?? '');
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const create = useMutation(createCommitteeSessionMutation());

  const toggle = (id: string, on: boolean) => setMemberIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors(new Map());
    setFailure(null);
    const scheduled = new Date(when);
    try {
      const created = await create.mutateAsync({
        body: {
          title,
          scheduledAt: Number.isNaN(scheduled.getTime()) ? '' : scheduled.toISOString(),
          language,
          memberIds,
          chairId,
        },
      });
      await sessionsChanged();
      void navigate(`/committee/sessions/${created.id}`);
    } catch (error) {
      if (isApiError(error) && error.fieldErrors.length) {
        setErrors(fieldMessages(error, s.errors, s.errors.required));
        setFailure(s.form.fixErrors);
      } else {
        setFailure(isApiError(error) && error.status === 403 ? s.errors['forbidden']! : s.errors['generic']!);
      }
    }
  };

  const selected = (members.data ?? []).filter((m) => memberIds.includes(m.id));
  return (
    <Panel title={s.form.heading}>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <form className="ec-committee-form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField
          label={s.form.title}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={errors.get('title')}
          required
          maxLength={200}
        />
        <TextField
          label={s.form.date}
          type="datetime-local"
          value={when}
          onChange={(e) => setWhen(e.target.value)}
          error={errors.get('scheduledAt')}
          required
        />
        <SelectField
          label={s.form.language}
          value={language}
          onChange={(e) => setLanguage(e.target.value as Locale)}
          options={optionsOf(SUPPORTED_LOCALES, s.languages)}
        />
        <fieldset
          className="ec-committee-members"
          aria-describedby={errors.get('memberIds') ? 'members-error' : undefined}
        >
          <legend>{s.form.members}</legend>
          {(members.data ?? []).map((m) => (
            <label key={m.id} className="ec-committee-check">
              <input
                type="checkbox"
                checked={memberIds.includes(m.id)}
                onChange={(e) => toggle(m.id, e.target.checked)}
              />{' '}
              {m.givenName} {m.familyName}
            </label>
          ))}
          {errors.get('memberIds') ? <FieldError id="members-error">{errors.get('memberIds')}</FieldError> : null}
        </fieldset>
        <SelectField
          label={s.form.chair}
          value={chairId}
          onChange={(e) => setChairId(e.target.value)}
          aria-describedby={errors.get('chairId') ? 'chair-error' : undefined}
        >
          {selected.map((m) => (
            <option key={m.id} value={m.id}>
              {m.givenName} {m.familyName}
            </option>
          ))}
        </SelectField>
        {errors.get('chairId') ? <FieldError id="chair-error">{errors.get('chairId')}</FieldError> : null}
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? s.form.saving : s.form.submit}
        </Button>
      </form>
    </Panel>
  );
}
