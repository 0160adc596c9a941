import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { changeIdeaProjectOwnerMutation, createIdeaProjectMutation, type ProjectViewDto } from '@eclore/api-client';
import { TextField } from '@eclore/web-ui';
import { ApiFormDialog, useApiForm, type FormDialogEvents } from '../../../app/api-form';
import { useProjectText } from './i18n';
import { PersonPicker, type PickedPerson } from './PersonPicker';

/** Names the owner (which starts the project), or changes the owner of a running project. */
export function OwnerDialog({
  ideaId,
  creating,
  onClose,
  onDone,
}: { ideaId: string; creating: boolean } & FormDialogEvents<ProjectViewDto>) {
  const s = useProjectText();
  const [owner, setOwner] = useState<PickedPerson | null>(null);
  const { values, errors, failure, submit, field, refuse } = useApiForm(s.errors, () => ({
    startsOn: new Date().toISOString().slice(0, 10),
    budgetPlanned: '0',
  }));
  const create = useMutation(createIdeaProjectMutation());
  const change = useMutation(changeIdeaProjectOwnerMutation());

  const onSubmit = () =>
    owner
      ? submit(async () => {
          const view = creating
            ? await create.mutateAsync({
                path: { id: ideaId },
                body: { ownerId: owner.id, startsOn: values.startsOn, budgetPlanned: Number(values.budgetPlanned) },
              })
            : await change.mutateAsync({ path: { id: ideaId }, body: { ownerId: owner.id } });
          onDone(view);
        })
      : refuse('ownerId', s.ownerForm.required);

  return (
    <ApiFormDialog
      failure={failure}
      title={s.ownerForm.title}
      submitLabel={s.ownerForm.save}
      cancelLabel={s.ownerForm.cancel}
      onSubmit={() => void onSubmit()}
      onCancel={onClose}
      busy={create.isPending || change.isPending}
    >
      <PersonPicker
        label={s.ownerForm.search}
        chosenLabel={s.ownerForm.chosen}
        value={owner}
        onChange={setOwner}
        error={errors.get('ownerId')}
      />
      {creating ? (
        <>
          <TextField label={s.ownerForm.startsOn} type="date" {...field('startsOn')} />
          <TextField label={s.ownerForm.budget} type="number" min={0} step="0.01" {...field('budgetPlanned')} />
        </>
      ) : null}
    </ApiFormDialog>
  );
}
