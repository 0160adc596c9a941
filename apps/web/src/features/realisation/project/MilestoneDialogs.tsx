import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import {
  createMilestoneMutation,
  updateMilestoneMutation,
  type MilestoneDto,
  type ProjectViewDto,
} from '@eclore/api-client';
import { TextAreaField, TextField } from '@eclore/web-ui';
import { ApiFormDialog, useApiForm } from '../ApiFormDialog';
import { projectError, useProjectText } from './i18n';

interface Common {
  ideaId: string;
  onClose: () => void;
  onSaved: (view: ProjectViewDto) => void;
}

/** The milestone dialogs' refusals, in the project's words. */
function useMilestoneForm() {
  const s = useProjectText();
  return useApiForm(s.errors, (error) => projectError(s, error));
}

/** Adds a milestone, or edits one (title, weight, due date, progress) naming the version read. */
export function MilestoneFormDialog({
  ideaId,
  milestone,
  onClose,
  onSaved,
}: Common & { milestone: MilestoneDto | null }) {
  const s = useProjectText();
  const [title, setTitle] = useState(milestone?.title ?? '');
  const [weight, setWeight] = useState(String(milestone?.weight ?? 1));
  const [dueOn, setDueOn] = useState(milestone?.dueOn ?? '');
  const [progress, setProgress] = useState(String(milestone?.progress ?? 0));
  const { errors, failure, submit } = useMilestoneForm();
  const create = useMutation(createMilestoneMutation());
  const update = useMutation(updateMilestoneMutation());

  const onSubmit = () =>
    submit(async () => {
      const body = { title, weight: Number(weight), dueOn, progress: Number(progress) };
      onSaved(
        milestone
          ? await update.mutateAsync({
              path: { id: ideaId, milestoneId: milestone.id },
              body: { ...body, version: milestone.version },
            })
          : await create.mutateAsync({ path: { id: ideaId }, body }),
      );
    });

  return (
    <ApiFormDialog
      failure={failure}
      title={milestone ? s.milestoneForm.edit(milestone.title) : s.milestoneForm.create}
      submitLabel={s.milestoneForm.save}
      cancelLabel={s.milestoneForm.cancel}
      onSubmit={() => void onSubmit()}
      onCancel={onClose}
      busy={create.isPending || update.isPending}
    >
      <TextField
        label={s.milestoneForm.title}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={errors.get('title')}
        maxLength={200}
        required
      />
      <TextField
        label={s.milestoneForm.weight}
        type="number"
        min={1}
        max={100}
        value={weight}
        onChange={(e) => setWeight(e.target.value)}
        error={errors.get('weight')}
        required
      />
      <TextField
        label={s.milestoneForm.dueOn}
        type="date"
        value={dueOn}
        onChange={(e) => setDueOn(e.target.value)}
        error={errors.get('dueOn')}
        required
      />
      <TextField
        label={s.milestoneForm.progress}
        type="number"
        min={0}
        max={100}
        value={progress}
        onChange={(e) => setProgress(e.target.value)}
        error={errors.get('progress')}
      />
    </ApiFormDialog>
  );
}

/** Marks a milestone done, or drops it with its (required) reason. */
export function MilestoneStatusDialog({
  ideaId,
  milestone,
  to,
  onClose,
  onSaved,
}: Common & { milestone: MilestoneDto; to: 'done' | 'dropped' }) {
  const s = useProjectText();
  const [reason, setReason] = useState('');
  const { errors, failure, submit } = useMilestoneForm();
  const update = useMutation(updateMilestoneMutation());
  const onSubmit = () =>
    submit(async () =>
      onSaved(
        await update.mutateAsync({
          path: { id: ideaId, milestoneId: milestone.id },
          body: { version: milestone.version, status: to, ...(to === 'dropped' ? { dropReason: reason } : {}) },
        }),
      ),
    );
  return (
    <ApiFormDialog
      failure={failure}
      title={to === 'done' ? s.doneConfirm.title(milestone.title) : s.drop.title(milestone.title)}
      submitLabel={to === 'done' ? s.doneConfirm.confirm : s.drop.confirm}
      cancelLabel={s.milestoneForm.cancel}
      onSubmit={() => void onSubmit()}
      onCancel={onClose}
      busy={update.isPending}
    >
      {to === 'dropped' ? (
        <TextAreaField
          label={s.drop.reason}
          hint={s.drop.hint}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={errors.get('dropReason')}
          required
          rows={3}
          maxLength={2000}
        />
      ) : null}
    </ApiFormDialog>
  );
}
