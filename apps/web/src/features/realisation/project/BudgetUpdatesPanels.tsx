import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import {
  addBudgetLineMutation,
  addProjectUpdateMutation,
  type BudgetLineDto,
  type ProjectDto,
  type ProjectViewDto,
} from '@eclore/api-client';
import { Alert, Button, DataTable, Panel, TextAreaField, TextField } from '@eclore/web-ui';
import { ApiFormDialog, useApiForm } from '../../../app/api-form';
import { formatAmount, formatDay, useLocale, useProjectText } from './i18n';
import { describeError } from '../../../app/errors';

/** What the project section gives each of its panels (milestones, budget, updates). */
export interface ProjectPanelProps {
  ideaId: string;
  project: ProjectDto;
  canManage: boolean;
  onSaved: (view: ProjectViewDto) => void;
}

/** Planned vs spent, the spending lines, and a dialog to record one. */
export function BudgetPanel({ ideaId, project, canManage, onSaved }: ProjectPanelProps) {
  const s = useProjectText();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const { values, setValues, failure, submit, field } = useApiForm(s.errors, () => ({
    label: '',
    amount: '',
    spentOn: new Date().toISOString().slice(0, 10),
  }));
  const add = useMutation(addBudgetLineMutation());
  const b = project.budget;
  const onSubmit = () =>
    submit(async () => {
      onSaved(await add.mutateAsync({ path: { id: ideaId }, body: { ...values, amount: Number(values.amount) } }));
      setOpen(false);
      // The day stays as typed: only the label and the amount start empty again.
      setValues((v) => ({ ...v, label: '', amount: '' }));
    });
  return (
    <Panel title={s.budget.title} headingLevel={3} className="ec-project-budget">
      <dl className="ec-project-facts">
        <dt>{s.budget.planned}</dt>
        <dd>{formatAmount(b.planned, locale)}</dd>
        <dt>{s.budget.spent}</dt>
        <dd>
          {formatAmount(b.spent, locale)}
          {b.spentPercent !== null ? ` (${b.spentPercent} %)` : null}
        </dd>
        <dt>{s.budget.remaining}</dt>
        <dd>
          {formatAmount(b.remaining, locale)}
          {b.overspent ? <strong className="ec-project-late"> — {s.budget.overspent}</strong> : null}
        </dd>
      </dl>
      <DataTable
        caption={s.budget.caption}
        captionHidden
        columns={[
          { key: 'label', header: s.budget.label, cell: (l: BudgetLineDto) => l.label, rowHeader: true },
          { key: 'amount', header: s.budget.amount, cell: (l: BudgetLineDto) => formatAmount(l.amount, locale) },
          { key: 'on', header: s.budget.spentOn, cell: (l: BudgetLineDto) => formatDay(l.spentOn, locale) },
        ]}
        rows={b.lines}
        rowKey={(l) => l.id}
        empty={s.budget.empty}
        narrow="list"
      />
      {canManage ? (
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {s.budget.add}
        </Button>
      ) : null}
      {open ? (
        <ApiFormDialog
          failure={failure}
          title={s.budget.add}
          submitLabel={s.milestoneForm.save}
          cancelLabel={s.milestoneForm.cancel}
          onSubmit={() => void onSubmit()}
          onCancel={() => setOpen(false)}
          busy={add.isPending}
        >
          <TextField label={s.budget.label} {...field('label')} maxLength={200} />
          <TextField label={s.budget.amount} type="number" min={0} step="0.01" {...field('amount')} />
          <TextField label={s.budget.spentOn} type="date" {...field('spentOn')} />
        </ApiFormDialog>
      ) : null}
    </Panel>
  );
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The dated updates, newest first, and a field to post one (plain paragraphs, sanitised by the API). */
export function UpdatesPanel({ ideaId, project, canManage, onSaved }: ProjectPanelProps) {
  const s = useProjectText();
  const locale = useLocale();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = useMutation(addProjectUpdateMutation());
  const post = () => {
    const bodyHtml = text
      .split(/\n{2,}/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => `<p>${escape(p)}</p>`)
      .join('');
    add.mutate(
      { path: { id: ideaId }, body: { bodyHtml } },
      {
        onSuccess: (view) => {
          setText('');
          setError(null);
          onSaved(view);
        },
        onError: (e) => setError(describeError(s.errors, e)),
      },
    );
  };
  return (
    <Panel title={s.updates.title} headingLevel={3} className="ec-project-updates">
      {project.updates.length === 0 ? <p>{s.updates.empty}</p> : null}
      <ol className="ec-project-timeline">
        {project.updates.map((u) => (
          <li key={u.id}>
            <p className="ec-project-timeline__meta">
              {s.updates.by(
                u.author ? `${u.author.givenName} ${u.author.familyName}` : s.anAuthor,
                formatDay(u.createdAt, locale),
              )}
            </p>
            {/* Sanitised by the API (allow-list rich text). */}
            <div dangerouslySetInnerHTML={{ __html: u.bodyHtml }} />
          </li>
        ))}
      </ol>
      {canManage ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            post();
          }}
        >
          {error ? <Alert tone="error">{error}</Alert> : null}
          <TextAreaField
            label={s.updates.body}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={3}
            maxLength={20000}
          />
          <Button type="submit" disabled={add.isPending || text.trim() === ''}>
            {s.updates.add}
          </Button>
        </form>
      ) : null}
    </Panel>
  );
}
