import { errorCode, messageFor, type ErrorMessages } from '../../../app/errors';
import { defineText } from '../../../i18n/text';

/** The idea team's strings, French (reference) and English. */
export const fr = {
  title: 'L’équipe',
  none: 'L’équipe n’a pas encore de membre.',
  lead: 'responsable',
  member: 'membre',
  anAuthor: 'Un·e auteur·e',
  me: '(vous)',
  pending: 'Invitations en attente',
  search: 'Inviter une personne (nom)',
  invite: 'Inviter',
  withdraw: 'Retirer l’invitation',
  makeLead: 'Nommer responsable',
  leave: 'Quitter l’équipe',
  myInvitation: (title: string) => `Vous êtes invité·e à rejoindre l’équipe de « ${title} ».`,
  asAuthor: 'En tant qu’auteur·e, vous resterez anonyme pour les autres : ils verront « un·e auteur·e ».',
  alreadyIn:
    'Vous faites déjà partie de l’équipe, en tant qu’auteur·e anonyme : déclinez cette invitation, comme n’importe qui pourrait le faire.',
  accept: 'Rejoindre l’équipe',
  decline: 'Décliner',
  joinAsAuthor: 'Reprendre ma place dans l’équipe',
  joinAsAuthorHint: 'Vous êtes auteur·e de cette idée : votre place dans l’équipe vous attend.',
  joinAsAuthorAnonymous: 'Vous y resterez anonyme pour les autres : ils verront « un·e auteur·e ».',
  myInvitations: 'Invitations dans une équipe',
  open: 'Voir l’idée',
  error: 'L’action a échoué. Réessayez.',
  /** Refusals worded by the server's code (the rest fall back to `error`). */
  problems: {
    already_member: 'Vous faites déjà partie de cette équipe : déclinez cette invitation.',
    join_as_author:
      'Vous êtes auteur·e anonyme de cette idée : rejoignez l’équipe en tant qu’auteur·e, par votre propre invitation ou en reprenant votre place (vous y restez « un·e auteur·e »), ou déclinez celle-ci.',
    invitation_not_pending: 'Cette invitation a déjà reçu une réponse ou a été retirée.',
    no_idea_team:
      'Cette idée n’a pas encore d’équipe : elle en reçoit une avec la décision de prototyper ou de mettre en œuvre.',
  } satisfies ErrorMessages,
};

export const en: typeof fr = {
  title: 'The team',
  none: 'The team has no member yet.',
  lead: 'lead',
  member: 'member',
  anAuthor: 'An author',
  me: '(you)',
  pending: 'Pending invitations',
  search: 'Invite someone (name)',
  invite: 'Invite',
  withdraw: 'Withdraw the invitation',
  makeLead: 'Make lead',
  leave: 'Leave the team',
  myInvitation: (title: string) => `You are invited to join the team of “${title}”.`,
  asAuthor: 'As an author you stay anonymous to the others: they will see “an author”.',
  alreadyIn: 'You are already in this team, as an anonymous author: decline this invitation, as anyone might.',
  accept: 'Join the team',
  decline: 'Decline',
  joinAsAuthor: 'Take my place in the team',
  joinAsAuthorHint: 'You are an author of this idea: your place in the team is waiting for you.',
  joinAsAuthorAnonymous: 'You stay anonymous to the others there: they will see “an author”.',
  myInvitations: 'Team invitations',
  open: 'Open the idea',
  error: 'The action failed. Try again.',
  problems: {
    already_member: 'You are already in this team: decline this invitation.',
    join_as_author:
      'You are an anonymous author of this idea: join the team as an author, through your own invitation or by taking your place back (you stay “an author” there), or decline this one.',
    invitation_not_pending: 'This invitation was already answered or withdrawn.',
    no_idea_team: 'This idea has no team yet: it gets one with a prototype or implement decision.',
  },
};

export const useTeamText = defineText({ fr, en });

/** A failed team action in words: by the server's code, else the generic message. */
export function teamProblem(s: typeof fr, error: unknown): string {
  return messageFor(s.problems, errorCode(error)) ?? s.error;
}
