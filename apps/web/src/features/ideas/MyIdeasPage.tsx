import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  acceptCoAuthorshipMutation,
  declineCoAuthorshipMutation,
  listMyIdeasOptions,
  type MyIdeaDto,
} from '@eclore/api-client';
import { Button, Page, Panel } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { useIdeasText, type IdeasText } from './i18n';
import './ideas.css';
import { TeamInvitationsPanel } from '../realisation/team/TeamInvitationsPanel';
import { useMyIdeasChanged } from './queries';
import { usePageState } from '../../app/page-state';

/** My drafts, submitted and returned ideas (with the reason), and invitations to co-author. */
export default function MyIdeasPage() {
  const s = useIdeasText();
  useDocumentTitle(s.mine.title);
  const focus = useFocusHeadingOnMount();
  const mine = useQuery(listMyIdeasOptions());
  const refresh = useMyIdeasChanged();
  const accept = useMutation({ ...acceptCoAuthorshipMutation(), onSuccess: refresh });
  const decline = useMutation({ ...declineCoAuthorshipMutation(), onSuccess: refresh });

  const all = mine.data ?? [];
  const invitations = all.filter((m) => m.relation === 'invited');
  const accepted = all.filter((m) => m.relation === 'accepted');
  const drafts = accepted.filter((m) => m.idea.status === 'emerge');
  const returned = accepted.filter((m) => m.idea.status === 'returned');
  const submitted = accepted.filter((m) => m.idea.status !== 'emerge' && m.idea.status !== 'returned');

  const state = usePageState(mine, { loading: '…', error: s.errors.generic });
  return (
    <Page title={s.mine.title} lead={s.mine.lead} focusOnMount={focus} {...state}>
      <p>
        <Link className="ec-button ec-button--primary" to="/ideas/new">
          {s.mine.newIdea}
        </Link>
      </p>
      {invitations.length ? (
        <Panel title={s.mine.invitations}>
          <ul className="ec-idea-list">
            {invitations.map((m) => (
              <li key={m.idea.id}>
                <IdeaLine m={m} s={s} />
                <span className="ec-form-actions">
                  <Button
                    disabled={accept.isPending}
                    onClick={() => accept.mutate({ path: { id: m.idea.id } })}
                    aria-label={`${s.mine.accept} : ${m.idea.title}`}
                  >
                    {s.mine.accept}
                  </Button>
                  <Button
                    variant="secondary"
                    disabled={decline.isPending}
                    onClick={() => decline.mutate({ path: { id: m.idea.id } })}
                    aria-label={`${s.mine.decline} : ${m.idea.title}`}
                  >
                    {s.mine.decline}
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}
      <TeamInvitationsPanel />
      {/* Sections only once loaded: their empty state is a statement about data we have. */}
      {mine.isSuccess ? (
        <>
          <Section title={s.mine.returned} items={returned} s={s} showReason />
          <Section title={s.mine.drafts} items={drafts} s={s} />
          <Section title={s.mine.submitted} items={submitted} s={s} />
        </>
      ) : null}
    </Page>
  );
}

function Section({
  title,
  items,
  s,
  showReason = false,
}: {
  title: string;
  items: MyIdeaDto[];
  s: IdeasText;
  showReason?: boolean;
}) {
  return (
    <Panel title={title}>
      {items.length === 0 ? (
        <p>{s.mine.empty}</p>
      ) : (
        <ul className="ec-idea-list">
          {items.map((m) => (
            <li key={m.idea.id}>
              <IdeaLine m={m} s={s} />
              {showReason && m.idea.answer ? (
                <p className="ec-idea-list__reason">
                  {s.mine.reason} {m.idea.answer.text}
                </p>
              ) : null}
              {m.idea.viewer.canEdit ? (
                <Link to={`/ideas/${m.idea.id}/edit`} aria-label={`${s.mine.edit} : ${m.idea.title}`}>
                  {s.mine.edit}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

function IdeaLine({ m, s }: { m: MyIdeaDto; s: IdeasText }) {
  return (
    <span>
      <Link to={`/ideas/${m.idea.id}`}>{m.idea.title}</Link> · {s.kind[m.idea.kind]} ·{' '}
      <span className={`ec-idea-status ec-idea-status--${m.idea.status}`}>{s.status[m.idea.status]}</span>
      {m.role === 'capturer' ? ` · ${s.mine.captured}` : ''}
    </span>
  );
}
