import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { updateMilestoneMutation, type MilestoneDto, type ProjectViewDto } from '@eclore/api-client';
import { Alert, BarChartFigure, Button, DataTable, Panel, TextField } from '@eclore/web-ui';
import { formatDay, useLocale, useProjectText } from './i18n';
import type { ProjectPanelProps } from './BudgetUpdatesPanels';
import { MilestoneFormDialog, MilestoneStatusDialog } from './MilestoneDialogs';
import { describeError } from '../../../app/errors';

type Dialog =
  | { kind: 'form'; milestone: MilestoneDto | null }
  | { kind: 'status'; milestone: MilestoneDto; to: 'done' | 'dropped' }
  | null;

/** The progress of an open milestone, edited in its row (the version read goes with it). */
function InlineProgress({
  ideaId,
  milestone,
  onSaved,
  onFailed,
}: {
  ideaId: string;
  milestone: MilestoneDto;
  onSaved: (view: ProjectViewDto) => void;
  onFailed: (error: unknown) => void;
}) {
  const s = useProjectText();
  const [value, setValue] = useState(String(milestone.progress));
  const update = useMutation(updateMilestoneMutation());
  const save = () =>
    update.mutate(
      {
        path: { id: ideaId, milestoneId: milestone.id },
        body: { version: milestone.version, progress: Number(value) },
      },
      { onSuccess: onSaved, onError: onFailed },
    );
  return (
    <span className="ec-project-inline">
      <TextField
        label={s.milestones.progressOf(milestone.title)}
        hideLabel
        type="number"
        min={0}
        max={100}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        className="ec-project-inline__input"
      />
      <Button variant="secondary" onClick={save} disabled={update.isPending || value === String(milestone.progress)}>
        {s.milestones.save}
      </Button>
    </span>
  );
}

/** The milestones table (inline progress, edit, done, drop), the per-milestone chart and the plan table. */
export function MilestonesPanel({ ideaId, project, canManage, onSaved }: ProjectPanelProps) {
  const s = useProjectText();
  const locale = useLocale();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const saved = (view: ProjectViewDto) => {
    setDialog(null);
    setFailure(null);
    onSaved(view);
  };
  const columns = [
    { key: 'title', header: s.milestones.columns.title, cell: (m: MilestoneDto) => m.title, rowHeader: true },
    { key: 'weight', header: s.milestones.columns.weight, cell: (m: MilestoneDto) => m.weight },
    {
      key: 'due',
      header: s.milestones.columns.due,
      cell: (m: MilestoneDto) => (
        <>
          {formatDay(m.dueOn, locale)}
          {m.late ? <strong className="ec-project-late"> ({s.milestones.late})</strong> : null}
        </>
      ),
    },
    {
      key: 'status',
      header: s.milestones.columns.status,
      cell: (m: MilestoneDto) => (
        <>
          {s.milestones.status[m.status]}
          {m.dropReason ? ` — ${m.dropReason}` : null}
        </>
      ),
    },
    {
      key: 'progress',
      header: s.milestones.columns.progress,
      cell: (m: MilestoneDto) =>
        canManage && m.status === 'open' ? (
          <InlineProgress
            key={m.version}
            ideaId={ideaId}
            milestone={m}
            onSaved={saved}
            onFailed={(e) => setFailure(describeError(s.errors, e))}
          />
        ) : (
          `${m.progress} %`
        ),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            header: s.milestones.columns.actions,
            cell: (m: MilestoneDto) => (
              <span className="ec-project-actions">
                <Button
                  variant="secondary"
                  onClick={() => setDialog({ kind: 'form', milestone: m })}
                  aria-label={`${s.milestones.edit} ${m.title}`}
                >
                  {s.milestones.edit}
                </Button>
                {m.status === 'open'
                  ? (['done', 'dropped'] as const).map((to) => {
                      const label = to === 'done' ? s.milestones.done : s.milestones.drop;
                      return (
                        <Button
                          key={to}
                          variant="secondary"
                          onClick={() => setDialog({ kind: 'status', milestone: m, to })}
                          aria-label={`${label} ${m.title}`}
                        >
                          {label}
                        </Button>
                      );
                    })
                  : null}
              </span>
            ),
          },
        ]
      : []),
  ];
  return (
    <Panel title={s.milestones.title} headingLevel={3} className="ec-project-milestones">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <DataTable
        caption={s.milestones.caption}
        captionHidden
        columns={columns}
        rows={project.milestones}
        rowKey={(m) => m.id}
        empty={s.milestones.empty}
        narrow="list"
      />
      {canManage ? (
        <Button onClick={() => setDialog({ kind: 'form', milestone: null })}>{s.milestones.add}</Button>
      ) : null}
      {project.milestones.length > 0 ? (
        <BarChartFigure
          title={s.chart.title}
          summary={s.chart.summary(project.progress, project.expected)}
          data={project.milestones.map((m) => ({ label: m.title, value: m.progress }))}
          valueName={s.chart.value}
          labelWidth={120}
        />
      ) : null}
      <DataTable
        caption={s.chart.planCaption}
        columns={[
          { key: 'on', header: s.chart.day, cell: (p: { on: string }) => formatDay(p.on, locale), rowHeader: true },
          { key: 'expected', header: s.chart.expected, cell: (p: { expected: number }) => `${p.expected} %` },
        ]}
        rows={project.plan}
        rowKey={(p) => p.on}
      />
      {dialog?.kind === 'form' ? (
        <MilestoneFormDialog
          ideaId={ideaId}
          milestone={dialog.milestone}
          onClose={() => setDialog(null)}
          onDone={saved}
        />
      ) : null}
      {dialog?.kind === 'status' ? (
        <MilestoneStatusDialog
          ideaId={ideaId}
          milestone={dialog.milestone}
          to={dialog.to}
          onClose={() => setDialog(null)}
          onDone={saved}
        />
      ) : null}
    </Panel>
  );
}
