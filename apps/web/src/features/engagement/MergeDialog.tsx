import { useId, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { listWallOptions, mergeIdeaMutation, type ApiError } from '@eclore/api-client';
import { Button, TextField, FormDialog } from '@eclore/web-ui';
import { TextArea } from './TextArea';
import { useEngagementText } from './i18n';
import { useIdeaMerged } from './queries';

/** Network members: merge this duplicate into another idea, picked by searching the wall. */
export function MergeButton({ ideaId }: { ideaId: string }) {
  const s = useEngagementText();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [targetId, setTargetId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const legendId = useId();
  const results = useQuery({
    ...listWallOptions({ query: { q: q.trim(), limit: 8 } }),
    enabled: open && q.trim().length >= 2,
  });
  const candidates = (results.data?.items ?? []).filter((i) => i.id !== ideaId);
  const merged = useIdeaMerged(ideaId);
  const merge = useMutation({
    ...mergeIdeaMutation(),
    onSuccess: () => {
      setOpen(false);
      merged();
    },
    onError: (e: ApiError) => setError(e.fieldErrors[0]?.message ?? e.message ?? s.errors.generic),
  });
  const submit = () => {
    if (!targetId || !reason.trim()) return setError(s.errors.required);
    setError(null);
    merge.mutate({ path: { id: ideaId }, body: { targetId, reason: reason.trim() } });
  };
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {s.merge.open}
      </Button>
      <FormDialog
        open={open}
        title={s.merge.title}
        submitLabel={s.merge.confirm}
        cancelLabel={s.cancel}
        busy={merge.isPending}
        onSubmit={submit}
        onCancel={() => setOpen(false)}
      >
        <p>{s.merge.lead}</p>
        <TextField label={s.merge.search} value={q} onChange={(e) => setQ(e.target.value)} type="search" />
        <fieldset className="ec-merge__results" aria-live="polite">
          <legend id={legendId}>{s.merge.results}</legend>
          {q.trim().length >= 2 && results.isSuccess && candidates.length === 0 ? <p>{s.merge.none}</p> : null}
          {candidates.map((idea) => (
            <label key={idea.id} className="ec-merge__option">
              <input
                type="radio"
                name="merge-target"
                value={idea.id}
                checked={targetId === idea.id}
                onChange={() => setTargetId(idea.id)}
              />{' '}
              {idea.title}
            </label>
          ))}
        </fieldset>
        <TextArea label={s.merge.reason} value={reason} onChange={setReason} />
        {error ? (
          <p role="alert" className="ec-text-field__error">
            {error}
          </p>
        ) : null}
      </FormDialog>
    </>
  );
}
