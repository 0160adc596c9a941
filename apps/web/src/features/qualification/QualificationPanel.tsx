import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from '@eclore/web-ui';
import {
  declineIdeaMutation,
  getIdeaScorecardsOptions,
  qualifyIdeaMutation,
  requestIdeaReworkMutation,
  saveMyScorecardDraftMutation,
  submitMyScorecardMutation,
  type ConsolidatedScorecardDto,
  type CriterionDto,
  type IdeaDto,
  type QualificationViewDto,
} from '@eclore/api-client';
import { DISAGREEMENT_SPREAD, holdsRole, SCORE_LEVELS } from '@eclore/domain';
import { Alert, Button, ConfirmDialog, DataTable, Facts, FieldError, Panel, TextAreaField } from '@eclore/web-ui';
import { useSession } from '../../session/session';
import { fieldErrors, useLocale, useQualificationText } from './i18n';
import './qualification.css';
import { useQualificationDone, useScorecardSaved } from './queries';
import { describeError } from '../../app/errors';

/**
 * On the idea page, for the network and the committee: the assigned reviewer's scorecard form, the
 * consolidated view (weighted score, per-criterion mean and spread as a chart and a table, each
 * review) and the outcome buttons the lifecycle allows. Nothing shows to others, nor when the API
 * refuses the scorecards (scope).
 */
export function QualificationPanel({ idea }: { idea: IdeaDto }) {
  const session = useSession();
  const actor = session.actor;
  const staff =
    actor !== null &&
    (['network_member', 'network_lead', 'committee_member'] as const).some((r) => holdsRole(actor, r));
  if (!staff) return null;
  return <StaffPanel idea={idea} />;
}

const OUTCOMES = ['qualify', 'request_rework', 'decline'] as const;

function StaffPanel({ idea }: { idea: IdeaDto }) {
  const s = useQualificationText();
  const view = useQuery({ ...getIdeaScorecardsOptions({ path: { id: idea.id } }), retry: false });
  const outcomes = OUTCOMES.filter((c) => idea.viewer.commands.includes(c));
  // Scores matter from qualification on; before it only the outcomes (decline at intake) could apply.
  const scored = view.data && (view.data.open || view.data.consolidated.reviewerCount > 0);
  // Kept here: the outcome's buttons are gone once it is done, its confirmation stays.
  const [done, setDone] = useState<Outcome | null>(null);
  if (!scored && outcomes.length === 0 && !done) return null;
  return (
    <Panel title={s.panel.title} className="ec-qualification">
      {done ? <Alert tone="success">{s.outcomes.done[done]}</Alert> : null}
      {view.data && scored ? (
        <>
          <p className="ec-qualification__source">{s.panel.source[view.data.criteriaSource]}</p>
          {view.data.canScore ? <ScorecardForm ideaId={idea.id} view={view.data} /> : null}
          <ConsolidatedView data={view.data.consolidated} />
        </>
      ) : view.isPending ? (
        <p role="status">{s.panel.loading}</p>
      ) : null}
      {outcomes.length ? <OutcomeButtons idea={idea} commands={outcomes} onDone={setDone} /> : null}
    </Panel>
  );
}

function ScorecardForm({ ideaId, view }: { ideaId: string; view: QualificationViewDto }) {
  const s = useQualificationText();
  const locale = useLocale();
  const [scores, setScores] = useState<Record<string, number>>(view.mine?.scores ?? {});
  const [comment, setComment] = useState(view.mine?.comment ?? '');
  const [notice, setNotice] = useState<string | null>(null);
  const scorecardSaved = useScorecardSaved(ideaId);
  const onSuccess = (message: string) => (next: QualificationViewDto) => {
    scorecardSaved(next);
    setNotice(message);
  };
  const draft = useMutation({ ...saveMyScorecardDraftMutation(), onSuccess: onSuccess(s.form.draftSaved) });
  const submit = useMutation({ ...submitMyScorecardMutation(), onSuccess: onSuccess(s.form.submitted) });
  const error = submit.error ?? draft.error;
  const fields = error ? fieldErrors(s, error) : {};
  const submitted = view.mine?.status === 'submitted';
  const busy = draft.isPending || submit.isPending;
  const send = (which: 'draft' | 'submit') => {
    setNotice(null);
    const options = { path: { id: ideaId }, body: { scores, comment } };
    if (which === 'draft') draft.mutate(options);
    else submit.mutate(options);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send('submit');
  };
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
  return (
    <form className="ec-scorecard" onSubmit={onSubmit} aria-labelledby={`${ideaId}-scorecard`} noValidate>
      <h3 id={`${ideaId}-scorecard`}>{s.form.title}</h3>
      <p>{s.form.lead}</p>
      {view.mine ? (
        <p className="ec-scorecard__status">
          {view.mine.status === 'submitted' && view.mine.submittedAt
            ? s.form.statusSubmitted(date.format(new Date(view.mine.submittedAt)))
            : s.form.statusDraft}
        </p>
      ) : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error ? <Alert tone="error">{describeError(s.errors, error, 'field_on_validation')}</Alert> : null}
      {view.criteria.map((c) => (
        <CriterionField
          key={c.key}
          criterion={c}
          value={scores[c.key]}
          error={fields[`scores.${c.key}`]}
          onChange={(level) => setScores((prev) => ({ ...prev, [c.key]: level }))}
        />
      ))}
      <TextAreaField
        label={s.form.comment}
        hint={s.form.commentHint}
        value={comment}
        rows={4}
        maxLength={4000}
        error={fields['comment']}
        onChange={(e) => setComment(e.target.value)}
      />
      <div className="ec-form-actions">
        {!submitted ? (
          <Button type="button" variant="secondary" disabled={busy} onClick={() => send('draft')}>
            {draft.isPending ? s.form.saving : s.form.saveDraft}
          </Button>
        ) : null}
        <Button type="submit" disabled={busy}>
          {submit.isPending ? s.form.saving : submitted ? s.form.resubmit : s.form.submit}
        </Button>
      </div>
    </form>
  );
}

function CriterionField({
  criterion,
  value,
  error,
  onChange,
}: {
  criterion: CriterionDto;
  value: number | undefined;
  error?: string;
  onChange: (level: number) => void;
}) {
  const s = useQualificationText();
  const locale = useLocale();
  const id = useId();
  return (
    <fieldset className="ec-scorecard__criterion" aria-describedby={`${id}-desc${error ? ` ${id}-error` : ''}`}>
      <legend>
        {criterion.label[locale]} <span className="ec-scorecard__weight">({s.form.weight(criterion.weight)})</span>
      </legend>
      <p id={`${id}-desc`} className="ec-scorecard__description">
        {criterion.description[locale]}
      </p>
      <div className="ec-scorecard__levels">
        {SCORE_LEVELS.map((level) => (
          <label key={level} className="ec-scorecard__level">
            <input
              type="radio"
              name={`${id}-${criterion.key}`}
              value={level}
              checked={value === level}
              onChange={() => onChange(level)}
            />
            <span className="ec-scorecard__level-number">{level}</span>
            <span className="ec-visually-hidden"> — </span>
            <span className="ec-scorecard__level-text">{criterion.levels[level - 1]?.[locale]}</span>
          </label>
        ))}
      </div>
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </fieldset>
  );
}

function ConsolidatedView({ data }: { data: ConsolidatedScorecardDto }) {
  const s = useQualificationText();
  const locale = useLocale();
  const titleId = useId();
  const fmt = (n: number | null) => (n === null ? '—' : n.toLocaleString(locale));
  if (data.reviewerCount === 0) {
    return (
      <section className="ec-consolidated" aria-labelledby={titleId}>
        <h3 id={titleId}>{s.consolidated.title}</h3>
        <p>{s.consolidated.none}</p>
      </section>
    );
  }
  const rows = data.criteria.map((c) => ({ label: c.label[locale], mean: c.mean, spread: c.spread }));
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
  return (
    <section className="ec-consolidated" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {s.consolidated.title} · {s.consolidated.reviewers(data.reviewerCount)}
      </h3>
      <Facts
        className="ec-consolidated__figures"
        facts={(['weightedScore', 'value', 'effort'] as const).map((key) => ({
          term: s.consolidated[key],
          value: data[key] === null ? '—' : s.consolidated.outOf5(data[key]),
        }))}
      />
      {data.maxSpread !== null && data.maxSpread >= DISAGREEMENT_SPREAD ? (
        <Alert tone="info">{s.consolidated.disagreement}</Alert>
      ) : null}
      <figure className="ec-consolidated__chart" aria-labelledby={`${titleId}-chart`}>
        <h4 id={`${titleId}-chart`}>{s.consolidated.chartTitle}</h4>
        {/* The drawing is hidden from assistive technologies; the caption and the table say the same. */}
        <div aria-hidden="true" style={{ width: '100%', height: 60 + rows.length * 44 }}>
          <ResponsiveContainer>
            <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 24 }} accessibilityLayer={false}>
              <CartesianGrid horizontal={false} strokeDasharray="3 3" />
              <XAxis type="number" domain={[0, 5]} ticks={[0, 1, 2, 3, 4, 5]} />
              <YAxis type="category" dataKey="label" width={200} />
              <Legend />
              <Bar dataKey="mean" name={s.consolidated.mean} fill="var(--ec-color-chart-1)" isAnimationActive={false} />
              <Bar
                dataKey="spread"
                name={s.consolidated.spread}
                fill="var(--ec-color-chart-2)"
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <figcaption className="ec-visually-hidden">{s.consolidated.chartSummary(rows)}</figcaption>
      </figure>
      <DataTable
        narrow="list"
        caption={s.consolidated.tableCaption}
        className="ec-table ec-consolidated__table"
        rows={data.criteria}
        rowKey={(c) => c.key}
        rowClassName={(c) =>
          c.spread !== null && c.spread >= DISAGREEMENT_SPREAD ? 'ec-consolidated__disagree' : undefined
        }
        columns={[
          { key: 'criterion', header: s.consolidated.criterion, rowHeader: true, cell: (c) => c.label[locale] },
          { key: 'weight', header: s.consolidated.weight, cell: (c) => c.weight },
          { key: 'mean', header: s.consolidated.mean, cell: (c) => fmt(c.mean) },
          { key: 'min', header: s.consolidated.min, cell: (c) => fmt(c.min) },
          { key: 'max', header: s.consolidated.max, cell: (c) => fmt(c.max) },
          { key: 'spread', header: s.consolidated.spread, cell: (c) => fmt(c.spread) },
        ]}
      />
      <h4>{s.consolidated.reviewsTitle}</h4>
      <ul className="ec-consolidated__reviews">
        {data.reviews.map((r) => (
          <li key={r.reviewer.id}>
            <strong>
              {r.reviewer.givenName} {r.reviewer.familyName}
            </strong>{' '}
            · {date.format(new Date(r.submittedAt))}
            <p>{r.comment || s.consolidated.noComment}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

type Outcome = (typeof OUTCOMES)[number];

function OutcomeButtons({
  idea,
  commands,
  onDone,
}: {
  idea: IdeaDto;
  commands: readonly Outcome[];
  onDone: (outcome: Outcome | null) => void;
}) {
  const s = useQualificationText();
  const [open, setOpen] = useState<Outcome | null>(null);
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const qualificationDone = useQualificationDone(idea.id);
  const onSuccess = (command: Outcome) => (updated: IdeaDto) => {
    setOpen(null);
    setText('');
    onDone(command);
    qualificationDone(updated);
  };
  const qualify = useMutation({ ...qualifyIdeaMutation(), onSuccess: onSuccess('qualify') });
  const rework = useMutation({ ...requestIdeaReworkMutation(), onSuccess: onSuccess('request_rework') });
  const decline = useMutation({ ...declineIdeaMutation(), onSuccess: onSuccess('decline') });
  const labels: Record<Outcome, { button: string; field: string; hint: string }> = {
    qualify: { button: s.outcomes.qualify, field: s.outcomes.qualifyField, hint: s.outcomes.qualifyHint },
    request_rework: { button: s.outcomes.rework, field: s.outcomes.reworkField, hint: s.outcomes.reworkHint },
    decline: { button: s.outcomes.decline, field: s.outcomes.declineField, hint: s.outcomes.declineHint },
  };
  const error = qualify.error ?? rework.error ?? decline.error;
  const busy = qualify.isPending || rework.isPending || decline.isPending;
  const confirm = () => {
    if (!open) return;
    if (text.trim() === '') {
      setMissing(true);
      return;
    }
    const path = { id: idea.id };
    const version = idea.version;
    if (open === 'qualify') qualify.mutate({ path, body: { answer: text, version } });
    else if (open === 'request_rework') rework.mutate({ path, body: { guidance: text, version } });
    else decline.mutate({ path, body: { rationale: text, version } });
  };
  return (
    <section className="ec-outcomes" aria-label={s.outcomes.title}>
      <h3>{s.outcomes.title}</h3>
      {error && !open ? <Alert tone="error">{describeError(s.errors, error, 'field_on_validation')}</Alert> : null}
      <div className="ec-form-actions">
        {commands.map((c) => (
          <Button
            key={c}
            variant={c === 'qualify' ? 'primary' : 'secondary'}
            onClick={() => {
              qualify.reset();
              rework.reset();
              decline.reset();
              setMissing(false);
              onDone(null);
              setOpen(c);
            }}
          >
            {labels[c].button}
          </Button>
        ))}
      </div>
      <ConfirmDialog
        open={open !== null}
        busy={busy}
        title={open ? labels[open].button : ''}
        confirmLabel={open ? labels[open].button : ''}
        cancelLabel={s.outcomes.cancel}
        onConfirm={confirm}
        onCancel={() => setOpen(null)}
      >
        {open ? (
          <>
            {error ? <Alert tone="error">{describeError(s.errors, error, 'field_on_validation')}</Alert> : null}
            <TextAreaField
              label={labels[open].field}
              hint={labels[open].hint}
              value={text}
              rows={5}
              maxLength={4000}
              required
              error={missing && text.trim() === '' ? s.outcomes.required : undefined}
              onChange={(e) => setText(e.target.value)}
            />
          </>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}
