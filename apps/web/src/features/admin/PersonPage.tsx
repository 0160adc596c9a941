import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  deactivatePersonMutation,
  erasePersonMutation,
  getAdminPersonOptions,
  getAdminPersonQueryKey,
  grantRoleMutation,
  listOrgUnitsOptions,
  reactivatePersonMutation,
  revokeRoleGrantMutation,
  type AdminPersonDto,
  type RoleGrantDto,
} from '@eclore/api-client';
import {
  GRANTABLE_ROLES,
  ROLES_NEEDING_APPROVAL,
  SCOPABLE_ROLES,
  can,
  isGrantableRole,
  type GrantableRole,
} from '@eclore/domain';
import { Alert, Button, ConfirmDialog, Facts, Panel, SelectField, TextField } from '@eclore/web-ui';
import { problemMessage } from '../../app/errors';
import { indentedUnit } from '../../app/org-unit-option';
import { useSession } from '../../session/session';
import { AdminHeader } from './AdminHeader';
import { PendingGrants } from './PendingGrants';
import { ScopeText, scopeText } from './ScopeText';
import { useAppText } from '../../app/i18n';
import { useAdminText } from './i18n';
import { usePeopleChanged } from './queries';

type Pending =
  { kind: 'revoke'; grant: RoleGrantDto } | { kind: 'deactivate' } | { kind: 'reactivate' } | { kind: 'erase' } | null;

/** The same comparison as the server's: spacing and case do not matter. */
const sameName = (a: string, b: string) =>
  a.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr') ===
  b.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');

/** One person: their roles (grant with a scope, revoke) and their account (deactivate, reactivate). */
export default function PersonPage() {
  const { i18n } = useTranslation();
  const app = useAppText();
  const text = useAdminText();
  const { id = '' } = useParams();
  const session = useSession();
  const queryClient = useQueryClient();
  const person = useQuery(getAdminPersonOptions({ path: { id } }));
  const [pending, setPending] = useState<Pending>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [typedName, setTypedName] = useState('');

  const peopleChanged = usePeopleChanged();
  const refresh = (updated?: AdminPersonDto) => {
    if (updated) queryClient.setQueryData(getAdminPersonQueryKey({ path: { id } }), updated);
    // The list shows grants and status too, and a grant may have opened a request for a second admin.
    void peopleChanged();
    if (!updated) void person.refetch();
  };
  const onDone = (message: string, updated?: AdminPersonDto) => {
    setPending(null);
    setNotice(message);
    refresh(updated);
  };
  const revoke = useMutation({ ...revokeRoleGrantMutation(), onSuccess: () => onDone(text.person.revoked) });
  const deactivate = useMutation({
    ...deactivatePersonMutation(),
    onSuccess: (p) => onDone(text.person.deactivated, p),
  });
  const reactivate = useMutation({
    ...reactivatePersonMutation(),
    onSuccess: (p) => onDone(text.person.reactivated, p),
  });
  const erase = useMutation({
    ...erasePersonMutation(),
    onSuccess: () => {
      setTypedName('');
      onDone(text.person.erased);
    },
  });
  const actionError = revoke.error ?? deactivate.error ?? reactivate.error ?? erase.error;

  if (person.isPending) return <p role="status">{app.app.loading}</p>;
  if (person.isError) {
    return (
      <>
        <AdminHeader title={text.tabs.people} />
        <Alert tone="error">{problemMessage(app.problems, person.error)}</Alert>
        <Link to="/admin">{text.person.back}</Link>
      </>
    );
  }
  const p = person.data;
  const name = `${p.givenName} ${p.familyName}`;
  const actor = session.actor;
  const date = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date(iso));
  const mayDeactivate = can(actor, 'person.deactivate', { subjectPersonId: p.id });
  const mayErase = can(actor, 'person.erase', { subjectPersonId: p.id }) && p.erasedAt === null;
  const busy = revoke.isPending || deactivate.isPending || reactivate.isPending || erase.isPending;

  return (
    <>
      <AdminHeader title={name} lead={p.email} />
      <PendingGrants />
      <p>
        <Link to="/admin">{text.person.back}</Link>
      </p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {actionError ? <Alert tone="error">{problemMessage(app.problems, actionError)}</Alert> : null}
      <div className="ec-grid">
        <Panel title={text.person.roles}>
          <Facts
            facts={[
              { term: text.person.employeeNumber, value: p.employeeNumber },
              { term: text.people.unit, value: p.orgUnit?.name ?? '—' },
            ]}
          />
          {p.grants.length === 0 ? (
            <p>{text.person.noGrants}</p>
          ) : (
            <ul className="ec-grant-list">
              {p.grants.map((grant) => (
                <li key={grant.id} data-role={grant.role}>
                  <span>
                    <strong>{app.roles[grant.role]}</strong> — <ScopeText scope={grant.scope} />{' '}
                    <span className="ec-muted">
                      ({text.person.grantedOn({ date: date(grant.grantedAt) })}
                      {grant.grantedBy
                        ? ` ${text.person.grantedBy({ name: `${grant.grantedBy.givenName} ${grant.grantedBy.familyName}` })}`
                        : ''}
                      )
                    </span>
                  </span>
                  {can(actor, 'role.revoke', { subjectPersonId: p.id, grantRole: grant.role }) ? (
                    <Button
                      variant="secondary"
                      aria-label={text.person.revokeLabel({ role: app.roles[grant.role] })}
                      disabled={busy}
                      onClick={() => setPending({ kind: 'revoke', grant })}
                    >
                      {text.person.revoke}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {p.active ? (
            <GrantForm
              person={p}
              onGranted={(requested) => onDone(requested ? text.person.requested : text.person.granted)}
            />
          ) : null}
        </Panel>
        <Panel title={text.person.account}>
          <p>
            {p.active
              ? text.person.activeSince
              : text.person.inactiveSince({ date: p.deactivatedAt ? date(p.deactivatedAt) : '' })}
          </p>
          {mayDeactivate ? (
            p.active ? (
              <Button variant="secondary" disabled={busy} onClick={() => setPending({ kind: 'deactivate' })}>
                {text.person.deactivate}
              </Button>
            ) : (
              <Button variant="secondary" disabled={busy} onClick={() => setPending({ kind: 'reactivate' })}>
                {text.person.reactivate}
              </Button>
            )
          ) : (
            <p>{text.person.self}</p>
          )}
          {p.erasedAt ? <p>{text.person.erasedOn({ date: date(p.erasedAt) })}</p> : null}
          {mayErase ? (
            <p>
              <Button variant="secondary" disabled={busy} onClick={() => setPending({ kind: 'erase' })}>
                {text.person.erase}
              </Button>
            </p>
          ) : null}
        </Panel>
      </div>

      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.kind === 'revoke'
            ? text.person.revokeTitle
            : pending?.kind === 'erase'
              ? text.person.eraseTitle
              : pending?.kind === 'reactivate'
                ? text.person.reactivateTitle
                : text.person.deactivateTitle
        }
        confirmLabel={pending?.kind === 'erase' ? text.person.eraseConfirm : text.person.confirm}
        cancelLabel={text.person.cancel}
        busy={busy}
        confirmDisabled={pending?.kind === 'erase' && !sameName(typedName, name)}
        onCancel={() => {
          setPending(null);
          setTypedName('');
        }}
        onConfirm={() => {
          setNotice(null);
          if (pending?.kind === 'revoke') revoke.mutate({ path: { grantId: pending.grant.id } });
          else if (pending?.kind === 'deactivate') deactivate.mutate({ path: { id: p.id } });
          else if (pending?.kind === 'reactivate') reactivate.mutate({ path: { id: p.id } });
          else if (pending?.kind === 'erase') erase.mutate({ path: { id: p.id }, body: { confirmName: typedName } });
        }}
      >
        {pending?.kind === 'erase' ? (
          <>
            <p>{text.person.eraseBody({ name })}</p>
            <TextField
              label={text.person.eraseConfirmLabel({ name })}
              value={typedName}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setTypedName(e.target.value)}
            />
          </>
        ) : null}
        <p hidden={pending?.kind === 'erase'}>
          {pending?.kind === 'revoke'
            ? text.person.revokeBody({
                name,
                role: app.roles[pending.grant.role],
                scope: scopeText(app, pending.grant.scope),
              })
            : pending?.kind === 'reactivate'
              ? text.person.reactivateBody({ name })
              : text.person.deactivateBody({ name })}
        </p>
      </ConfirmDialog>
    </>
  );
}

/** Role, then — for the roles that take one — the scope: the whole organisation or one unit. */
function GrantForm({ person, onGranted }: { person: AdminPersonDto; onGranted: (requested: boolean) => void }) {
  const app = useAppText();
  const text = useAdminText();
  const [role, setRole] = useState<GrantableRole | ''>('');
  const [scopeKind, setScopeKind] = useState<'organisation' | 'org_unit'>('organisation');
  const [orgUnitId, setOrgUnitId] = useState('');
  const scopable = role !== '' && SCOPABLE_ROLES.includes(role);
  const units = useQuery({ ...listOrgUnitsOptions(), enabled: scopable, staleTime: 5 * 60_000 });
  const grant = useMutation({
    ...grantRoleMutation(),
    onSuccess: (result) => {
      setRole('');
      setScopeKind('organisation');
      setOrgUnitId('');
      // 202: a role needing a second admin was only requested.
      onGranted('status' in result);
    },
  });
  const fieldError = (field: string) => grant.error?.errorsFor(field)[0];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (role === '') return;
    const scope =
      scopable && scopeKind === 'org_unit'
        ? { kind: 'org_unit' as const, orgUnitId }
        : { kind: 'organisation' as const };
    grant.mutate({ path: { id: person.id }, body: { role, scope } });
  };

  // Units in tree order, indented by depth, so the select reads like the organisation chart.
  const sortedUnits = [...(units.data ?? [])]
    .filter((u) => u.active)
    .sort((a, b) => pathKey(a, units.data ?? []).localeCompare(pathKey(b, units.data ?? [])));

  return (
    <form onSubmit={onSubmit} aria-labelledby="grant-title" className="ec-grant-form">
      <h3 id="grant-title">{text.person.grantTitle}</h3>
      {grant.isError ? <Alert tone="error">{problemMessage(app.problems, grant.error)}</Alert> : null}
      <p>
        <SelectField
          label={text.person.role}
          value={role}
          required
          onChange={(e) => setRole(isGrantableRole(e.target.value) ? e.target.value : '')}
          placeholder={text.person.chooseRole}
          options={GRANTABLE_ROLES.map((r) => ({ value: r, label: app.roles[r] }))}
        />
      </p>
      {fieldError('role') ? <p className="ec-text-field__error">{fieldError('role')?.message}</p> : null}
      {role !== '' && ROLES_NEEDING_APPROVAL.includes(role) ? (
        <p className="ec-text-field__hint">{text.person.needsApproval}</p>
      ) : null}
      {scopable ? (
        <fieldset className="ec-fieldset">
          <legend>{text.person.scope}</legend>
          <label className="ec-choice">
            <input
              type="radio"
              name="scopeKind"
              value="organisation"
              checked={scopeKind === 'organisation'}
              onChange={() => setScopeKind('organisation')}
            />{' '}
            {text.person.scopeOrganisation}
          </label>
          <label className="ec-choice">
            <input
              type="radio"
              name="scopeKind"
              value="org_unit"
              checked={scopeKind === 'org_unit'}
              onChange={() => setScopeKind('org_unit')}
            />{' '}
            {text.person.scopeUnit}
          </label>
          {scopeKind === 'org_unit' ? (
            <p>
              <SelectField
                label={text.person.unit}
                value={orgUnitId}
                required
                aria-invalid={fieldError('scope.orgUnitId') ? true : undefined}
                onChange={(e) => setOrgUnitId(e.target.value)}
                placeholder={text.person.chooseUnit}
                options={sortedUnits.map(indentedUnit)}
              />
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <Button
        type="submit"
        disabled={role === '' || grant.isPending || (scopable && scopeKind === 'org_unit' && orgUnitId === '')}
      >
        {text.person.grant}
      </Button>
    </form>
  );
}

function pathKey(unit: { path: string[] }, all: readonly { id: string; name: string }[]): string {
  const names = new Map(all.map((u) => [u.id, u.name]));
  return unit.path.map((id) => names.get(id) ?? id).join('\u0000');
}
