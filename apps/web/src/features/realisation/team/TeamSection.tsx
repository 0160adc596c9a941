import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  acceptTeamInvitationMutation,
  changeIdeaTeamLeadMutation,
  declineTeamInvitationMutation,
  getIdeaTeamOptions,
  inviteToIdeaTeamMutation,
  joinIdeaTeamAsAuthorMutation,
  leaveIdeaTeamMutation,
  searchPeopleOptions,
  withdrawTeamInvitationMutation,
  type IdeaDto,
  type TeamPersonDto,
} from '@eclore/api-client';
import { Alert, Button, Panel, TextField } from '@eclore/web-ui';
import { teamProblem, useTeamText } from './i18n';
import { useTeamChanged } from './queries';

type Text = ReturnType<typeof useTeamText>;

/** A person as the server shows them to this viewer: a name, or "an author". */
export function personName(s: Text, who: TeamPersonDto): string {
  if (who.kind === 'anonymous_author' || !who.person) return s.anAuthor;
  return `${who.person.givenName} ${who.person.familyName}${who.isMe ? ` ${s.me}` : ''}`;
}

/** The idea team: members ("an author" for an anonymous one), invitations, my pending invitation. */
export default function TeamSection({ idea }: { idea: IdeaDto }) {
  const s = useTeamText();
  const team = useQuery(getIdeaTeamOptions({ path: { id: idea.id } }));
  const changed = useTeamChanged(idea.id);
  const [q, setQ] = useState('');
  const people = useQuery({
    ...searchPeopleOptions({ query: { q: q.trim(), limit: 8 } }),
    enabled: q.trim().length >= 2 && team.data?.viewer.canInvite === true,
  });
  const options = { onSuccess: changed };
  const invite = useMutation({ ...inviteToIdeaTeamMutation(), ...options, onSettled: () => setQ('') });
  const withdraw = useMutation({ ...withdrawTeamInvitationMutation(), ...options });
  const makeLead = useMutation({ ...changeIdeaTeamLeadMutation(), ...options });
  const leave = useMutation({ ...leaveIdeaTeamMutation(), ...options });
  const accept = useMutation({ ...acceptTeamInvitationMutation(), ...options });
  const decline = useMutation({ ...declineTeamInvitationMutation(), ...options });
  const join = useMutation({ ...joinIdeaTeamAsAuthorMutation(), ...options });
  const failed = [invite, withdraw, makeLead, leave, accept, decline, join].find((m) => m.isError);
  if (!team.data) return null;
  const { members, pendingInvitations, viewer } = team.data;
  const taken = new Set(members.map((m) => m.who.person?.id).filter(Boolean));
  return (
    <Panel id="team" title={s.title}>
      {failed ? <Alert tone="error">{teamProblem(s, failed.error)}</Alert> : null}
      {viewer.myInvitation ? (
        <div className="ec-team__invitation">
          <p>{s.myInvitation(idea.title)}</p>
          {/* Only an anonymous author already in the team is invited while a member (invited by
                name like anyone, so as not to single them out): they can only decline. */}
          {viewer.isMember ? <p>{s.alreadyIn}</p> : viewer.myInvitation.asAuthor ? <p>{s.asAuthor}</p> : null}
          {viewer.isMember ? null : (
            <Button onClick={() => accept.mutate({ path: { id: viewer.myInvitation!.id } })}>{s.accept}</Button>
          )}{' '}
          <Button variant="secondary" onClick={() => decline.mutate({ path: { id: viewer.myInvitation!.id } })}>
            {s.decline}
          </Button>
        </div>
      ) : null}
      {viewer.canJoinAsAuthor ? (
        <div className="ec-team__invitation">
          <p>{s.joinAsAuthorHint}</p>
          {viewer.isAnonymousAuthor ? <p>{s.joinAsAuthorAnonymous}</p> : null}
          <Button disabled={join.isPending} onClick={() => join.mutate({ path: { id: idea.id } })}>
            {s.joinAsAuthor}
          </Button>
        </div>
      ) : null}
      {members.length === 0 ? (
        <p>{s.none}</p>
      ) : (
        <ul className="ec-team__members">
          {members.map((m, i) => (
            <li key={m.who.person?.id ?? `author-${i}`}>
              {personName(s, m.who)} — {m.role === 'lead' ? s.lead : s.member}
              {viewer.canChangeLead && m.role !== 'lead' && m.who.person ? (
                <>
                  {' '}
                  <Button
                    variant="secondary"
                    onClick={() => makeLead.mutate({ path: { id: idea.id }, body: { personId: m.who.person!.id } })}
                  >
                    {s.makeLead}
                  </Button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {pendingInvitations.length > 0 ? (
        <>
          <h3>{s.pending}</h3>
          <ul>
            {pendingInvitations.map((inv) => (
              <li key={inv.id}>
                {personName(s, inv.invitee)}
                {viewer.canInvite ? (
                  <>
                    {' '}
                    <Button
                      variant="secondary"
                      aria-label={`${s.withdraw} — ${personName(s, inv.invitee)}`}
                      onClick={() => withdraw.mutate({ path: { id: idea.id, invitationId: inv.id } })}
                    >
                      {s.withdraw}
                    </Button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {viewer.canInvite ? (
        <>
          <TextField label={s.search} value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
          <ul aria-live="polite">
            {(people.data ?? [])
              .filter((p) => !taken.has(p.id))
              .map((p) => (
                <li key={p.id}>
                  {p.givenName} {p.familyName}{' '}
                  <Button
                    variant="secondary"
                    disabled={invite.isPending}
                    aria-label={`${s.invite} ${p.givenName} ${p.familyName}`}
                    onClick={() => invite.mutate({ path: { id: idea.id }, body: { personId: p.id } })}
                  >
                    {s.invite}
                  </Button>
                </li>
              ))}
          </ul>
        </>
      ) : null}
      {viewer.isMember ? (
        <Button variant="secondary" onClick={() => leave.mutate({ path: { id: idea.id } })}>
          {s.leave}
        </Button>
      ) : null}
    </Panel>
  );
}
