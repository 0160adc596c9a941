import { useMutation } from '@tanstack/react-query';
import {
  createMilestoneMutation,
  updateMilestoneMutation,
  type MilestoneDto,
  type ProjectViewDto,
} from '@eclore/api-client';
import { TextAreaField, TextField } from '@eclore/web-ui';
import { ApiFormDialog, useApiForm, type FormDialogEvents } from '../../../app/api-form';
import { useProjectText } from './i18n';

type Common = { ideaId: string } & FormDialogEvents<ProjectViewDto>;

/** Adds a milestone, or edits one (title, weight, due date, progress) naming the version read. */
export function MilestoneFormDialog({
  ideaId,
  milestone,
  onClose,
  onDone,
}: Common & { milestone: MilestoneDto | null }) {
  const s = useProjectText();
  const { values, failure, submit, field } = useApiForm(s.errors, {
    title: milestone?.title ?? '',
    weight: String(milestone?.weight ?? 1),
    dueOn: milestone?.dueOn ?? '',
    progress: String(milestone?.progress ?? 0),
  });
  const create = useMutation(createMilestoneMutation());
  const update = useMutation(updateMilestoneMutation());

  const onSubmit = () =>
    submit(async () => {
      const body = { ...values, weight: Number(values.weight), progress: Number(values.progress) };
      onDone(
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
      <TextField label={s.milestoneForm.title} {...field('title')} maxLength={200} required />
      <TextField label={s.milestoneForm.weight} type="number" min={1} max={100} {...field('weight')} required />
      <TextField label={s.milestoneForm.dueOn} type="date" {...field('dueOn')} required />
      <TextField label={s.milestoneForm.progress} type="number" min={0} max={100} {...field('progress')} />
    </ApiFormDialog>
  );
}

/** Marks a milestone done, or drops it with its (required) reason. */
export function MilestoneStatusDialog({
  ideaId,
  milestone,
  to,
  onClose,
  onDone,
}: Common & { milestone: MilestoneDto; to: 'done' | 'dropped' }) {
  const s = useProjectText();
  const { values, failure, submit, field } = useApiForm(s.errors, { dropReason: '' });
  const update = useMutation(updateMilestoneMutation());
  const onSubmit = () =>
    submit(async () =>
      onDone(
        await update.mutateAsync({
          path: { id: ideaId, milestoneId: milestone.id },
          body: {
            version: milestone.version,
            status: to,
            ...(to === 'dropped' ? { dropReason: values.dropReason } : {}),
          },
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
          {...field('dropReason')}
          required
          rows={3}
          maxLength={2000}
        />
      ) : null}
    </ApiFormDialog>
  );
}
