import { useId, useRef, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  deleteAttachmentMutation,
  isApiError,
  listIdeaAttachmentsOptions,
  type IdeaAttachmentDto,
  type IdeaDto,
} from '@eclore/api-client';
import { Alert, Button, ConfirmDialog } from '@eclore/web-ui';
import { errorText, useAttachmentsText, useLocale } from './i18n';
import { formatBytes, uploadAttachment } from './upload';
import './attachments.css';
import { useAttachmentsChanged } from './queries';

/**
 * The idea page's attachments block (an IdeaExtensions entry): the files with download links, and
 * for those who may change them, upload with a progress bar and delete with confirmation.
 */
export function AttachmentsPanel({ idea }: { idea: IdeaDto }) {
  const locale = useLocale();
  const s = useAttachmentsText();
  const options = { path: { id: idea.id } };
  const list = useQuery(listIdeaAttachmentsOptions(options));
  const refresh = useAttachmentsChanged(idea.id);
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [toDelete, setToDelete] = useState<IdeaAttachmentDto | null>(null);
  const remove = useMutation({
    ...deleteAttachmentMutation(),
    onSuccess: (_d, vars) => {
      const gone = list.data?.items.find((a) => a.id === vars.path.id);
      setMessage({ kind: 'success', text: s.removed(gone?.fileName ?? '') });
      setToDelete(null);
      void refresh();
    },
    onError: (err) => {
      setMessage({ kind: 'error', text: errorText(s, err.code) });
      setToDelete(null);
    },
  });

  const data = list.data;
  if (!data) return list.isError ? <p role="alert">{s.errors.generic}</p> : <p role="status">…</p>;
  if (data.items.length === 0 && !data.canUpload) return null;

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setMessage(null);
    if (file.size > data.maxBytes) {
      setMessage({ kind: 'error', text: errorText(s, 'file_too_large') });
      return;
    }
    setProgress({ name: file.name, fraction: 0 });
    try {
      const created = await uploadAttachment(idea.id, file, (fraction) => setProgress({ name: file.name, fraction }));
      setMessage({ kind: 'success', text: s.uploaded(created.fileName) });
      await refresh();
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(s, isApiError(err) ? err.code : undefined) });
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <section className="ec-attachments" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`} className="ec-attachments__title">
        {s.title}
      </h2>
      {data.items.length === 0 ? (
        <p className="ec-attachments__muted">{s.empty}</p>
      ) : (
        <ul className="ec-attachments__list">
          {data.items.map((a) => (
            <li key={a.id} className="ec-attachments__item">
              <a href={a.downloadUrl} download={a.fileName} aria-label={s.download(a.fileName)}>
                {a.fileName}
              </a>{' '}
              <span className="ec-attachments__muted">
                {formatBytes(a.sizeBytes, locale)}
                {a.uploadedBy ? ` · ${s.by(`${a.uploadedBy.givenName} ${a.uploadedBy.familyName}`)}` : null}
              </span>
              {a.canDelete ? (
                <Button variant="secondary" onClick={() => setToDelete(a)} aria-label={s.remove(a.fileName)}>
                  {s.removeConfirm}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {data.canUpload && data.items.length < data.maxCount ? (
        <div className="ec-attachments__upload">
          <label htmlFor={inputId} className="ec-text-field__label">
            {s.choose}
          </label>
          <span id={hintId} className="ec-text-field__hint">
            {s.hint(formatBytes(data.maxBytes, locale), data.maxCount)}
          </span>
          <input
            ref={input}
            id={inputId}
            type="file"
            accept={data.acceptedTypes.join(',')}
            aria-describedby={hintId}
            disabled={progress !== null}
            onChange={(e) => void onFile(e.currentTarget.files?.[0])}
          />
        </div>
      ) : null}
      {progress ? (
        <div className="ec-attachments__progress">
          <label htmlFor={`${inputId}-progress`}>{s.uploading(progress.name)}</label>
          <progress id={`${inputId}-progress`} max={1} value={progress.fraction}>
            {Math.round(progress.fraction * 100)} %
          </progress>
        </div>
      ) : null}
      <div aria-live="polite">
        {message ? <Alert tone={message.kind === 'error' ? 'error' : 'success'}>{message.text}</Alert> : null}
      </div>
      <ConfirmDialog
        open={toDelete !== null}
        title={s.removeTitle}
        confirmLabel={s.removeConfirm}
        cancelLabel={s.cancel}
        busy={remove.isPending}
        onConfirm={() => toDelete && remove.mutate({ path: { id: toDelete.id } })}
        onCancel={() => setToDelete(null)}
      >
        {toDelete ? <p>{s.removeBody(toDelete.fileName)}</p> : null}
      </ConfirmDialog>
    </section>
  );
}
