import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { reportContentMutation, type ApiError } from '@eclore/api-client';
import { FormDialog } from '@eclore/web-ui';
import { TextArea } from './TextArea';
import { useEngagementText } from './i18n';

/** "Report" for an idea or a comment: a reason, sent once to the network. */
export function ReportButton({
  targetType,
  targetId,
  label,
}: {
  targetType: 'idea' | 'comment';
  targetId: string;
  label: string;
}) {
  const s = useEngagementText();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const report = useMutation({
    ...reportContentMutation(),
    onSuccess: () => {
      setOpen(false);
      setDone(s.report.done);
    },
    onError: (e: ApiError) => {
      if (e.code === 'already_reported') {
        setOpen(false);
        setDone(s.report.already);
      } else setError(e.fieldErrors.length ? s.errors.required : s.errors.generic);
    },
  });
  const submit = () => {
    if (!reason.trim()) return setError(s.errors.required);
    setError(null);
    report.mutate({ body: { targetType, targetId, reason: reason.trim() } });
  };
  return (
    <>
      <button type="button" className="ec-link-button" onClick={() => setOpen(true)} disabled={done !== null}>
        {label}
      </button>
      {done ? (
        <span role="status" className="ec-engagement__note">
          {done}
        </span>
      ) : null}
      <FormDialog
        open={open}
        title={s.report.title}
        submitLabel={s.report.send}
        cancelLabel={s.cancel}
        busy={report.isPending}
        onSubmit={submit}
        onCancel={() => setOpen(false)}
      >
        <TextArea label={s.report.reason} value={reason} onChange={setReason} error={error} />
      </FormDialog>
    </>
  );
}
