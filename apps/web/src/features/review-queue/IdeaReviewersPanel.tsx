import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  assignReviewerMutation,
  getIdeaAssignmentsOptions,
  getIdeaAssignmentsQueryKey,
  getIdeaQueryKey,
  startQualificationMutation,
  unassignReviewerMutation,
  type IdeaAssignmentsDto,
  type IdeaDto,
} from '@eclore/api-client';
import { holdsRole } from '@eclore/domain';
import { Alert, Button, Panel, SelectField } from '@eclore/web-ui';
import { useSession } from '../../session/session';
import { useReviewQueueText } from './i18n';
import { useIdeaReviewersChanged } from './queries';
import { describeError } from '../../app/errors';

const fullName = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

/**
 * On the idea page, for network members: start qualification (reviewers are chosen automatically),
 * then see, add, replace or remove the reviewers. Nothing shows when the member's scope does not
 * cover the idea (the API answers 403).
 */
export function IdeaReviewersPanel({ idea }: { idea: IdeaDto }) {
  const session = useSession();
  const network = session.actor !== null && holdsRole(session.actor, 'network_member');
  if (!network) return null;
  return <ReviewersPanel idea={idea} />;
}

function ReviewersPanel({ idea }: { idea: IdeaDto }) {
  const s = useReviewQueueText();
  const queryClient = useQueryClient();
  const canStart = idea.viewer.commands.includes('start_qualification');
  const assignments = useQuery({ ...getIdeaAssignmentsOptions({ path: { id: idea.id } }), retry: false });
  const [started, setStarted] = useState(false);
  const reviewersChanged = useIdeaReviewersChanged(idea.id);
  const refresh = () => void reviewersChanged();
  const start = useMutation({
    ...startQualificationMutation(),
    onSuccess: (updated) => {
      setStarted(true);
      queryClient.setQueryData(getIdeaQueryKey({ path: { id: idea.id } }), updated);
      refresh();
    },
  });
  const data = assignments.data;
  const inQualification = idea.status === 'qualify';
  // Before qualification only the start button matters; after it, the reviewers are history.
  if (!canStart && !(data && inQualification) && !started) return null;
  return (
    <Panel title={s.reviewers.title} className="ec-reviewers">
      {started ? <Alert tone="success">{s.reviewers.started}</Alert> : null}
      {start.isError ? <Alert tone="error">{describeError(s.errors, start.error, 'field')}</Alert> : null}
      {canStart ? (
        <Button
          disabled={start.isPending}
          onClick={() => start.mutate({ path: { id: idea.id }, body: { version: idea.version } })}
        >
          {start.isPending ? s.reviewers.starting : s.reviewers.start}
        </Button>
      ) : null}
      {data && inQualification ? <Reviewers ideaId={idea.id} data={data} onChange={refresh} /> : null}
    </Panel>
  );
}

function Reviewers({ ideaId, data, onChange }: { ideaId: string; data: IdeaAssignmentsDto; onChange: () => void }) {
  const s = useReviewQueueText();
  const queryClient = useQueryClient();
  const [personId, setPersonId] = useState('');
  const [replacePersonId, setReplacePersonId] = useState('');
  const update = (next: IdeaAssignmentsDto) => {
    queryClient.setQueryData(getIdeaAssignmentsQueryKey({ path: { id: ideaId } }), next);
    onChange();
  };
  const assign = useMutation({
    ...assignReviewerMutation(),
    onSuccess: (next) => {
      setPersonId('');
      setReplacePersonId('');
      update(next);
    },
  });
  const unassign = useMutation({ ...unassignReviewerMutation(), onSuccess: update });
  const open = data.assignments.filter((a) => a.endedAt === null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate({ path: { id: ideaId }, body: { personId, ...(replacePersonId ? { replacePersonId } : {}) } });
  };
  const failed = assign.error ?? unassign.error;
  return (
    <>
      {data.unrouted ? <Alert tone="info">{s.reviewers.unrouted}</Alert> : null}
      {failed ? <Alert tone="error">{describeError(s.errors, failed, 'field')}</Alert> : null}
      <h3>{s.reviewers.current}</h3>
      {open.length === 0 ? <p>{s.reviewers.none}</p> : null}
      <ul className="ec-reviewers__list">
        {open.map((a) => (
          <li key={a.id}>
            {fullName(a.reviewer)}{' '}
            <span className="ec-reviewers__meta">
              ({a.assignedBy ? s.reviewers.assignedBy(fullName(a.assignedBy)) : s.byRouting})
            </span>{' '}
            <Button
              variant="secondary"
              disabled={unassign.isPending}
              onClick={() => unassign.mutate({ path: { id: ideaId, personId: a.reviewer.id } })}
            >
              {s.reviewers.remove(fullName(a.reviewer))}
            </Button>
          </li>
        ))}
      </ul>
      <form className="ec-reviewers__form" onSubmit={submit} noValidate>
        <SelectField
          label={s.reviewers.person}
          value={personId}
          onChange={(e) => setPersonId(e.target.value)}
          placeholder="—"
          options={data.candidates.map((c) => ({
            value: c.id,
            label: `${fullName(c)} · ${s.reviewers.load(c.openAssignments)}`,
            disabled: c.absentUntil !== null,
          }))}
        />
        <SelectField
          label={s.reviewers.replaced}
          value={replacePersonId}
          onChange={(e) => setReplacePersonId(e.target.value)}
          placeholder={s.reviewers.nobody}
          options={open.map((a) => ({ value: a.reviewer.id, label: fullName(a.reviewer) }))}
        />
        <Button type="submit" disabled={!personId || assign.isPending}>
          {replacePersonId ? s.reviewers.replace : s.reviewers.add}
        </Button>
      </form>
    </>
  );
}
