import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { startDirectoryImportMutation, type ApiError } from '@eclore/api-client';
import { Button } from '@eclore/web-ui';
import { messageFor } from '../../app/errors';
import { useDirectoryText } from './i18n';

/** Same limit as the API's; checked here too so a huge file is refused before it is sent. */
const MAX_BYTES = 50 * 1024 * 1024;

export function ImportForm({ onStarted }: { onStarted: (id: string) => void }) {
  const text = useDirectoryText();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const start = useMutation({ ...startDirectoryImportMutation(), onSuccess: (data) => onStarted(data.id) });

  const apiError = start.error as ApiError | null;
  const message =
    localError ??
    (apiError
      ? apiError.fieldErrors[0]
        ? (messageFor(text.upload.problems, apiError.fieldErrors[0].code) ?? apiError.fieldErrors[0].message)
        : apiError.status === 413
          ? text.upload.problems.tooLarge
          : apiError.status === 403
            ? text.upload.problems.forbidden
            : text.upload.problems.failed({ detail: apiError.message })
      : null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setLocalError(null);
    start.reset();
    const file = input.current?.files?.[0];
    if (!file) return setLocalError(text.upload.problems.isNotEmpty);
    if (file.size > MAX_BYTES) return setLocalError(text.upload.problems.tooLarge);
    // The API client adds the session's X-CSRF-Token to every state-changing request.
    start.mutate({ body: { file } });
  }

  return (
    <form onSubmit={submit} className="ec-dir-form" noValidate>
      <label htmlFor={inputId}>{text.upload.label}</label>
      <input
        ref={input}
        id={inputId}
        name="file"
        type="file"
        accept=".csv,text/csv"
        aria-describedby={message ? `${hintId} ${errorId}` : hintId}
        aria-invalid={message ? true : undefined}
        onChange={() => setLocalError(null)}
      />
      <p id={hintId} className="ec-dir-hint">
        {text.upload.hint}
      </p>
      {message ? (
        <p id={errorId} className="ec-dir-error" role="alert">
          {message}
        </p>
      ) : null}
      <Button type="submit" disabled={start.isPending}>
        {start.isPending ? text.upload.sending : text.upload.submit}
      </Button>
    </form>
  );
}
