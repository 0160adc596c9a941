import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { decideAgendaItemMutation, type AgendaItemDto, type CommitteeSessionDto } from '@eclore/api-client';
import { DECISION_KINDS, type DecisionKind } from '@eclore/domain';
import { TextAreaField, TextField } from '@eclore/web-ui';
import { ApiFormDialog, useApiForm, type FormDialogEvents } from '../../app/api-form';
import { commandError, useCommitteeText } from './i18n';

/**
 * The decision on one agenda item, in a FormDialog (focus trapped, Escape closes): the
 * kind, the rationale (required: it becomes the idea's published answer) and, to park, the date.
 * The API's field errors are shown on their fields.
 */
export function DecisionDialog({
  sessionId,
  item,
  onClose,
  onDone,
}: { sessionId: string; item: AgendaItemDto } & FormDialogEvents<CommitteeSessionDto>) {
  const s = useCommitteeText();
  const [kind, setKind] = useState<DecisionKind>('prototype');
  const { values, failure, submit, field } = useApiForm(s.errors, { rationale: '', until: '' }, (error) =>
    commandError(s, error),
  );
  const { until } = values;
  const decide = useMutation(decideAgendaItemMutation());

  const onSubmit = () =>
    submit(async () => {
      const session = await decide.mutateAsync({
        path: { id: sessionId, itemId: item.id },
        body: {
          kind,
          rationale: values.rationale,
          // The date input gives a day; parked until the start of that day, local time.
          ...(kind === 'park' && until ? { until: new Date(`${until}T00:00:00`).toISOString() } : {}),
        },
      });
      onDone(session);
    });

  return (
    <ApiFormDialog
      failure={failure}
      className="ec-committee-decision"
      title={s.decision.title(item.idea.title)}
      submitLabel={s.decision.confirm}
      cancelLabel={s.decision.cancel}
      onSubmit={() => void onSubmit()}
      onCancel={onClose}
      busy={decide.isPending}
    >
      <fieldset className="ec-committee-kinds">
        <legend>{s.decision.kind}</legend>
        {DECISION_KINDS.map((k) => (
          <label key={k} className="ec-committee-check">
            <input type="radio" name="decision-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />{' '}
            {s.decision.kinds[k]}
          </label>
        ))}
      </fieldset>
      <TextAreaField
        label={s.decision.rationale}
        hint={s.decision.rationaleHint}
        {...field('rationale')}
        required
        rows={4}
        maxLength={5000}
      />
      {kind === 'park' ? <TextField label={s.decision.until} type="date" {...field('until')} required /> : null}
    </ApiFormDialog>
  );
}
