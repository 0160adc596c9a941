import { defineText } from '../../i18n/text';

export { useLocale } from '../../i18n/text';

/**
 * Strings of the engagement and moderation screens, French (reference) and English, kept beside the
 * feature (as the ideas feature does) so parallel work does not collide in the shared i18n files.
 */
export const fr = {
  panel: 'Soutiens, suivi et commentaires',
  support: {
    problem: 'Moi aussi',
    solution: 'Je soutiens',
    count: (n: number) => (n <= 1 ? `${n} soutien` : `${n} soutiens`),
    closed: {
      supports_closed: 'Les soutiens sont fermés dans la phase actuelle de la campagne.',
      comments_closed: 'Les commentaires sont fermés dans la phase actuelle de la campagne.',
      idea_ended: 'Cette idée est terminée.',
      own_idea: 'Vous êtes auteur de cette idée.',
      not_public: 'Cette idée n’est pas publiée.',
      other: 'Action indisponible.',
    },
  },
  follow: { follow: 'Suivre', following: 'Suivie', count: (n: number) => (n <= 1 ? `${n} abonné` : `${n} abonnés`) },
  comments: {
    title: 'Commentaires',
    empty: 'Aucun commentaire pour l’instant.',
    label: 'Votre commentaire',
    replyLabel: 'Votre réponse',
    hint: 'Mentionnez une personne avec le bouton « Mentionner » : elle sera prévenue.',
    send: 'Publier',
    sending: 'Publication…',
    reply: 'Répondre',
    cancel: 'Annuler',
    theAuthor: 'L’auteur de l’idée',
    authorBadge: 'auteur',
    hidden: 'Commentaire masqué par la modération.',
    hiddenReason: (r: string) => `Motif : ${r}`,
    mergedFrom: (title: string) => `Venu de l’idée fusionnée « ${title} »`,
    closed: 'Les commentaires sont fermés.',
    count: (n: number) => (n <= 1 ? `${n} commentaire` : `${n} commentaires`),
  },
  mention: {
    open: 'Mentionner',
    search: 'Rechercher une personne',
    none: 'Personne trouvée.',
    pick: (name: string) => `Mentionner ${name}`,
  },
  report: {
    idea: 'Signaler l’idée',
    comment: 'Signaler',
    title: 'Signaler un contenu',
    reason: 'Pourquoi ce contenu pose-t-il problème ?',
    send: 'Envoyer le signalement',
    done: 'Merci, le réseau des innovateurs va examiner votre signalement.',
    already: 'Vous avez déjà signalé ce contenu.',
  },
  merge: {
    open: 'Fusionner avec une autre idée',
    title: 'Fusionner ce doublon',
    lead: 'Les soutiens, abonnés et commentaires passent à l’idée choisie ; les auteurs y sont crédités (l’anonymat est conservé).',
    search: 'Rechercher l’idée qui absorbe ce doublon',
    results: 'Idées trouvées',
    none: 'Aucune idée trouvée.',
    reason: 'Motif (communiqué aux personnes concernées)',
    confirm: 'Fusionner',
    done: 'Idée fusionnée.',
    mergedInto: 'Cette idée a été fusionnée avec une autre idée.',
    seeTarget: 'Voir l’idée',
  },
  moderation: {
    title: 'Modération',
    lead: 'Les signalements ouverts sur les contenus de votre périmètre, les plus anciens d’abord.',
    empty: 'Aucun signalement ouvert.',
    idea: 'Idée',
    comment: 'Commentaire',
    on: 'Sur l’idée',
    reason: 'Motif du signalement',
    reports: (n: number) => (n <= 1 ? `${n} signalement` : `${n} signalements`),
    hide: 'Masquer',
    hideTitle: 'Masquer ce contenu',
    hideReason: 'Motif (communiqué à l’auteur)',
    dismiss: 'Classer sans suite',
    hidden: 'Contenu masqué.',
    dismissed: 'Signalement classé.',
  },
  errors: {
    generic: 'Une erreur est survenue. Réessayez.',
    required: 'Ce champ est obligatoire.',
    resolved: 'Ce signalement a déjà été traité.',
  },
  cancel: 'Annuler',
  close: 'Fermer',
};

export const en: typeof fr = {
  panel: 'Supports, follows and comments',
  support: {
    problem: 'Me too',
    solution: 'I support',
    count: (n: number) => (n === 1 ? '1 support' : `${n} supports`),
    closed: {
      supports_closed: 'Supports are closed in the current phase of the campaign.',
      comments_closed: 'Comments are closed in the current phase of the campaign.',
      idea_ended: 'This idea has ended.',
      own_idea: 'You are an author of this idea.',
      not_public: 'This idea is not published.',
      other: 'Not available.',
    },
  },
  follow: {
    follow: 'Follow',
    following: 'Following',
    count: (n: number) => (n === 1 ? '1 follower' : `${n} followers`),
  },
  comments: {
    title: 'Comments',
    empty: 'No comments yet.',
    label: 'Your comment',
    replyLabel: 'Your reply',
    hint: 'Mention someone with the “Mention” button: they will be told.',
    send: 'Post',
    sending: 'Posting…',
    reply: 'Reply',
    cancel: 'Cancel',
    theAuthor: 'The idea’s author',
    authorBadge: 'author',
    hidden: 'Comment hidden by moderation.',
    hiddenReason: (r: string) => `Reason: ${r}`,
    mergedFrom: (title: string) => `From the merged idea “${title}”`,
    closed: 'Comments are closed.',
    count: (n: number) => (n === 1 ? '1 comment' : `${n} comments`),
  },
  mention: {
    open: 'Mention',
    search: 'Find a person',
    none: 'Nobody found.',
    pick: (name: string) => `Mention ${name}`,
  },
  report: {
    idea: 'Report this idea',
    comment: 'Report',
    title: 'Report content',
    reason: 'What is wrong with it?',
    send: 'Send the report',
    done: 'Thank you, the innovation network will look at your report.',
    already: 'You have already reported this.',
  },
  merge: {
    open: 'Merge into another idea',
    title: 'Merge this duplicate',
    lead: 'Supports, followers and comments move to the chosen idea; the authors are credited there (anonymity is kept).',
    search: 'Find the idea that absorbs this duplicate',
    results: 'Ideas found',
    none: 'No idea found.',
    reason: 'Reason (told to the people involved)',
    confirm: 'Merge',
    done: 'Idea merged.',
    mergedInto: 'This idea was merged into another idea.',
    seeTarget: 'See the idea',
  },
  moderation: {
    title: 'Moderation',
    lead: 'Open reports on content within your scope, oldest first.',
    empty: 'No open reports.',
    idea: 'Idea',
    comment: 'Comment',
    on: 'On the idea',
    reason: 'Reported because',
    reports: (n: number) => (n === 1 ? '1 report' : `${n} reports`),
    hide: 'Hide',
    hideTitle: 'Hide this content',
    hideReason: 'Reason (told to the author)',
    dismiss: 'Dismiss',
    hidden: 'Content hidden.',
    dismissed: 'Report dismissed.',
  },
  errors: {
    generic: 'Something went wrong. Try again.',
    required: 'This field is required.',
    resolved: 'This report has already been dealt with.',
  },
  cancel: 'Cancel',
  close: 'Close',
};

export type EngagementText = typeof fr;

export const useEngagementText = defineText({ fr, en });

export function closedText(s: EngagementText, reason: string | null | undefined): string {
  const texts = s.support.closed;
  return reason && reason in texts ? texts[reason as keyof typeof texts] : texts.other;
}
