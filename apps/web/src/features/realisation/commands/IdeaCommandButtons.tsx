import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import {
  closeIdeaMutation,
  completeImplementationMutation,
  resumeIdeaMutation,
  stopIdeaMutation,
  type IdeaDto,
} from '@eclore/api-client';
import { Alert, Button, ConfirmDialog, FormDialog, TextAreaField } from '@eclore/web-ui';
import { useApiForm } from '../../../app/api-form';
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
  const { values, failure, submit, field, clear } = useApiForm(s.errors, { learnings: '' });
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

  // A refusal of the learnings stays in the stop dialog; any other closes the dialog and shows above the buttons.
  const send = async (call: () => Promise<unknown>) => {
    const outcome = await submit(async () => {
      await call();
    });
    if (outcome === 'failed') setOpen(null);
  };
  const run = (c: Confirmed) => {
    const options = { path: { id: idea.id }, body: { version: idea.version } };
    const mutation = c === 'close' ? close : c === 'resume' ? resume : complete;
    void send(() => mutation.mutateAsync(options));
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
          onClick={() => (clear(), setOpen(c))}
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
        onSubmit={() =>
          void send(() => stop.mutateAsync({ path: { id: idea.id }, body: { ...values, version: idea.version } }))
        }
      >
        <TextAreaField
          label={s.stop.learnings}
          hint={s.stop.hint}
          {...field('learnings')}
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
