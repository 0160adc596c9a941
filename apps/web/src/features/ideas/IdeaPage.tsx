import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import {
  getIdeaOptions,
  getIdeaTimelineOptions,
  isApiError,
  submitIdeaMutation,
  withdrawIdeaMutation,
  type IdeaDto,
} from '@eclore/api-client';
import { Alert, Button, ConfirmDialog, Facts, PageHeader, Panel } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { IdeaTimeline } from './IdeaTimeline';
import { IdeaExtensions } from './IdeaExtensions';
import { IdeaDueDates } from '../deadlines';
import { RevealAuthorPanel } from '../anonymity';
import { useLocale, useIdeasText } from './i18n';
import './ideas.css';
import { useIdeaChanged } from './queries';

/** The idea page's core: what the idea is, where it stands, the answer and its public history. */
export default function IdeaPage() {
  const { id = '' } = useParams();
  const s = useIdeasText();
  const idea = useQuery(getIdeaOptions({ path: { id } }));
  useDocumentTitle(idea.data?.title ?? s.page.timeline);
  if (idea.isPending) return <p role="status">…</p>;
  if (idea.isError) return <Alert tone="error">{s.page.notFound}</Alert>;
  return <IdeaView idea={idea.data} />;
}

function IdeaView({ idea }: { idea: IdeaDto }) {
  const s = useIdeasText();
  const locale = useLocale();
  const focus = useFocusHeadingOnMount();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const refresh = useIdeaChanged(idea.id);
  const submit = useMutation({ ...submitIdeaMutation(), onSuccess: refresh });
  const withdraw = useMutation({ ...withdrawIdeaMutation(), onSuccess: refresh });
  const timeline = useQuery(getIdeaTimelineOptions({ path: { id: idea.id } }));
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
  const failed = submit.error ?? withdraw.error;

  return (
    <article className="ec-idea">
      <PageHeader title={idea.title} lead={idea.summary || undefined} focusOnMount={focus} />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {failed ? (
        <Alert tone="error">{isApiError(failed) ? (failed.detail ?? s.errors.generic) : s.errors.generic}</Alert>
      ) : null}
      <Facts
        className="ec-idea__facts"
        facts={[
          { term: s.page.kind, value: s.kind[idea.kind] },
          {
            term: s.page.stage,
            value: (
              <>
                <span className={`ec-idea-status ec-idea-status--${idea.status}`}>{s.status[idea.status]}</span>
                {idea.publishedAt ? ` · ${date.format(new Date(idea.publishedAt))}` : ''}
              </>
            ),
          },
          {
            term: s.page.author,
            value: (
              <>
                {idea.author ? `${idea.author.givenName} ${idea.author.familyName}` : s.page.anonymousAuthor}
                {idea.anonymous && idea.author ? ` (${s.form.anonymous.toLowerCase()})` : ''}
              </>
            ),
          },
          {
            term: s.page.coAuthors,
            value: idea.coAuthors
              .filter((c) => c.status === 'accepted')
              .map((c) => `${c.givenName} ${c.familyName}`)
              .join(', '),
          },
          {
            term: s.page.capturedBy,
            value: idea.capturedBy && `${idea.capturedBy.givenName} ${idea.capturedBy.familyName}`,
          },
          { term: s.page.orgUnit, value: idea.orgUnit?.name },
          { term: s.page.themes, value: idea.themes.join(', ') },
        ]}
      />
      <IdeaDueDates idea={idea} />
      <RevealAuthorPanel idea={idea} />

      {idea.answer ? (
        <Panel title={idea.answer.publishedAt ? s.page.answer : s.page.answerPrivate}>
          <p className="ec-idea__answer">{idea.answer.text}</p>
        </Panel>
      ) : null}

      {/* Sanitised on the server before it is stored: what is rendered is the allow-listed HTML. */}
      <div className="ec-idea__body" dangerouslySetInnerHTML={{ __html: idea.bodyHtml }} />

      <Facts
        facts={
          idea.kind === 'problem'
            ? [
                { term: s.form.whoSuffers, value: idea.whoSuffers },
                { term: s.form.frequency, value: idea.frequency && s.frequency[idea.frequency] },
              ]
            : [
                { term: s.form.expectedBenefits, value: idea.expectedBenefits },
                { term: s.form.needs, value: idea.needs },
              ]
        }
      />

      <div className="ec-form-actions">
        {idea.viewer.canEdit ? (
          <Link className="ec-button ec-button--secondary" to={`/ideas/${idea.id}/edit`}>
            {s.page.edit}
          </Link>
        ) : null}
        {idea.viewer.commands.includes('submit') ? (
          <Button
            disabled={submit.isPending}
            onClick={() => submit.mutate({ path: { id: idea.id }, body: { version: idea.version } })}
          >
            {s.page.submit}
          </Button>
        ) : null}
        {idea.viewer.commands.includes('withdraw') ? (
          <Button variant="secondary" onClick={() => setConfirmWithdraw(true)}>
            {s.page.withdraw}
          </Button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirmWithdraw}
        busy={withdraw.isPending}
        title={s.page.withdraw}
        confirmLabel={s.page.withdraw}
        cancelLabel={s.intake.cancel}
        onConfirm={() => {
          setConfirmWithdraw(false);
          withdraw.mutate({ path: { id: idea.id }, body: { version: idea.version } });
        }}
        onCancel={() => setConfirmWithdraw(false)}
      >
        {s.page.withdrawConfirm}
      </ConfirmDialog>

      <IdeaExtensions idea={idea} />

      <Panel title={s.page.timeline}>
        {timeline.data ? (
          <IdeaTimeline timeline={timeline.data} />
        ) : timeline.isError ? (
          <p>{s.errors.generic}</p>
        ) : (
          <p role="status">…</p>
        )}
      </Panel>
    </article>
  );
}
