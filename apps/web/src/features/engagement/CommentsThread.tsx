import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  adoptIdeaCommentMutation,
  createIdeaCommentMutation,
  listIdeaCommentsOptions,
  withdrawIdeaCommentAdoptionMutation,
  type ApiError,
  type CommentDto,
} from '@eclore/api-client';
import { Button } from '@eclore/web-ui';
import { RichTextEditor, type RichTextHandle } from '../editor';
import { MentionPicker } from './MentionPicker';
import { ReportButton } from './ReportDialog';
import { useLocale, useEngagementText } from './i18n';
import { useCommentsChanged } from './queries';

/** Plain text with blank-line paragraphs → the small HTML the API sanitises (mention tokens pass through). */
export function textToHtml(text: string): string {
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((para) => `<p>${escape(para).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function CommentForm({
  ideaId,
  parentId,
  label,
  onDone,
}: {
  ideaId: string;
  parentId?: string;
  label: string;
  onDone?: () => void;
}) {
  const s = useEngagementText();
  // The comment as the editor's HTML ('' when empty); the API sanitises it and resolves mention tokens.
  const [html, setHtml] = useState('');
  const [error, setError] = useState<string | null>(null);
  const editor = useRef<RichTextHandle>(null);
  const commentsChanged = useCommentsChanged(ideaId);
  const create = useMutation({
    ...createIdeaCommentMutation(),
    onSuccess: () => {
      setHtml('');
      void commentsChanged();
      onDone?.();
    },
    onError: (e: ApiError) =>
      setError(
        e.code === 'comments_closed' ? s.comments.closed : e.fieldErrors.length ? s.errors.required : s.errors.generic,
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!html) return setError(s.errors.required);
    setError(null);
    create.mutate({ path: { id: ideaId }, body: { bodyHtml: html, ...(parentId ? { parentId } : {}) } });
  };
  const insert = (token: string) => editor.current?.insertText(`${token} `);
  return (
    <form className="ec-comment-form" onSubmit={submit} noValidate>
      <RichTextEditor
        label={label}
        hint={s.comments.hint}
        value={html}
        onChange={setHtml}
        error={error ?? undefined}
        rows={3}
        handleRef={editor}
      />
      <div className="ec-comment-form__actions">
        <MentionPicker onPick={insert} />
        {onDone ? (
          <Button variant="secondary" onClick={onDone}>
            {s.comments.cancel}
          </Button>
        ) : null}
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? s.comments.sending : s.comments.send}
        </Button>
      </div>
    </form>
  );
}

/** The authors' "adopt" / "withdraw" action on a comment someone else wrote (the server decides who may). */
function AdoptButton({ comment, ideaId }: { comment: CommentDto; ideaId: string }) {
  const s = useEngagementText();
  const [failed, setFailed] = useState(false);
  const commentsChanged = useCommentsChanged(ideaId);
  const options = {
    onSuccess: () => {
      setFailed(false);
      void commentsChanged();
    },
    onError: () => setFailed(true),
  };
  const adopt = useMutation({ ...adoptIdeaCommentMutation(), ...options });
  const withdraw = useMutation({ ...withdrawIdeaCommentAdoptionMutation(), ...options });
  const path = { id: ideaId, commentId: comment.id };
  const pending = adopt.isPending || withdraw.isPending;
  return (
    <>
      <button
        type="button"
        className="ec-link-button"
        disabled={pending}
        aria-pressed={comment.adopted}
        title={comment.adopted ? undefined : s.comments.adoptHint}
        onClick={() => (comment.adopted ? withdraw.mutate({ path }) : adopt.mutate({ path }))}
      >
        {comment.adopted ? s.comments.unadopt : s.comments.adopt}
      </button>
      {failed ? (
        <span role="alert" className="ec-comment__error">
          {s.comments.adoptFailed}
        </span>
      ) : null}
    </>
  );
}

function Comment({
  comment,
  ideaId,
  canComment,
  locale,
}: {
  comment: CommentDto;
  ideaId: string;
  canComment: boolean;
  locale: string;
}) {
  const s = useEngagementText();
  const [replying, setReplying] = useState(false);
  const who = comment.author ? `${comment.author.givenName} ${comment.author.familyName}` : s.comments.theAuthor;
  return (
    <li className="ec-comment" id={`comment-${comment.id}`}>
      <article aria-label={who}>
        <header className="ec-comment__header">
          <strong>{who}</strong>
          {comment.byIdeaAuthor && comment.author ? (
            <span className="ec-comment__badge">{s.comments.authorBadge}</span>
          ) : null}
          {comment.adopted ? <span className="ec-comment__adopted">{s.comments.adopted}</span> : null}
          <time dateTime={comment.createdAt} className="ec-engagement__muted">
            {new Date(comment.createdAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })}
          </time>
        </header>
        {comment.mergedFrom ? (
          <p className="ec-engagement__muted">{s.comments.mergedFrom(comment.mergedFrom.ideaTitle)}</p>
        ) : null}
        {comment.hidden ? (
          <p className="ec-comment__hidden">
            <em>{s.comments.hidden}</em>
            {comment.hidden.reason ? <> {s.comments.hiddenReason(comment.hidden.reason)}</> : null}
          </p>
        ) : null}
        {comment.bodyHtml !== null ? (
          // Sanitised on the server (allow-list) before it was stored.
          <div className="ec-comment__body" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
        ) : null}
        <div className="ec-comment__actions">
          {canComment && !comment.hidden ? (
            <button
              type="button"
              className="ec-link-button"
              aria-expanded={replying}
              onClick={() => setReplying((r) => !r)}
            >
              {s.comments.reply}
            </button>
          ) : null}
          {comment.canAdopt ? <AdoptButton comment={comment} ideaId={ideaId} /> : null}
          {!comment.hidden ? (
            <ReportButton targetType="comment" targetId={comment.id} label={s.report.comment} />
          ) : null}
        </div>
        {replying ? (
          <CommentForm
            ideaId={ideaId}
            parentId={comment.id}
            label={s.comments.replyLabel}
            onDone={() => setReplying(false)}
          />
        ) : null}
      </article>
      {comment.replies.length > 0 ? (
        <ol className="ec-comment__replies">
          {comment.replies.map((r) => (
            <Comment key={r.id} comment={r} ideaId={ideaId} canComment={canComment} locale={locale} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

/** The idea's comment threads, with replies, mentions and reports. */
export function CommentsThread({
  ideaId,
  canComment,
  closedReason,
}: {
  ideaId: string;
  canComment: boolean;
  closedReason: string | null;
}) {
  const s = useEngagementText();
  const thread = useQuery(listIdeaCommentsOptions({ path: { id: ideaId } }));
  const locale = useLocale();
  return (
    <section className="ec-comments" aria-labelledby={`comments-${ideaId}`}>
      <h2 id={`comments-${ideaId}`}>
        {s.comments.title}{' '}
        {thread.data ? (
          <span className="ec-engagement__muted">({s.comments.count(thread.data.commentCount)})</span>
        ) : null}
      </h2>
      {thread.isError ? <p role="alert">{s.errors.generic}</p> : null}
      {thread.data && thread.data.items.length === 0 ? <p>{s.comments.empty}</p> : null}
      {thread.data && thread.data.items.length > 0 ? (
        <ol className="ec-comments__list">
          {thread.data.items.map((c) => (
            <Comment key={c.id} comment={c} ideaId={ideaId} canComment={canComment} locale={locale} />
          ))}
        </ol>
      ) : null}
      {canComment ? (
        <CommentForm ideaId={ideaId} label={s.comments.label} />
      ) : (
        <p className="ec-engagement__muted">{closedReason ?? s.comments.closed}</p>
      )}
    </section>
  );
}
