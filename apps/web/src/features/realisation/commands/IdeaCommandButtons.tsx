import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import {
  closeIdeaMutation,
  completeImplementationMutation,
  isApiError,
  resumeIdeaMutation,
  stopIdeaMutation,
  type IdeaDto,
} from '@eclore/api-client';
import { Alert, Button, ConfirmDialog, FormDialog, TextAreaField } from '@eclore/web-ui';
import { fieldMessages } from '../../../app/errors';
import { useInvalidateOperations } from '../../../app/queries';
import { useCommandsText } from './i18n';

type Confirmed = 'close' | 'resume' | 'complete';
const COMMAND_OF: Record<Confirmed, string> = { close: 'close', resume: 'resume', complete: 'complete_implementation' };

/**
 * A button for each lifecycle command after the decision that `viewer.commands` offers (stop with its
 * learnings, resume, go live, close): every command the API offers has a route and a button.
 */
export function IdeaCommandButtons({ idea }: { idea: IdeaDto }) {
  const s = useCommandsText();
  const [open, setOpen] = useState<Confirmed | 'stop' | null>(null);
  const [learnings, setLearnings] = useState('');
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const refresh = useInvalidateOperations(['getIdea', 'getIdeaTimeline', 'getIdeaFieldReviews', 'listMyFieldReviews']);
  const done = { onSuccess: () => (setOpen(null), void refresh()) };
  const stop = useMutation({ ...stopIdeaMutation(), ...done });
  const close = useMutation({ ...closeIdeaMutation(), ...done });
  const resume = useMutation({ ...resumeIdeaMutation(), ...done });
  const complete = useMutation({ ...completeImplementationMutation(), ...done });
  const offered = (c: string) => idea.viewer.commands.includes(c as never);
  // The go-live button lives in the project section, beside the milestones that allow it.
  const shown = (['stop', 'resume', 'close'] as const).filter((c) => offered(c === 'stop' ? 'stop' : COMMAND_OF[c]));
  if (shown.length === 0) return null;

  const onError = (error: unknown) => {
    if (isApiError(error) && error.fieldErrors.length)
      return setErrors(fieldMessages(error, s.errors, s.errors['required']!));
    setOpen(null);
    if (isApiError(error) && error.status === 403) return setFailure(s.errors['forbidden']!);
    setFailure((isApiError(error) && error.code && s.errors[error.code]) || s.errors['generic']!);
  };
  const run = (c: Confirmed) => {
    setFailure(null);
    const options = { path: { id: idea.id }, body: { version: idea.version } };
    const mutation = c === 'close' ? close : c === 'resume' ? resume : complete;
    mutation.mutate(options, { onError });
  };
  const busy = stop.isPending || close.isPending || resume.isPending || complete.isPending;

  return (
    <div className="ec-form-actions" aria-label={s.title} role="group">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {shown.map((c) => (
        <Button
          key={c}
          variant={c === 'stop' ? 'secondary' : 'primary'}
          disabled={busy}
          onClick={() => (setFailure(null), setErrors(new Map()), setOpen(c))}
        >
          {s[c].button}
        </Button>
      ))}
      <FormDialog
        open={open === 'stop'}
        title={s.stop.title}
        submitLabel={s.stop.confirm}
        cancelLabel={s.cancel}
        busy={stop.isPending}
        onCancel={() => setOpen(null)}
        onSubmit={() => stop.mutate({ path: { id: idea.id }, body: { learnings, version: idea.version } }, { onError })}
      >
        <TextAreaField
          label={s.stop.learnings}
          hint={s.stop.hint}
          value={learnings}
          onChange={(e) => setLearnings(e.target.value)}
          error={errors.get('learnings')}
          required
          rows={4}
          maxLength={4000}
        />
      </FormDialog>
      {(['close', 'resume', 'complete'] as const).map((c) => (
        <ConfirmDialog
          key={c}
          open={open === c}
          busy={busy}
          title={s[c].title}
          confirmLabel={s[c].confirm}
          cancelLabel={s.cancel}
          onConfirm={() => run(c)}
          onCancel={() => setOpen(null)}
        >
          {s[c].body}
        </ConfirmDialog>
      ))}
    </div>
  );
}
