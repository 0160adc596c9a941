import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  completeImplementationMutation,
  getIdeaProjectOptions,
  type IdeaDto,
  type ProjectDto,
} from '@eclore/api-client';
import { Alert, Button, ConfirmDialog, Panel } from '@eclore/web-ui';
import { BudgetPanel, UpdatesPanel } from './BudgetUpdatesPanels';
import { formatDay, useLocale, useProjectText } from './i18n';
import { MilestonesPanel } from './MilestonesPanel';
import { OwnerDialog } from './OwnerDialog';
import { useIdeaMoved, useProjectChanged } from './queries';
import './project.css';
import { describeError } from '../../../app/errors';

/** The status badge: the word always, the colour only as a hint. */
export function ProjectStatusBadge({ status }: { status: ProjectDto['status'] }) {
  const s = useProjectText();
  return <span className={`ec-project-badge ec-project-badge--${status}`}>{s.status[status]}</span>;
}

function Facts({ project, onChangeOwner }: { project: ProjectDto; onChangeOwner: (() => void) | null }) {
  const s = useProjectText();
  const locale = useLocale();
  return (
    <dl className="ec-project-facts">
      <dt>{s.owner}</dt>
      <dd>
        {project.owner.givenName} {project.owner.familyName}{' '}
        {onChangeOwner ? (
          <Button variant="secondary" onClick={onChangeOwner}>
            {s.changeOwner}
          </Button>
        ) : null}
      </dd>
      <dt>{s.team}</dt>
      <dd>
        {project.team.length === 0
          ? s.noTeam
          : project.team
              .map(
                (m) =>
                  `${m.person ? `${m.person.givenName} ${m.person.familyName}` : s.anAuthor}${m.role === 'lead' ? ` (${s.lead})` : ''}`,
              )
              .join(', ')}
      </dd>
      <dt>{s.startsOn}</dt>
      <dd>{formatDay(project.startsOn, locale)}</dd>
      <dt>{s.progress}</dt>
      <dd>
        <span data-testid="project-progress">{project.progress} %</span> <ProjectStatusBadge status={project.status} />
      </dd>
      <dt>{s.expected}</dt>
      <dd>{project.expected} %</dd>
    </dl>
  );
}

/** The idea page's implementation project (mise en œuvre): owner, team, milestones, chart, budget, updates, go-live. */
export default function ProjectSection({ idea }: { idea: IdeaDto }) {
  const s = useProjectText();
  const locale = useLocale();
  const query = useQuery(getIdeaProjectOptions({ path: { id: idea.id } }));
  const changed = useProjectChanged(idea.id);
  const moved = useIdeaMoved(idea.id);
  const [ownerDialog, setOwnerDialog] = useState<'create' | 'change' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const goLive = useMutation(completeImplementationMutation());
  if (!['implement', 'follow_up', 'closed'].includes(idea.status)) return null;
  if (query.isPending) return <p role="status">{s.loading}</p>;
  if (query.isError) return <Alert tone="error">{s.loadError}</Alert>;
  const view = query.data;
  const project = view.project;

  return (
    <div id="project" className="ec-project">
      <Panel title={s.title}>
        {project === null ? (
          <>
            <p>{s.ownerToBeNamed}</p>
            {view.canAssignOwner ? <Button onClick={() => setOwnerDialog('create')}>{s.nameOwner}</Button> : null}
          </>
        ) : (
          <>
            <Facts project={project} onChangeOwner={view.canAssignOwner ? () => setOwnerDialog('change') : null} />
            {project.goLiveAt ? <p>{s.goLive.done(formatDay(project.goLiveAt, locale))}</p> : null}
            {goLive.isError ? <Alert tone="error">{describeError(s.errors, goLive.error)}</Alert> : null}
            {view.canGoLive ? (
              <>
                {!project.canComplete ? <p className="ec-project-hint">{s.goLive.refused}</p> : null}
                <Button onClick={() => setConfirming(true)}>{s.goLive.button}</Button>
              </>
            ) : null}
            <MilestonesPanel ideaId={idea.id} project={project} canManage={view.canManage} onSaved={changed} />
            <BudgetPanel ideaId={idea.id} project={project} canManage={view.canManage} onSaved={changed} />
            <UpdatesPanel ideaId={idea.id} project={project} canManage={view.canManage} onSaved={changed} />
          </>
        )}
      </Panel>
      {ownerDialog ? (
        <OwnerDialog
          ideaId={idea.id}
          creating={ownerDialog === 'create'}
          onClose={() => setOwnerDialog(null)}
          onDone={(v) => {
            setOwnerDialog(null);
            changed(v);
          }}
        />
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={s.goLive.title}
        confirmLabel={s.goLive.confirm}
        cancelLabel={s.milestoneForm.cancel}
        onCancel={() => setConfirming(false)}
        busy={goLive.isPending}
        onConfirm={() =>
          goLive.mutate(
            { path: { id: idea.id }, body: { version: idea.version } },
            {
              onSettled: () => setConfirming(false),
              onSuccess: () => void moved(),
            },
          )
        }
      >
        <p>{s.goLive.body}</p>
      </ConfirmDialog>
    </div>
  );
}
