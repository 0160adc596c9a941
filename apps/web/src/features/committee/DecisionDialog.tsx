import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { decideAgendaItemMutation, isApiError, type AgendaItemDto, type CommitteeSessionDto } from '@eclore/api-client';
import { DECISION_KINDS, type DecisionKind } from '@eclore/domain';
import { Alert, FormDialog, TextAreaField, TextField } from '@eclore/web-ui';
import { fieldMessages } from '../../app/errors';
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
  onDecided,
}: {
  sessionId: string;
  item: AgendaItemDto;
  onClose: () => void;
  onDecided: (session: CommitteeSessionDto) => void;
}) {
  const s = useCommitteeText();
  const [kind, setKind] = useState<DecisionKind>('prototype');
  const [rationale, setRationale] = useState('');
  const [until, setUntil] = useState('');
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const decide = useMutation(decideAgendaItemMutation());

  const onSubmit = async () => {
    setErrors(new Map());
    setFailure(null);
    try {
      const session = await decide.mutateAsync({
        path: { id: sessionId, itemId: item.id },
        body: {
          kind,
          rationale,
          // The date input gives a day; parked until the start of that day, local time.
          ...(kind === 'park' && until ? { until: new Date(`${until}T00:00:00`).toISOString() } : {}),
        },
      });
      onDecided(session);
    } catch (error) {
      if (isApiError(error) && error.fieldErrors.length) {
        setErrors(fieldMessages(error, s.errors, s.errors['required']!));
      } else {
        setFailure(commandError(s, error));
      }
    }
  };

  return (
    <FormDialog
      open
      className="ec-committee-decision"
      title={s.decision.title(item.idea.title)}
      submitLabel={s.decision.confirm}
      cancelLabel={s.decision.cancel}
      onSubmit={() => void onSubmit()}
      onCancel={onClose}
      busy={decide.isPending}
    >
      {failure ? <Alert tone="error">{failure}</Alert> : null}
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
        value={rationale}
        onChange={(e) => setRationale(e.target.value)}
        error={errors.get('rationale')}
        required
        rows={4}
        maxLength={5000}
      />
      {kind === 'park' ? (
        <TextField
          label={s.decision.until}
          type="date"
          value={until}
          onChange={(e) => setUntil(e.target.value)}
          error={errors.get('until')}
          required
        />
      ) : null}
    </FormDialog>
  );
}
