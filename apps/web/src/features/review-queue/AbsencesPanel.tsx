import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  bulkReassignMutation,
  createMyAbsenceMutation,
  deleteMyAbsenceMutation,
  getNetworkReviewQueueOptions,
  listMyAbsencesOptions,
} from '@eclore/api-client';
import { Alert, Button, Panel, SelectField, TextField } from '@eclore/web-ui';
import { useSession } from '../../session/session';
import { useLocale, useReviewQueueText } from './i18n';
import { useAbsencesChanged, useReviewQueuesChanged } from './queries';
import { describeError, messageFor } from '../../app/errors';

/** The member's own absences and stand-in: while away, new reviews go to the stand-in. */
export function AbsencesPanel() {
  const s = useReviewQueueText();
  const date = new Intl.DateTimeFormat(useLocale(), { dateStyle: 'medium' });
  const session = useSession();
  const absences = useQuery(listMyAbsencesOptions());
  // The members list of the network view doubles as the stand-in choices.
  const network = useQuery(getNetworkReviewQueueOptions());
  // The absence's first and last days, as typed.
  const [period, setPeriod] = useState({ startsAt: '', endsAt: '' });
  const [delegateId, setDelegateId] = useState('');
  const [handOver, setHandOver] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = useAbsencesChanged();
  const queuesChanged = useReviewQueuesChanged();
  const create = useMutation({
    ...createMyAbsenceMutation(),
    onSuccess: () => {
      setPeriod({ startsAt: '', endsAt: '' });
      setDelegateId('');
      void refresh();
    },
  });
  // The reviews already in the queue follow the stand-in only when asked (routing gives them new ones anyway).
  const reassign = useMutation({
    ...bulkReassignMutation(),
    onSuccess: (result) => {
      setNotice(s.network.moved(result.moved, result.skipped.length));
      void queuesChanged();
    },
  });
  const remove = useMutation({ ...deleteMyAbsenceMutation(), onSuccess: () => void refresh() });
  const me = session.actor?.personId;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const moveTo = handOver && delegateId && me ? delegateId : null;
    create.mutate(
      {
        body: {
          startsAt: new Date(`${period.startsAt}T00:00:00`).toISOString(),
          endsAt: new Date(`${period.endsAt}T23:59:59`).toISOString(),
          ...(delegateId ? { delegateId } : {}),
        },
      },
      {
        onSuccess: () => {
          if (moveTo && me) reassign.mutate({ body: { fromPersonId: me, toPersonId: moveTo } });
        },
      },
    );
  };
  const fieldError = (field: string) => {
    const e = create.error as { fieldErrors?: readonly { field: string; code: string }[] } | null;
    const code = e?.fieldErrors?.find((f) => f.field === field)?.code;
    return code ? (messageFor(s.errors, code) ?? s.errors.generic) : undefined;
  };
  return (
    <Panel title={s.absences.title}>
      <p>{s.absences.lead}</p>
      {absences.data?.length === 0 ? <p>{s.absences.none}</p> : null}
      {absences.data?.length ? (
        <ul className="ec-absences">
          {absences.data.map((a) => {
            const from = date.format(new Date(a.startsAt));
            const to = date.format(new Date(a.endsAt));
            return (
              <li key={a.id}>
                {s.absences.period(from, to)}
                {a.current ? ` (${s.absences.current})` : ''}
                {' · '}
                {s.absences.delegate} :{' '}
                {a.delegate ? `${a.delegate.givenName} ${a.delegate.familyName}` : s.absences.noDelegate}{' '}
                <Button
                  variant="secondary"
                  aria-label={s.absences.removeLabel(from, to)}
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ path: { id: a.id } })}
                >
                  {s.absences.remove}
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <form className="ec-absences__form" onSubmit={submit} noValidate>
        {(['startsAt', 'endsAt'] as const).map((key) => (
          <TextField
            key={key}
            label={s.absences[key]}
            type="date"
            required
            value={period[key]}
            onChange={(e) => setPeriod((p) => ({ ...p, [key]: e.target.value }))}
            error={fieldError(key)}
          />
        ))}
        <SelectField
          label={s.absences.delegate}
          value={delegateId}
          onChange={(e) => setDelegateId(e.target.value)}
          placeholder={s.absences.noDelegate}
          options={(network.data?.members ?? [])
            .filter((m) => m.id !== me)
            .map((m) => ({ value: m.id, label: `${m.givenName} ${m.familyName}` }))}
        />
        <label className="ec-checkbox">
          <input
            type="checkbox"
            checked={handOver}
            disabled={!delegateId}
            onChange={(e) => setHandOver(e.target.checked)}
          />{' '}
          {s.absences.handOver}
        </label>
        <Button type="submit" disabled={!period.startsAt || !period.endsAt || create.isPending}>
          {s.absences.add}
        </Button>
      </form>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {reassign.isError ? <Alert tone="error">{describeError(s.errors, reassign.error, 'field')}</Alert> : null}
      {create.isError && !fieldError('startsAt') && !fieldError('endsAt') ? (
        <Alert tone="error">{describeError(s.errors, create.error, 'field')}</Alert>
      ) : null}
    </Panel>
  );
}
