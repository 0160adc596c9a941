import type { Locale, NotificationCategory, NotificationFrequency } from '@eclore/domain';

/** The organisation's language, for people who chose none. */
export const ORGANISATION_LOCALE: Locale = 'fr';

/** Who acted, as one recipient may know it: a name, or a neutral word when hidden or the system. */
export type ActorLabel = { kind: 'person'; name: string } | { kind: 'author' } | { kind: 'someone' };

export interface EventText {
  type: string;
  actor: ActorLabel;
  ideaTitle: string;
  /** A short reason or answer carried by the event (return reason, hide reason...). */
  detail: string | null;
  /** What some sentences need from the event: a due date, a session date, how many supports. */
  extra?: PhraseExtra;
}

export interface PhraseExtra {
  /** ISO date-time the work is due (reminders, escalations). */
  dueAt?: string | null;
  /** ISO date of a committee session. */
  sessionDate?: string | null;
  /** Several like events told as one line (supports). */
  count?: number;
  /** The unit that adopted an idea (replication). */
  unitName?: string | null;
}

const ACTOR = {
  fr: { author: 'Un·e auteur·e de l’idée', someone: 'Quelqu’un' },
  en: { author: 'An author of the idea', someone: 'Someone' },
} as const;

function actorName(locale: Locale, actor: ActorLabel): string {
  return actor.kind === 'person' ? actor.name : ACTOR[locale][actor.kind];
}

type Phrase = (a: string, t: string, x: PhraseExtra) => string;

/** A date in the recipient's language, in the organisation's time zone. */
function day(locale: Locale, iso: string | null | undefined): string {
  const d = iso ? new Date(iso) : null;
  if (!d || Number.isNaN(d.getTime())) return locale === 'fr' ? 'bientôt' : 'soon';
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Europe/Paris',
  }).format(d);
}

const PHRASES: Record<Locale, Record<string, Phrase>> = {
  fr: {
    commented: (a, t) => `${a} a commenté « ${t} »`,
    mentioned: (a, t) => `${a} vous a mentionné·e dans un commentaire sur « ${t} »`,
    co_author_invited: (a, t) => `${a} vous invite à co-écrire « ${t} »`,
    submit: (a, t) => `${a} a déposé « ${t} »`,
    return_to_authors: (_a, t) => `« ${t} » vous est renvoyée pour être complétée`,
    request_rework: (_a, t) => `« ${t} » est à retravailler`,
    accept: (_a, t) => `« ${t} » est publiée`,
    start_qualification: (_a, t) => `« ${t} » est en cours de qualification`,
    qualify: (_a, t) => `« ${t} » a reçu une réponse`,
    decline: (_a, t) => `« ${t} » n’a pas été retenue`,
    withdraw: (_a, t) => `« ${t} » a été retirée`,
    decide_prototype: (_a, t) => `« ${t} » va être prototypée`,
    decide_implement: (_a, t) => `« ${t} » va être mise en œuvre`,
    park: (_a, t) => `« ${t} » est mise en attente`,
    resume: (_a, t) => `« ${t} » est reprise`,
    stop: (_a, t) => `L’expérimentation de « ${t} » est arrêtée`,
    complete_implementation: (_a, t) => `« ${t} » est mise en œuvre`,
    close: (_a, t) => `« ${t} » est close`,
    merge: (_a, t) => `« ${t} » a été fusionnée avec une idée semblable`,
    merged: (_a, t) => `« ${t} » a été fusionnée avec une idée semblable`,
    hidden: (_a, t) => `« ${t} » a été masquée par la modération`,
    comment_hidden: (_a, t) => `Votre commentaire sur « ${t} » a été masqué par la modération`,
    attachment_added: (a, t) => `${a} a ajouté une pièce jointe à « ${t} »`,
    edited: (a, t) => `${a} a modifié « ${t} »`,
    campaign_announced: (_a, t) => `Nouvel appel à idées : « ${t} »`,
    role_grant_requested: (a, t) =>
      `${a} demande le rôle de tiers de confiance pour ${t} : un autre administrateur doit l’approuver`,
    role_granted: (a, t) => `${t} est désormais tiers de confiance (approuvé par ${a})`,
    supported: (_a, t, x) =>
      (x.count ?? 1) > 1 ? `${x.count} nouveaux soutiens pour « ${t} »` : `« ${t} » a reçu un nouveau soutien`,
    assigned: (_a, t) => `« ${t} » vous est confiée pour qualification`,
    unassigned: (_a, t) => `« ${t} » ne vous est plus confiée`,
    qualification_reminder: (_a, t, x) => `Rappel : « ${t} » attend votre réponse avant le ${day('fr', x.dueAt)}`,
    qualification_escalated: (_a, t, x) =>
      `« ${t} » a dépassé son délai de réponse (${day('fr', x.dueAt)}) : à réattribuer ou relancer`,
    private_note_mention: (a, t) => `${a} vous a mentionné·e dans une note privée sur « ${t} »`,
    committee_agenda_added: (_a, t, x) =>
      `« ${t} » est à l’ordre du jour de la séance du comité du ${day('fr', x.sessionDate)} : à préparer`,
    field_review_asked: (_a, t) =>
      `Retour en réalité : « ${t} » est en service, racontez ce qui s’est vraiment passé, l’inattendu, qui l’utilise`,
    field_review_reminder: (_a, t, x) =>
      `Rappel : le retour en réalité de « ${t} » (attendu le ${day('fr', x.dueAt)}) attend votre réponse`,
    field_review_late: (_a, t, x) =>
      `Le retour en réalité de « ${t} » (attendu le ${day('fr', x.dueAt)}) est en retard : à relancer`,
    field_review_answered: (a, t) => `${a} a raconté le retour en réalité de « ${t} »`,
    'impact.measurement_recorded': (a, t) => `${a} a saisi une mesure d’impact sur « ${t} » : à valider`,
    'impact.measurement_validated': (_a, t) => `Une mesure d’impact de « ${t} » a été validée par le réseau`,
    project_owner_named: (_a, t) => `Vous êtes responsable de la mise en œuvre de « ${t} »`,
    replication_adopted: (_a, t, x) => `Votre idée « ${t} » est adoptée par ${x.unitName ?? 'une autre unité'}`,
    team_invited: (_a, t) => `Vous êtes invité·e à rejoindre l’équipe de « ${t} »`,
    team_invitation_answered: (a, t) => `${a} a répondu à l’invitation dans l’équipe de « ${t} »`,
    team_lead_changed: (_a, t) => `L’équipe de « ${t} » a un nouveau ou une nouvelle responsable`,
    experiment_end_reminder: (_a, t, x) =>
      `L’expérimentation de « ${t} » se termine le ${day('fr', x.dueAt)} : à conclure`,
    experiment_overdue: (_a, t, x) =>
      `L’expérimentation de « ${t} » devait se terminer le ${day('fr', x.dueAt)} et n’a pas de résultat`,
    recognition_recorded: (a, t) => `${a} vous adresse une reconnaissance pour votre contribution à « ${t} »`,
    // Never who: "the authors", whichever of them (an anonymous one too) marked it.
    comment_adopted: (_a, t) => `Les auteur·e·s de « ${t} » ont retenu votre commentaire`,
  },
  en: {
    commented: (a, t) => `${a} commented on “${t}”`,
    mentioned: (a, t) => `${a} mentioned you in a comment on “${t}”`,
    co_author_invited: (a, t) => `${a} invites you to co-write “${t}”`,
    submit: (a, t) => `${a} submitted “${t}”`,
    return_to_authors: (_a, t) => `“${t}” was returned to you to be completed`,
    request_rework: (_a, t) => `“${t}” needs rework`,
    accept: (_a, t) => `“${t}” is published`,
    start_qualification: (_a, t) => `“${t}” is being qualified`,
    qualify: (_a, t) => `“${t}” has an answer`,
    decline: (_a, t) => `“${t}” was not selected`,
    withdraw: (_a, t) => `“${t}” was withdrawn`,
    decide_prototype: (_a, t) => `“${t}” will be prototyped`,
    decide_implement: (_a, t) => `“${t}” will be implemented`,
    park: (_a, t) => `“${t}” is on hold`,
    resume: (_a, t) => `“${t}” is resumed`,
    stop: (_a, t) => `The experiment of “${t}” stopped`,
    complete_implementation: (_a, t) => `“${t}” is implemented`,
    close: (_a, t) => `“${t}” is closed`,
    merge: (_a, t) => `“${t}” was merged with a similar idea`,
    merged: (_a, t) => `“${t}” was merged with a similar idea`,
    hidden: (_a, t) => `“${t}” was hidden by moderation`,
    comment_hidden: (_a, t) => `Your comment on “${t}” was hidden by moderation`,
    attachment_added: (a, t) => `${a} added an attachment to “${t}”`,
    edited: (a, t) => `${a} edited “${t}”`,
    campaign_announced: (_a, t) => `New call for ideas: “${t}”`,
    role_grant_requested: (a, t) => `${a} asks for the anonymity guardian role for ${t}: another admin must approve it`,
    role_granted: (a, t) => `${t} is now anonymity guardian (approved by ${a})`,
    supported: (_a, t, x) => ((x.count ?? 1) > 1 ? `${x.count} new supports for “${t}”` : `“${t}” has a new support`),
    assigned: (_a, t) => `“${t}” is assigned to you for qualification`,
    unassigned: (_a, t) => `“${t}” is no longer assigned to you`,
    qualification_reminder: (_a, t, x) => `Reminder: “${t}” awaits your answer by ${day('en', x.dueAt)}`,
    qualification_escalated: (_a, t, x) =>
      `“${t}” is past its answer deadline (${day('en', x.dueAt)}): reassign or follow up`,
    private_note_mention: (a, t) => `${a} mentioned you in a private note on “${t}”`,
    committee_agenda_added: (_a, t, x) =>
      `“${t}” is on the agenda of the committee session of ${day('en', x.sessionDate)}: to prepare`,
    field_review_asked: (_a, t) =>
      `Return to the field: “${t}” is live, tell what really happened, what was unexpected, who uses it`,
    field_review_reminder: (_a, t, x) =>
      `Reminder: the return to the field of “${t}” (due ${day('en', x.dueAt)}) awaits your answer`,
    field_review_late: (_a, t, x) =>
      `The return to the field of “${t}” (due ${day('en', x.dueAt)}) is late: follow it up`,
    field_review_answered: (a, t) => `${a} told the return to the field of “${t}”`,
    'impact.measurement_recorded': (a, t) => `${a} recorded an impact measurement on “${t}”: to validate`,
    'impact.measurement_validated': (_a, t) => `An impact measurement of “${t}” was validated by the network`,
    project_owner_named: (_a, t) => `You own the implementation of “${t}”`,
    replication_adopted: (_a, t, x) => `Your idea “${t}” is adopted in ${x.unitName ?? 'another unit'}`,
    team_invited: (_a, t) => `You are invited to join the team of “${t}”`,
    team_invitation_answered: (a, t) => `${a} answered the invitation to the team of “${t}”`,
    team_lead_changed: (_a, t) => `The team of “${t}” has a new lead`,
    experiment_end_reminder: (_a, t, x) => `The experiment of “${t}” ends on ${day('en', x.dueAt)}: to conclude`,
    experiment_overdue: (_a, t, x) =>
      `The experiment of “${t}” was due to end on ${day('en', x.dueAt)} and has no outcome`,
    recognition_recorded: (a, t) => `${a} recognises your contribution to “${t}”`,
    comment_adopted: (_a, t) => `The authors of “${t}” adopted your comment`,
  },
};

const FALLBACK: Record<Locale, Phrase> = {
  fr: (_a, t) => `Du nouveau sur « ${t} »`,
  en: (_a, t) => `News about “${t}”`,
};

export function describeEvent(locale: Locale, e: EventText): string {
  const phrase = PHRASES[locale][e.type] ?? FALLBACK[locale];
  return phrase(actorName(locale, e.actor), e.ideaTitle, e.extra ?? {});
}

export const CATEGORY_NAMES: Record<Locale, Record<NotificationCategory, string>> = {
  fr: {
    needs_action: 'ce qui attend votre action',
    my_ideas: 'vos idées',
    mentions: 'les mentions',
    followed_ideas: 'les idées que vous suivez',
    moderation: 'la modération',
    campaigns: 'les appels à idées',
  },
  en: {
    needs_action: 'what needs your action',
    my_ideas: 'your ideas',
    mentions: 'mentions',
    followed_ideas: 'ideas you follow',
    moderation: 'moderation',
    campaigns: 'calls for ideas',
  },
};

export const MAIL_TEXT = {
  fr: {
    open: 'Voir l’idée',
    openCampaign: 'Proposer une idée',
    openAdmin: 'Ouvrir l’administration des personnes',
    question: 'La question posée :',
    needsAction: 'À faire',
    reason: 'Motif',
    digestSubject: (f: 'daily' | 'weekly', n: number) =>
      `[Éclore] ${f === 'daily' ? 'Votre résumé du jour' : 'Votre résumé de la semaine'} : ${n} nouveauté${n > 1 ? 's' : ''}`,
    digestIntro: (f: 'daily' | 'weekly') =>
      f === 'daily'
        ? 'Voici ce qui s’est passé depuis votre dernier résumé quotidien.'
        : 'Voici ce qui s’est passé depuis votre dernier résumé hebdomadaire.',
    unsubscribe: (c: string) => `Ne plus recevoir d’e-mails pour ${c}`,
    footer:
      'Vous recevez cet e-mail d’Éclore, la boîte à idées de votre organisation. Réglez vos notifications dans votre profil.',
  },
  en: {
    open: 'Open the idea',
    openCampaign: 'Bring your ideas',
    openAdmin: 'Open the people administration',
    question: 'The question:',
    needsAction: 'To do',
    reason: 'Reason',
    digestSubject: (f: 'daily' | 'weekly', n: number) =>
      `[Éclore] ${f === 'daily' ? 'Your daily digest' : 'Your weekly digest'}: ${n} new item${n > 1 ? 's' : ''}`,
    digestIntro: (f: 'daily' | 'weekly') =>
      f === 'daily'
        ? 'Here is what happened since your last daily digest.'
        : 'Here is what happened since your last weekly digest.',
    unsubscribe: (c: string) => `Stop e-mails about ${c}`,
    footer:
      'You receive this e-mail from Éclore, your organisation’s idea box. Set your notifications on your profile.',
  },
} as const;

export const UNSUBSCRIBE_PAGE = {
  fr: {
    confirmTitle: 'Se désinscrire ?',
    confirm: (c: string) => `Ne plus recevoir d’e-mails pour ${c} ? Les notifications resteront visibles dans Éclore.`,
    confirmButton: 'Me désinscrire',
    title: 'Désinscription enregistrée',
    done: (c: string) => `Vous ne recevrez plus d’e-mails pour ${c}. Les notifications restent visibles dans Éclore.`,
    back: 'Régler mes notifications',
    and: ' et ',
  },
  en: {
    confirmTitle: 'Unsubscribe?',
    confirm: (c: string) => `Stop receiving e-mails about ${c}? Notifications will stay visible in Éclore.`,
    confirmButton: 'Unsubscribe',
    title: 'Unsubscribed',
    done: (c: string) => `You will no longer receive e-mails about ${c}. Notifications stay visible in Éclore.`,
    back: 'Set my notifications',
    and: ' and ',
  },
} as const;

export type FrequencyName = Record<NotificationFrequency, string>;
