import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  acceptTeamInvitationMutation,
  declineTeamInvitationMutation,
  listMyTeamInvitationsOptions,
  type TeamDto,
  type TeamInvitationDto,
} from '@eclore/api-client';
import { Alert, Button, Panel } from '@eclore/web-ui';
import { teamProblem, useTeamText } from './i18n';
import { useTeamChanged } from './queries';

/** My pending invitations to idea teams, beside the co-author invitations ("My ideas"). */
export function TeamInvitationsPanel() {
  const s = useTeamText();
  const mine = useQuery(listMyTeamInvitationsOptions());
  const accept = useMutation(acceptTeamInvitationMutation());
  const decline = useMutation(declineTeamInvitationMutation());
  const items = mine.data?.items ?? [];
  const failed = [accept, decline].find((m) => m.isError);
  if (items.length === 0) return null;
  return (
    <Panel title={s.myInvitations}>
      {failed ? <Alert tone="error">{teamProblem(s, failed.error)}</Alert> : null}
      <ul className="ec-idea-list">
        {items.map((inv) => (
          <InvitationLine
            key={inv.id}
            invitation={inv}
            onAccept={() => accept.mutateAsync({ path: { id: inv.id } })}
            onDecline={() => decline.mutateAsync({ path: { id: inv.id } })}
            busy={accept.isPending || decline.isPending}
          />
        ))}
      </ul>
    </Panel>
  );
}

function InvitationLine(props: {
  invitation: TeamInvitationDto;
  busy: boolean;
  onAccept: () => Promise<TeamDto>;
  onDecline: () => Promise<TeamDto>;
}) {
  const s = useTeamText();
  const { ideaId, ideaTitle, asAuthor } = props.invitation;
  const changed = useTeamChanged(ideaId);
  return (
    <li>
      <Link to={`/ideas/${ideaId}#team`}>{ideaTitle}</Link>
      {asAuthor ? <p>{s.asAuthor}</p> : null}
      <span className="ec-form-actions">
        <Button
          disabled={props.busy}
          onClick={() => void props.onAccept().then(changed, () => undefined)}
          aria-label={`${s.accept} : ${ideaTitle}`}
        >
          {s.accept}
        </Button>
        <Button
          variant="secondary"
          disabled={props.busy}
          onClick={() => void props.onDecline().then(changed, () => undefined)}
          aria-label={`${s.decline} : ${ideaTitle}`}
        >
          {s.decline}
        </Button>
      </span>
    </li>
  );
}
