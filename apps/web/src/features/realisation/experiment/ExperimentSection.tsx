import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  addLogEntryMutation,
  createExperimentMutation,
  editLogEntryMutation,
  getExperimentOptions,
  isApiError,
  recordExperimentOutcomeMutation,
  type ExperimentDto,
  type ExperimentViewDto,
  type IdeaDto,
  type LogEntryDto,
} from '@eclore/api-client';
import { Alert, Button, Panel, TextField } from '@eclore/web-ui';
import { RichTextEditor } from '../../editor/RichTextEditor';
import { uploadAttachment } from '../../attachments/upload';
import { useExperimentText } from './i18n';
import { useExperimentChanged } from './queries';

type Text = ReturnType<typeof useExperimentText>;
const today = () => new Date().toISOString().slice(0, 10);

/** The experiment: hypothesis history, protocol, measures, the log book and the outcome. */
export default function ExperimentSection({ idea }: { idea: IdeaDto }) {
  const s = useExperimentText();
  const view = useQuery(getExperimentOptions({ path: { id: idea.id } }));
  if (!view.data) return null;
  const { experiment, viewer } = view.data;
  return (
    <Panel id="experiment" title={s.title}>
      {experiment ? (
        <ExperimentBody
          s={s}
          idea={idea}
          experiment={experiment}
          canWrite={viewer.canWrite}
          canDecide={viewer.canRecordOutcome}
        />
      ) : viewer.canWrite && idea.status === 'prototype' ? (
        <CreateForm s={s} ideaId={idea.id} />
      ) : (
        <p>{s.none}</p>
      )}
    </Panel>
  );
}

function ExperimentBody(props: {
  s: Text;
  idea: IdeaDto;
  experiment: ExperimentDto;
  canWrite: boolean;
  canDecide: boolean;
}) {
  const { s, experiment: e } = props;
  const running = e.status === 'running';
  return (
    <>
      <p>
        <strong>{s.status[e.status]}</strong>
      </p>
      {e.hypotheses.map((h) => (
        <div key={h.version}>
          {h.current ? null : <h3>{s.earlier(h.version)}</h3>}
          <p className={h.current ? 'ec-experiment__hypothesis' : undefined}>
            {s.hypothesis(h.change, h.audience, h.expectedResult)}
          </p>
          {h.pivotReason ? (
            <p>
              {s.pivotReason} : {h.pivotReason}
            </p>
          ) : null}
        </div>
      ))}
      <h3>{s.protocol}</h3>
      <dl>
        <dt>{s.whatIsTried}</dt>
        <dd>{e.whatIsTried}</dd>
        <dt>{s.whereTried}</dt>
        <dd>{e.whereTried}</dd>
        <dt>{s.withWhom}</dt>
        <dd>{e.withWhom}</dd>
        <dt>{s.startsOn}</dt>
        <dd>{e.startsOn}</dd>
        <dt>{s.endsOn}</dt>
        <dd>{e.endsOn}</dd>
      </dl>
      <h3>{s.measures}</h3>
      <ul>
        {e.measures.map((m, i) => (
          <li key={i}>
            {m.label} — {s.target} : {m.target} {m.unit}
          </li>
        ))}
      </ul>
      {e.learnings ? (
        <p>
          {s.learnings} : {e.learnings}
        </p>
      ) : null}
      <h3>{s.logBook}</h3>
      {e.logEntries.length === 0 ? <p>{s.noEntries}</p> : null}
      <ol className="ec-experiment__log">
        {e.logEntries.map((entry) => (
          <LogEntry key={entry.id} s={s} ideaId={props.idea.id} entry={entry} canEdit={running && entry.canEdit} />
        ))}
      </ol>
      {running && props.canWrite ? <EntryForm s={s} ideaId={props.idea.id} /> : null}
      {running && props.canDecide ? <OutcomeForm s={s} ideaId={props.idea.id} /> : null}
    </>
  );
}

function LogEntry(props: { s: Text; ideaId: string; entry: LogEntryDto; canEdit: boolean }) {
  const { s, entry } = props;
  const [editing, setEditing] = useState(false);
  return (
    <li>
      <p>
        <strong>{entry.occurredOn}</strong> —{' '}
        {entry.writer.person ? `${entry.writer.person.givenName} ${entry.writer.person.familyName}` : s.anAuthor} (
        {s.hypothesisVersion(entry.hypothesisVersion)}){entry.editedAt ? ` — ${s.edited}` : null}
      </p>
      {editing ? (
        <EntryForm s={s} ideaId={props.ideaId} entry={entry} onDone={() => setEditing(false)} />
      ) : (
        <>
          {/* Sanitised by the server (sanitizeRichText) before it was stored. */}
          <div dangerouslySetInnerHTML={{ __html: entry.bodyHtml }} />
          {entry.attachments.length > 0 ? (
            <ul>
              {entry.attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/api/attachments/${a.id}`}>{a.fileName}</a>
                </li>
              ))}
            </ul>
          ) : null}
          {props.canEdit ? (
            // Only the writer, within 24 hours (the server says so in canEdit and checks again).
            <Button variant="secondary" aria-label={s.correctEntry(entry.occurredOn)} onClick={() => setEditing(true)}>
              {s.correct}
            </Button>
          ) : null}
        </>
      )}
    </li>
  );
}

function ErrorOf({ s, error }: { s: Text; error: unknown }) {
  if (!error) return null;
  return <Alert tone="error">{isApiError(error) ? (error.detail ?? s.error) : s.error}</Alert>;
}

function CreateForm({ s, ideaId }: { s: Text; ideaId: string }) {
  const changed = useExperimentChanged(ideaId);
  const create = useMutation({ ...createExperimentMutation(), onSuccess: changed });
  const [f, setF] = useState({
    change: '',
    audience: '',
    expectedResult: '',
    whatIsTried: '',
    whereTried: '',
    withWhom: '',
    startsOn: today(),
    endsOn: today(),
    label: '',
    unit: '',
    target: '',
  });
  const field = (key: keyof typeof f, label: string, type = 'text') => (
    <TextField
      label={label}
      type={type}
      value={f[key]}
      required
      onChange={(e) => setF({ ...f, [key]: e.target.value })}
    />
  );
  return (
    <form
      onSubmit={(ev) => {
        ev.preventDefault();
        create.mutate({
          path: { id: ideaId },
          body: {
            whatIsTried: f.whatIsTried,
            whereTried: f.whereTried,
            withWhom: f.withWhom,
            startsOn: f.startsOn,
            endsOn: f.endsOn,
            hypothesis: { change: f.change, audience: f.audience, expectedResult: f.expectedResult },
            measures: [{ label: f.label, unit: f.unit, target: Number(f.target) }],
          },
        });
      }}
    >
      <ErrorOf s={s} error={create.error} />
      {field('change', s.change)}
      {field('audience', s.audience)}
      {field('expectedResult', s.expectedResult)}
      {field('whatIsTried', s.whatIsTried)}
      {field('whereTried', s.whereTried)}
      {field('withWhom', s.withWhom)}
      {field('startsOn', s.startsOn, 'date')}
      {field('endsOn', s.endsOn, 'date')}
      {field('label', s.measure)}
      {field('unit', s.unit)}
      {field('target', s.target, 'number')}
      <Button type="submit" disabled={create.isPending}>
        {s.create}
      </Button>
    </form>
  );
}

/** A new log entry, or the correction of one (`entry`: its writer, within 24 hours). */
function EntryForm({
  s,
  ideaId,
  entry,
  onDone,
}: {
  s: Text;
  ideaId: string;
  entry?: LogEntryDto;
  onDone?: () => void;
}) {
  const changed = useExperimentChanged(ideaId);
  const [body, setBody] = useState(entry?.bodyHtml ?? '');
  const [day, setDay] = useState(entry?.occurredOn ?? today());
  const [file, setFile] = useState<File | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const onSuccess = (view: ExperimentViewDto) => {
    changed(view);
    setBody('');
    setFile(null);
    onDone?.();
  };
  const add = useMutation({ ...addLogEntryMutation(), onSuccess });
  const edit = useMutation({ ...editLogEntryMutation(), onSuccess });
  const submit = async () => {
    setUploadError(null);
    try {
      const kept = entry?.attachments.map((a) => a.id) ?? [];
      const attachmentIds = [...kept, ...(file ? [(await uploadAttachment(ideaId, file, () => undefined)).id] : [])];
      const input = { bodyHtml: body, occurredOn: day, attachmentIds };
      if (entry) edit.mutate({ path: { id: ideaId, entryId: entry.id }, body: input });
      else add.mutate({ path: { id: ideaId }, body: input });
    } catch (error) {
      setUploadError(error);
    }
  };
  const submitText = entry ? s.saveCorrection : s.write;
  return (
    <form
      aria-label={entry ? s.correctEntry(entry.occurredOn) : undefined}
      onSubmit={(ev) => {
        ev.preventDefault();
        void submit();
      }}
    >
      {entry ? null : <h3>{s.write}</h3>}
      <ErrorOf s={s} error={add.error ?? edit.error ?? uploadError} />
      <RichTextEditor label={entry ? s.correctedBody : s.entryBody} value={body} onChange={setBody} required />
      <TextField label={s.occurredOn} type="date" value={day} max={today()} onChange={(e) => setDay(e.target.value)} />
      <label className="ec-text-field">
        <span className="ec-text-field__label">{s.photo}</span>
        <input type="file" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
      </label>
      <span className="ec-form-actions">
        <Button type="submit" disabled={add.isPending || edit.isPending}>
          {submitText}
        </Button>
        {onDone ? (
          <Button variant="secondary" onClick={onDone}>
            {s.cancel}
          </Button>
        ) : null}
      </span>
    </form>
  );
}

function OutcomeForm({ s, ideaId }: { s: Text; ideaId: string }) {
  const changed = useExperimentChanged(ideaId);
  const record = useMutation({ ...recordExperimentOutcomeMutation(), onSuccess: changed });
  const [outcome, setOutcome] = useState<'validated' | 'pivot' | 'stopped'>('validated');
  const [learnings, setLearnings] = useState('');
  const [reason, setReason] = useState('');
  const [h, setH] = useState({ change: '', audience: '', expectedResult: '' });
  return (
    <form
      onSubmit={(ev) => {
        ev.preventDefault();
        record.mutate({
          path: { id: ideaId },
          body:
            outcome === 'pivot'
              ? { outcome, reason, newHypothesis: h }
              : { outcome, ...(learnings.trim() ? { learnings } : {}) },
        });
      }}
    >
      <fieldset>
        <legend>{s.outcome}</legend>
        {(['validated', 'pivot', 'stopped'] as const).map((o) => (
          <label key={o}>
            <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />{' '}
            {s.outcomes[o]}
          </label>
        ))}
      </fieldset>
      <ErrorOf s={s} error={record.error} />
      {outcome === 'pivot' ? (
        <>
          <TextField
            label={s.change}
            value={h.change}
            required
            onChange={(e) => setH({ ...h, change: e.target.value })}
          />
          <TextField
            label={s.audience}
            value={h.audience}
            required
            onChange={(e) => setH({ ...h, audience: e.target.value })}
          />
          <TextField
            label={s.expectedResult}
            value={h.expectedResult}
            required
            onChange={(e) => setH({ ...h, expectedResult: e.target.value })}
          />
          <TextField label={s.reason} value={reason} required onChange={(e) => setReason(e.target.value)} />
        </>
      ) : (
        <>
          {outcome === 'stopped' ? <p>{s.stopIsResult}</p> : null}
          <TextField
            label={s.learnings}
            value={learnings}
            required={outcome === 'stopped'}
            onChange={(e) => setLearnings(e.target.value)}
          />
        </>
      )}
      {/* The lead or the network in scope (the network coaches experiments): a stop is its own button. */}
      <Button type="submit" variant={outcome === 'stopped' ? 'secondary' : 'primary'} disabled={record.isPending}>
        {outcome === 'stopped' ? s.stopExperiment : s.outcome}
      </Button>
    </form>
  );
}
