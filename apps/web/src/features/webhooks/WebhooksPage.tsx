import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  createWebhookMutation,
  deleteWebhookMutation,
  isApiError,
  listWebhooksOptions,
  testWebhookMutation,
  updateWebhookMutation,
  type WebhookDto,
} from '@eclore/api-client';
import { Alert, Button, ConfirmDialog, PageHeader, Panel, StatusBadge, TextField } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import './webhooks.css';
import { eventTypeText, fieldErrorText, useWebhooksText, type WebhooksText } from './i18n';
import { useDeliveriesChanged, useWebhooksChanged } from './queries';
import { Deliveries } from './WebhookDeliveries';
import { WebhooksTable } from './WebhooksTable';

type EventType = WebhookDto['eventTypes'][number];

/** The first error the API gave for a field (or a field below it, e.g. `eventTypes.1`). */
function fieldError(s: WebhooksText, error: unknown, field: string): string | undefined {
  if (!isApiError(error)) return undefined;
  const found = error.fieldErrors.find((e) => e.field === field || e.field.startsWith(`${field}.`));
  return found ? fieldErrorText(s, found.code) : undefined;
}

/**
 * Administration of outgoing webhooks: the list, a creation form (the signing secret is shown once,
 * right after creation), editing the event types and the on/off switch, a test ping, the recent
 * deliveries of one webhook with their status, and a replay button for finished ones.
 */
export default function WebhooksPage() {
  const s = useWebhooksText();
  useDocumentTitle(s.title);
  const focus = useFocusHeadingOnMount();
  const list = useQuery(listWebhooksOptions());
  const [notice, setNotice] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [editing, setEditing] = useState<WebhookDto | null>(null);
  const [watching, setWatching] = useState<WebhookDto | null>(null);
  const [deleting, setDeleting] = useState<WebhookDto | null>(null);

  const refresh = useWebhooksChanged();
  const deliveriesChanged = useDeliveriesChanged();
  const test = useMutation({
    ...testWebhookMutation(),
    onSuccess: (_d, vars) => {
      setNotice(s.list.tested);
      deliveriesChanged({ path: vars.path });
    },
  });
  const remove = useMutation({
    ...deleteWebhookMutation(),
    onSuccess: (_d, vars) => {
      setDeleting(null);
      if (watching?.id === vars.path.id) setWatching(null);
      if (editing?.id === vars.path.id) setEditing(null);
      setNotice(s.deleteDialog.done);
      void refresh();
    },
  });
  const eventTypes = (list.data?.eventTypes ?? []) as EventType[];

  return (
    <>
      <PageHeader title={s.title} lead={s.lead} focusOnMount={focus} />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {secret ? (
        <Panel title={s.secret.title}>
          <p>{s.secret.once}</p>
          <TextField
            label={s.secret.label}
            value={secret}
            readOnly
            spellCheck={false}
            onFocus={(e) => e.target.select()}
          />
          <Button variant="secondary" onClick={() => setSecret(null)}>
            {s.secret.done}
          </Button>
        </Panel>
      ) : null}
      {list.isError ? <Alert tone="error">{fieldErrorText(s, 'other')}</Alert> : null}
      {test.isError || remove.isError ? <Alert tone="error">{fieldErrorText(s, 'other')}</Alert> : null}

      <WebhooksTable
        query={list}
        text={s.list}
        columns={[
          {
            key: 'url',
            header: s.list.url,
            rowHeader: true,
            cell: (w) => (
              <>
                <span className="ec-webhook-url">{w.url}</span>
                {w.description ? <div>{w.description}</div> : null}
              </>
            ),
          },
          {
            key: 'events',
            header: s.list.events,
            cell: (w) => w.eventTypes.map((e) => eventTypeText(s, e)).join(', '),
          },
          {
            key: 'state',
            header: s.list.state,
            cell: (w) => (
              <StatusBadge state={w.active ? 'up' : 'unknown'}>
                {w.active ? s.list.active : s.list.inactive}
              </StatusBadge>
            ),
          },
          {
            key: 'actions',
            header: s.list.actions,
            cell: (w) => (
              <div className="ec-form-row">
                <Button variant="secondary" aria-label={s.list.edit(w.url)} onClick={() => setEditing(w)}>
                  {s.list.editShort}
                </Button>
                <Button
                  variant="secondary"
                  disabled={!w.active || test.isPending}
                  onClick={() => {
                    setNotice(null);
                    setWatching(w);
                    test.mutate({ path: { id: w.id } });
                  }}
                >
                  {s.list.test}
                </Button>
                <Button variant="secondary" onClick={() => setWatching(w)}>
                  {s.list.deliveries}
                </Button>
                <Button variant="secondary" onClick={() => setDeleting(w)}>
                  {s.list.delete}
                </Button>
              </div>
            ),
          },
        ]}
      />

      {editing ? (
        <EditForm
          key={editing.id}
          webhook={editing}
          eventTypes={eventTypes}
          onDone={() => {
            setEditing(null);
            setNotice(s.form.saved);
            void refresh();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <CreateForm
          eventTypes={eventTypes}
          onCreated={(created) => {
            setNotice(s.form.saved);
            setSecret(created);
            void refresh();
          }}
        />
      )}

      {watching ? <Deliveries webhook={watching} onClose={() => setWatching(null)} /> : null}

      <ConfirmDialog
        open={deleting !== null}
        title={s.deleteDialog.title}
        confirmLabel={s.deleteDialog.confirm}
        cancelLabel={s.deleteDialog.cancel}
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ path: { id: deleting.id } })}
      >
        <p>{deleting ? s.deleteDialog.body(deleting.url) : null}</p>
      </ConfirmDialog>
    </>
  );
}

function EventTypesField({
  eventTypes,
  selected,
  onChange,
  error,
}: {
  eventTypes: readonly EventType[];
  selected: readonly EventType[];
  onChange: (next: EventType[]) => void;
  error?: string;
}) {
  const s = useWebhooksText();
  return (
    <fieldset className="ec-fieldset" aria-invalid={error ? true : undefined}>
      <legend>{s.form.events}</legend>
      {error ? (
        <p className="ec-text-field__error" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="ec-webhook-events">
        {eventTypes.map((type) => (
          <li key={type}>
            <label>
              <input
                type="checkbox"
                checked={selected.includes(type)}
                onChange={(e) => onChange(e.target.checked ? [...selected, type] : selected.filter((t) => t !== type))}
              />{' '}
              {eventTypeText(s, type)}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function CreateForm({
  eventTypes,
  onCreated,
}: {
  eventTypes: readonly EventType[];
  onCreated: (secret: string) => void;
}) {
  const s = useWebhooksText();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [selected, setSelected] = useState<EventType[]>([]);
  const create = useMutation({
    ...createWebhookMutation(),
    onSuccess: (created) => {
      setUrl('');
      setDescription('');
      setSelected([]);
      onCreated(created.secret);
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate({ body: { url: url.trim(), description: description.trim() || null, eventTypes: selected } });
  };
  const err = create.error;
  return (
    <Panel title={s.form.createTitle}>
      <form onSubmit={onSubmit} noValidate>
        <TextField
          label={s.form.url}
          hint={s.form.urlHint}
          type="url"
          required
          value={url}
          spellCheck={false}
          error={fieldError(s, err, 'url')}
          onChange={(e) => setUrl(e.target.value)}
        />
        <TextField
          label={s.form.description}
          value={description}
          maxLength={200}
          error={fieldError(s, err, 'description')}
          onChange={(e) => setDescription(e.target.value)}
        />
        <EventTypesField
          eventTypes={eventTypes}
          selected={selected}
          onChange={setSelected}
          error={fieldError(s, err, 'eventTypes')}
        />
        <Button type="submit" disabled={create.isPending}>
          {s.form.create}
        </Button>
      </form>
    </Panel>
  );
}

function EditForm({
  webhook,
  eventTypes,
  onDone,
  onCancel,
}: {
  webhook: WebhookDto;
  eventTypes: readonly EventType[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const s = useWebhooksText();
  const [selected, setSelected] = useState<EventType[]>([...webhook.eventTypes]);
  const [active, setActive] = useState(webhook.active);
  const [description, setDescription] = useState(webhook.description ?? '');
  const update = useMutation({ ...updateWebhookMutation(), onSuccess: onDone });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate({
      path: { id: webhook.id },
      body: { eventTypes: selected, active, description: description.trim() || null },
    });
  };
  return (
    <Panel title={`${s.form.editTitle} — ${webhook.url}`}>
      <form onSubmit={onSubmit} noValidate>
        <TextField
          label={s.form.description}
          value={description}
          maxLength={200}
          error={fieldError(s, update.error, 'description')}
          onChange={(e) => setDescription(e.target.value)}
        />
        <EventTypesField
          eventTypes={eventTypes}
          selected={selected}
          onChange={setSelected}
          error={fieldError(s, update.error, 'eventTypes')}
        />
        <p>
          <label>
            <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> {s.form.active}
          </label>
        </p>
        <div className="ec-form-row">
          <Button type="submit" disabled={update.isPending}>
            {s.form.save}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {s.form.cancel}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
