import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import {
  changeIdeaProjectOwnerMutation,
  createIdeaProjectMutation,
  isApiError,
  type ProjectViewDto,
} from '@eclore/api-client';
import { Alert, FormDialog, TextField } from '@eclore/web-ui';
import { fieldMessages } from '../../../app/errors';
import { projectError, useProjectText } from './i18n';
import { PersonPicker, type PickedPerson } from './PersonPicker';

/** Names the owner (which starts the project), or changes the owner of a running project. */
export function OwnerDialog({
  ideaId,
  creating,
  onClose,
  onSaved,
}: {
  ideaId: string;
  creating: boolean;
  onClose: () => void;
  onSaved: (view: ProjectViewDto) => void;
}) {
  const s = useProjectText();
  const [owner, setOwner] = useState<PickedPerson | null>(null);
  const [startsOn, setStartsOn] = useState(new Date().toISOString().slice(0, 10));
  const [budget, setBudget] = useState('0');
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const create = useMutation(createIdeaProjectMutation());
  const change = useMutation(changeIdeaProjectOwnerMutation());

  const onSubmit = async () => {
    setErrors(new Map());
    setFailure(null);
    if (!owner) {
      setErrors(new Map([['ownerId', s.ownerForm.required]]));
      return;
    }
    try {
      const view = creating
        ? await create.mutateAsync({
            path: { id: ideaId },
            body: { ownerId: owner.id, startsOn, budgetPlanned: Number(budget) },
          })
        : await change.mutateAsync({ path: { id: ideaId }, body: { ownerId: owner.id } });
      onSaved(view);
    } catch (error) {
      if (isApiError(error) && error.fieldErrors.length)
        setErrors(fieldMessages(error, s.errors, s.errors['required']!));
      else setFailure(projectError(s, error));
    }
  };

  return (
    <FormDialog
      open
      title={s.ownerForm.title}
      submitLabel={s.ownerForm.save}
      cancelLabel={s.ownerForm.cancel}
      onSubmit={() => void onSubmit()}
      onCancel={onClose}
      busy={create.isPending || change.isPending}
    >
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <PersonPicker
        label={s.ownerForm.search}
        chosenLabel={s.ownerForm.chosen}
        value={owner}
        onChange={setOwner}
        error={errors.get('ownerId')}
      />
      {creating ? (
        <>
          <TextField
            label={s.ownerForm.startsOn}
            type="date"
            value={startsOn}
            onChange={(e) => setStartsOn(e.target.value)}
            error={errors.get('startsOn')}
          />
          <TextField
            label={s.ownerForm.budget}
            type="number"
            min={0}
            step="0.01"
            value={budget}
            onChange={(e) => setBudget(e.target.value)}
            error={errors.get('budgetPlanned')}
          />
        </>
      ) : null}
    </FormDialog>
  );
}
