import { RECOGNITION_LABELS } from '@eclore/domain';
import { defineText } from '../../i18n/text';

/** Strings of the guardian's claims page, French (reference) and English. */
export const fr = {
  title: 'Demandes de levée d’anonymat des contributions',
  lead: 'Une personne demande à être nommée sur toutes ses contributions anonymes à une idée. Vous ne voyez pas qui : Éclore vérifie que ces contributions sont bien les siennes. Accordez si la nommer ne désigne personne d’autre (une co-autrice anonyme, par exemple) ; sinon refusez en disant pourquoi. Chaque décision est inscrite au journal d’audit.',
  loading: 'Chargement des demandes…',
  error: 'Les demandes n’ont pas pu être chargées.',
  empty: 'Aucune demande en attente.',
  table: 'Demandes en attente, les plus anciennes d’abord',
  idea: 'Idée',
  entries: 'Contributions à nommer',
  requested: 'Demandée le',
  actions: 'Décision',
  stillAnonymous: 'idée anonyme',
  grant: 'Accorder',
  refuse: 'Refuser',
  grantTitle: 'Accorder la demande ?',
  grantBody: (title: string) =>
    `Les contributions anonymes de cette personne à « ${title} » seront à son nom, parts de reconnaissance comprises. Ce n’est pas réversible.`,
  refuseTitle: 'Refuser la demande',
  reason: 'Motif (transmis à la personne)',
  cancel: 'Annuler',
  decided: 'Décision enregistrée.',
  kinds: RECOGNITION_LABELS.fr.kinds,
  problems: {
    claim_decided: 'Cette demande a déjà été décidée.',
    contribution_claim_not_found: 'Cette demande n’existe plus.',
  },
};

export const en: typeof fr = {
  title: 'Requests to be named on anonymous contributions',
  lead: 'A person asks to be named on all their anonymous contributions to an idea. You do not see who: Éclore checks the contributions are theirs. Grant when naming them singles out nobody else (an anonymous co-author, for instance); otherwise refuse and say why. Every decision is kept in the audit log.',
  loading: 'Loading the requests…',
  error: 'The requests could not be loaded.',
  empty: 'No request waiting.',
  table: 'Requests waiting, oldest first',
  idea: 'Idea',
  entries: 'Contributions to name',
  requested: 'Requested on',
  actions: 'Decision',
  stillAnonymous: 'anonymous idea',
  grant: 'Grant',
  refuse: 'Refuse',
  grantTitle: 'Grant the request?',
  grantBody: (title: string) =>
    `This person’s anonymous contributions to “${title}” will bear their name, credit shares included. This cannot be undone.`,
  refuseTitle: 'Refuse the request',
  reason: 'Reason (told to the person)',
  cancel: 'Cancel',
  decided: 'Decision recorded.',
  kinds: RECOGNITION_LABELS.en.kinds,
  problems: {
    claim_decided: 'This request was already decided.',
    contribution_claim_not_found: 'This request no longer exists.',
  },
};

export const useClaimsText = defineText({ fr, en });
