import { useState } from 'react';
import { ArrowDown, ArrowUp, X } from 'lucide-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import {
  addAgendaItemMutation,
  closeCommitteeSessionMutation,
  getCommitteeSessionOptions,
  listAgendaSuggestionsOptions,
  removeAgendaItemMutation,
  reorderAgendaMutation,
  startCommitteeSessionMutation,
  type AgendaItemDto,
  type CommitteeSessionDto,
} from '@eclore/api-client';
import { can } from '@eclore/domain';
import { Alert, Button, ConfirmDialog, PageHeader, Panel } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { useSession } from '../../session/session';
import { DecisionDialog } from './DecisionDialog';
import { PreReadingPack } from './PreReadingPack';
import { Prioritisation } from './Prioritisation';
import { commandError, formatDateTime, useLocale, useCommitteeText } from './i18n';
import './committee.css';
import { useSessionChanged } from './queries';

/**
 * One committee session: its facts and members, the agenda (built from qualified ideas, reordered,
 * decided item by item in session), the pre-reading pack, the prioritisation and the minutes.
 */
export default function SessionPage() {
  const { id = '' } = useParams();
  const s = useCommitteeText();
  const locale = useLocale();
  const focus = useFocusHeadingOnMount();
  const me = useSession().actor;
  const query = useQuery({ ...getCommitteeSessionOptions({ path: { id } }), retry: false });
  useDocumentTitle(query.data?.title ?? s.list.title);
  const [failure, setFailure] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const [presentIds, setPresentIds] = useState<string[] | null>(null);

  const sessionChanged = useSessionChanged(id);
  // Every command answers the session as it now is; the other views are refreshed around it.
  const onSession = (session: CommitteeSessionDto) => {
    setFailure(null);
    sessionChanged(session);
  };
  const onError = (error: unknown) => setFailure(commandError(s, error));
  const start = useMutation({ ...startCommitteeSessionMutation(), onSuccess: onSession, onError });
  const close = useMutation({
    ...closeCommitteeSessionMutation(),
    onSuccess: (session) => {
      setClosing(false);
      onSession(session);
    },
    onError,
  });

  if (query.isError) return <Alert tone="error">{s.session.notFound}</Alert>;
  if (!query.data) return <p role="status">{s.session.loading}</p>;
  const session = query.data;
  const manage = me !== null && can(me, 'committee.manage');
  const present = presentIds ?? session.members.map((m) => m.id);

  return (
    <>
      <p>
        <Link to="/committee">{s.session.back}</Link>
      </p>
      <PageHeader title={session.title} focusOnMount={focus} />
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <Panel title={s.session.facts}>
        <dl className="ec-committee-facts">
          <dt>{s.session.date}</dt>
          <dd>{formatDateTime(session.scheduledAt, locale)}</dd>
          <dt>{s.list.columns.status}</dt>
          <dd data-testid="session-status">{s.status[session.status]}</dd>
          <dt>{s.session.language}</dt>
          <dd>{s.languages[session.language]}</dd>
          <dt>{s.session.members}</dt>
          <dd>
            <ul className="ec-committee-members-list">
              {session.members.map((m) => (
                <li key={m.id}>
                  {m.givenName} {m.familyName} {m.chair ? s.session.chairMark : null}
                  {m.present === false ? ` ${s.session.absent}` : null}
                </li>
              ))}
            </ul>
          </dd>
        </dl>
        <div className="ec-committee-actions">
          {manage && session.status === 'planned' ? (
            <Button onClick={() => start.mutate({ path: { id } })} disabled={start.isPending}>
              {s.session.start}
            </Button>
          ) : null}
          {manage && session.status === 'in_session' ? (
            <Button onClick={() => setClosing(true)}>{s.session.close}</Button>
          ) : null}
          <a className="ec-button ec-button--secondary" href={`/api/committee/sessions/${id}/minutes.pdf`} download>
            {s.session.minutes}
          </a>
        </div>
      </Panel>
      <Agenda session={session} manage={manage} onSession={onSession} onError={onError} />
      {manage && session.status !== 'closed' ? (
        <Suggestions session={session} onSession={onSession} onError={onError} />
      ) : null}
      <PreReadingPack sessionId={id} />
      <Prioritisation sessionId={id} />
      <ConfirmDialog
        open={closing}
        title={s.closeDialog.title}
        confirmLabel={s.closeDialog.confirm}
        cancelLabel={s.closeDialog.cancel}
        busy={close.isPending}
        onCancel={() => setClosing(false)}
        onConfirm={() => close.mutate({ path: { id }, body: { presentIds: present } })}
      >
        <p>{s.closeDialog.lead}</p>
        <fieldset className="ec-committee-members">
          <legend>{s.closeDialog.present}</legend>
          {session.members.map((m) => (
            <label key={m.id} className="ec-committee-check">
              <input
                type="checkbox"
                checked={present.includes(m.id)}
                onChange={(e) =>
                  setPresentIds(e.target.checked ? [...present, m.id] : present.filter((p) => p !== m.id))
                }
              />{' '}
              {m.givenName} {m.familyName}
            </label>
          ))}
        </fieldset>
      </ConfirmDialog>
    </>
  );
}

function Agenda({
  session,
  manage,
  onSession,
  onError,
}: {
  session: CommitteeSessionDto;
  manage: boolean;
  onSession: (s: CommitteeSessionDto) => void;
  onError: (e: unknown) => void;
}) {
  const s = useCommitteeText();
  const locale = useLocale();
  const me = useSession().actor;
  const [deciding, setDeciding] = useState<AgendaItemDto | null>(null);
  // Moving or removing an item changes the list under the keyboard user: say it happened.
  const [notice, setNotice] = useState('');
  const changed = (next: CommitteeSessionDto) => {
    setNotice(s.agenda.updated);
    onSession(next);
  };
  const reorder = useMutation({ ...reorderAgendaMutation(), onSuccess: changed, onError });
  const remove = useMutation({ ...removeAgendaItemMutation(), onSuccess: changed, onError });
  const editable = manage && session.status !== 'closed';
  const canDecide = me !== null && can(me, 'committee.decide') && session.status === 'in_session';
  const move = (index: number, by: -1 | 1) => {
    const ids = session.agenda.map((a) => a.id);
    const [item] = ids.splice(index, 1);
    ids.splice(index + by, 0, item!);
    reorder.mutate({ path: { id: session.id }, body: { itemIds: ids } });
  };

  return (
    <Panel title={s.agenda.title}>
      {session.agenda.length === 0 ? <p>{s.agenda.empty}</p> : null}
      <p role="status" className="ec-visually-hidden">
        {notice}
      </p>
      <ol className="ec-committee-agenda">
        {session.agenda.map((item, index) => (
          <li key={item.id} className="ec-committee-agenda__item">
            <div>
              <Link to={`/ideas/${item.idea.id}`}>{item.idea.title}</Link>
              <p className="ec-committee-agenda__decision">
                {item.decision
                  ? `${s.decision.short[item.decision]}${
                      item.parkedUntil
                        ? ` ${s.decision.parkedUntil(formatDateTime(item.parkedUntil, locale, false))}`
                        : ''
                    } — ${item.rationale ?? ''}`
                  : s.agenda.undecided}
                {!item.inScope ? ` (${s.agenda.outOfScope})` : null}
              </p>
              {item.evidence ? (
                <p className="ec-committee-agenda__evidence">
                  {s.agenda.evidence(
                    item.evidence.hypothesis.change,
                    item.evidence.hypothesis.audience,
                    item.evidence.hypothesis.expectedResult,
                    item.evidence.logEntryCount,
                  )}
                  {item.evidence.learnings ? ` ${item.evidence.learnings}` : null}
                </p>
              ) : null}
            </div>
            <div className="ec-committee-agenda__actions">
              {editable ? (
                <>
                  <Button
                    variant="secondary"
                    aria-label={s.agenda.up(item.idea.title)}
                    disabled={index === 0 || reorder.isPending}
                    onClick={() => move(index, -1)}
                  >
                    <ArrowUp aria-hidden="true" focusable="false" size={18} />
                  </Button>
                  <Button
                    variant="secondary"
                    aria-label={s.agenda.down(item.idea.title)}
                    disabled={index === session.agenda.length - 1 || reorder.isPending}
                    onClick={() => move(index, 1)}
                  >
                    <ArrowDown aria-hidden="true" focusable="false" size={18} />
                  </Button>
                </>
              ) : null}
              {editable && item.decision === null && item.inScope ? (
                <Button
                  variant="secondary"
                  aria-label={s.agenda.remove(item.idea.title)}
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ path: { id: session.id, itemId: item.id } })}
                >
                  <X aria-hidden="true" focusable="false" size={18} />
                </Button>
              ) : null}
              {canDecide && item.decision === null && item.inScope ? (
                <Button onClick={() => setDeciding(item)}>{s.agenda.decide(item.idea.title)}</Button>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
      {deciding ? (
        <DecisionDialog
          sessionId={session.id}
          item={deciding}
          onClose={() => setDeciding(null)}
          onDone={(next) => {
            setDeciding(null);
            onSession(next);
          }}
        />
      ) : null}
    </Panel>
  );
}

function Suggestions({
  session,
  onSession,
  onError,
}: {
  session: CommitteeSessionDto;
  onSession: (s: CommitteeSessionDto) => void;
  onError: (e: unknown) => void;
}) {
  const s = useCommitteeText();
  const suggestions = useQuery(listAgendaSuggestionsOptions({ path: { id: session.id } }));
  const add = useMutation({ ...addAgendaItemMutation(), onSuccess: onSession, onError });
  const items = suggestions.data?.items ?? [];
  return (
    <Panel title={s.agenda.suggestions}>
      <p>{s.agenda.suggestionsLead}</p>
      {suggestions.isSuccess && items.length === 0 ? <p>{s.agenda.noSuggestions}</p> : null}
      <ul className="ec-committee-suggestions">
        {items.map((idea) => (
          <li key={idea.id}>
            <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>{' '}
            <Button
              variant="secondary"
              disabled={add.isPending}
              onClick={() => add.mutate({ path: { id: session.id }, body: { ideaId: idea.id } })}
            >
              {s.agenda.add(idea.title)}
            </Button>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
