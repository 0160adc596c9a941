import { useState, type FormEvent } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { listAuditEventsInfiniteOptions, type AuditEventDto } from '@eclore/api-client';
import { isGrantableRole } from '@eclore/domain';
import { Button, SelectField, TextField } from '@eclore/web-ui';
import { AdminHeader } from './AdminHeader';
import { PagedTable } from './PagedTable';
import { AuditChainCheck } from './AuditChainCheck';
import { useAppText } from '../../app/i18n';
import { useAdminText } from './i18n';

const PAGE_SIZE = 50;

/** Audit actions the screen names (others show their code). Keys of `admin.audit.actions`. */
const ACTION_KEYS = {
  'role.granted': 'roleGranted',
  'role.revoked': 'roleRevoked',
  'person.deactivated': 'personDeactivated',
  'person.reactivated': 'personReactivated',
  'session.started': 'sessionStarted',
  'directory.imported': 'directoryImported',
  'idea.author_revealed': 'authorRevealed',
  'person.erased': 'personErased',
  'personal_data.export_requested': 'exportRequested',
  'personal_data.export_downloaded': 'exportDownloaded',
} as const;
type KnownAction = keyof typeof ACTION_KEYS;
const isKnownAction = (action: string): action is KnownAction => action in ACTION_KEYS;

const SUBJECT_TYPES = ['person', 'directory_import', 'idea'] as const;
type KnownSubjectType = (typeof SUBJECT_TYPES)[number];
const isKnownSubjectType = (value: string): value is KnownSubjectType =>
  (SUBJECT_TYPES as readonly string[]).includes(value);

/** The audit log, newest first, filtered in the address (so a filtered view can be shared). */
export default function AuditPage() {
  const { i18n } = useTranslation();
  const text = useAdminText();
  const [params, setParams] = useSearchParams();
  const filters = {
    action: params.get('action') ?? '',
    subjectType: params.get('subjectType') ?? '',
    subjectId: params.get('subjectId') ?? '',
  };
  const [draft, setDraft] = useState(filters);
  const events = useInfiniteQuery({
    ...listAuditEventsInfiniteOptions({
      query: {
        limit: PAGE_SIZE,
        ...(filters.action ? { action: filters.action } : {}),
        ...(filters.subjectType ? { subjectType: filters.subjectType } : {}),
        ...(filters.subjectId ? { subjectId: filters.subjectId } : {}),
      },
    }),
    initialPageParam: {},
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });

  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    for (const [key, value] of Object.entries(draft)) if (value.trim()) next[key] = value.trim();
    setParams(next);
  };
  const actionLabel = (action: string) => (isKnownAction(action) ? text.audit.actions[ACTION_KEYS[action]] : action);
  const subjectLabel = (e: AuditEventDto) => {
    if (e.subjectPerson) {
      return (
        <Link
          to={`/admin/people/${e.subjectPerson.id}`}
        >{`${e.subjectPerson.givenName} ${e.subjectPerson.familyName}`}</Link>
      );
    }
    const type = isKnownSubjectType(e.subjectType) ? text.audit.subjectTypes[e.subjectType] : e.subjectType;
    return e.subjectId ? `${type} ${e.subjectId}` : type;
  };

  return (
    <>
      <AdminHeader title={text.tabs.audit} />
      <AuditChainCheck />
      <form className="ec-form-row" aria-label={text.audit.filters} onSubmit={onFilter}>
        <SelectField
          label={text.audit.action}
          value={draft.action}
          onChange={(e) => setDraft({ ...draft, action: e.target.value })}
          placeholder={text.audit.anyAction}
          options={(Object.keys(ACTION_KEYS) as KnownAction[]).map((action) => ({
            value: action,
            label: actionLabel(action),
          }))}
        />
        <SelectField
          label={text.audit.subjectType}
          value={draft.subjectType}
          onChange={(e) => setDraft({ ...draft, subjectType: e.target.value })}
          placeholder={text.audit.anySubjectType}
          options={SUBJECT_TYPES.map((type) => ({ value: type, label: text.audit.subjectTypes[type] }))}
        />
        <TextField
          label={text.audit.subjectId}
          value={draft.subjectId}
          spellCheck={false}
          onChange={(e) => setDraft({ ...draft, subjectId: e.target.value })}
        />
        <Button type="submit">{text.audit.apply}</Button>
      </form>
      <PagedTable
        query={events}
        text={text.audit}
        rowData={(e) => ({ 'data-action': e.action })}
        columns={[
          {
            key: 'when',
            header: text.audit.when,
            cell: (e) => <time dateTime={e.occurredAt}>{when.format(new Date(e.occurredAt))}</time>,
          },
          {
            key: 'who',
            header: text.audit.who,
            cell: (e) =>
              e.actor
                ? `${e.actor.givenName} ${e.actor.familyName}`
                : e.actorPseudonym
                  ? text.audit.anonymousAuthor({ pseudonym: e.actorPseudonym.slice(0, 8) })
                  : text.audit.system,
          },
          { key: 'what', header: text.audit.what, cell: (e) => actionLabel(e.action) },
          { key: 'subject', header: text.audit.subject, cell: (e) => subjectLabel(e) },
          { key: 'details', header: text.audit.details, cell: (e) => <AuditDetails data={e.data} /> },
        ]}
      />
    </>
  );
}

/** The event's data: a role with its scope is spelled out; anything else as compact key: value pairs. */
function AuditDetails({ data }: { data: Record<string, unknown> }) {
  const app = useAppText();
  const role = data['role'];
  if (isGrantableRole(role)) {
    const scope = data['scope'] as { kind?: string; orgUnitId?: string } | undefined;
    return (
      <>
        {app.roles[role]}
        {scope?.kind === 'org_unit'
          ? ` — ${app.scope.orgUnit({ name: scope.orgUnitId ?? '' })}`
          : ` — ${app.scope.organisation}`}
      </>
    );
  }
  const entries = Object.entries(data).filter(([, v]) => v !== null && typeof v !== 'object');
  return <>{entries.map(([k, v]) => `${k}: ${String(v)}`).join(', ')}</>;
}
