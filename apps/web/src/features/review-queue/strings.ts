import { useTranslation } from 'react-i18next';

/** Review queue, reviewers and absences strings, French (reference) and English (same shape), beside the feature. */
export const fr = {
  nav: 'Ma file de revue',
  title: 'Ma file de revue',
  lead: 'Les idées en qualification qui vous sont confiées. Une idée en retard a dépassé le délai de qualification fixé par l’organisation.',
  tabsLabel: 'Ma file de revue',
  tabs: { toReview: 'À évaluer', overdue: 'En retard', done: 'Terminées' },
  empty: {
    toReview: 'Rien à évaluer pour l’instant.',
    overdue: 'Aucune idée en retard.',
    done: 'Aucune revue terminée.',
  },
  idea: 'Idée',
  unit: 'Unité',
  assignedAt: 'Confiée le',
  dueAt: 'À qualifier d’ici',
  endedAt: 'Terminée le',
  endReason: 'Fin',
  endReasons: {
    reassigned: 'Réattribuée',
    removed: 'Retirée',
    idea_left_qualification: 'L’idée a quitté la qualification',
  } as Record<string, string>,
  byRouting: 'attribution automatique',
  scored: 'Grille d’évaluation envoyée',
  network: {
    title: 'Vue du réseau',
    lead: 'Les revues en cours dans votre périmètre. Choisissez un membre, cochez des revues et confiez-les à quelqu’un d’autre.',
    filter: 'Membre',
    allMembers: 'Tous les membres',
    reviewer: 'Évaluateur ou évaluatrice',
    select: (title: string, name: string) => `Sélectionner la revue de « ${title} » par ${name}`,
    reassignTo: 'Confier à',
    choose: 'Choisir un membre',
    reassignSelected: (n: number) => `Réattribuer la sélection (${n})`,
    reassignAll: 'Réattribuer toutes ses revues',
    chooseMemberFirst: 'Choisissez d’abord le membre dont les revues sont déplacées.',
    moved: (n: number, skipped: number) =>
      `${n} revue${n > 1 ? 's' : ''} réattribuée${n > 1 ? 's' : ''}.` +
      (skipped
        ? ` ${skipped} laissée${skipped > 1 ? 's' : ''} : le nouveau membre ne peut pas évaluer ces idées ou les évalue déjà.`
        : ''),
    empty: 'Aucune revue en cours dans votre périmètre.',
    unroutedTitle: 'Idées sans évaluateur',
    unroutedLead: 'Aucun membre du réseau ne pouvait évaluer ces idées : attribuez-les depuis la page de l’idée.',
    chartTitle: 'Revues en cours par membre',
    chartSummary: (list: string) => `Revues en cours : ${list}.`,
    openReviews: 'Revues en cours',
    absentUntil: (date: string) => `absent·e jusqu’au ${date}`,
  },
  absences: {
    title: 'Mes absences',
    lead: 'Pendant une absence, les nouvelles idées à évaluer vont à la personne qui vous remplace.',
    startsAt: 'Début',
    endsAt: 'Fin',
    delegate: 'Remplaçant·e',
    noDelegate: 'Personne',
    handOver: 'Confier aussi mes revues en cours à mon remplaçant ou ma remplaçante',
    add: 'Déclarer l’absence',
    remove: 'Annuler',
    removeLabel: (from: string, to: string) => `Annuler l’absence du ${from} au ${to}`,
    current: 'en cours',
    none: 'Aucune absence prévue.',
    period: (from: string, to: string) => `Du ${from} au ${to}`,
  },
  reviewers: {
    title: 'Évaluation par le réseau',
    start: 'Lancer la qualification',
    starting: 'Lancement…',
    started: 'La qualification est lancée.',
    none: 'Personne n’évalue encore cette idée.',
    unrouted: 'Aucun membre du réseau ne pouvait être choisi automatiquement : attribuez l’idée à quelqu’un.',
    current: 'Évaluateurs et évaluatrices',
    remove: (name: string) => `Retirer ${name}`,
    add: 'Ajouter',
    replace: 'Remplacer',
    person: 'Membre du réseau',
    replaced: 'Remplace',
    nobody: 'Personne (ajout)',
    load: (n: number) => `${n} revue${n > 1 ? 's' : ''} en cours`,
    assignedBy: (name: string) => `attribuée par ${name}`,
  },
  errors: {
    generic: 'L’opération a échoué. Réessayez.',
    reviewer_not_eligible: 'Cette personne ne peut pas évaluer cette idée.',
    reviewer_absent: 'Cette personne est absente : choisissez quelqu’un d’autre.',
    already_assigned: 'Cette personne évalue déjà cette idée.',
    not_in_qualification: 'L’idée n’est pas en qualification.',
    same_person: 'Choisissez un autre membre.',
    before_start: 'La fin doit suivre le début.',
    must_be_future: 'L’absence doit finir dans le futur.',
    not_network_member: 'Le ou la remplaçant·e doit être un autre membre du réseau.',
    stale_version: 'L’idée a changé entre-temps : rechargez la page.',
  } as Record<string, string>,
};

export const en: typeof fr = {
  nav: 'My review queue',
  title: 'My review queue',
  lead: 'The ideas in qualification entrusted to you. A late idea has passed the qualification time the organisation set.',
  tabsLabel: 'My review queue',
  tabs: { toReview: 'To review', overdue: 'Overdue', done: 'Done' },
  empty: { toReview: 'Nothing to review for now.', overdue: 'No overdue idea.', done: 'No finished review.' },
  idea: 'Idea',
  unit: 'Unit',
  assignedAt: 'Assigned on',
  dueAt: 'To qualify by',
  endedAt: 'Ended on',
  endReason: 'End',
  endReasons: {
    reassigned: 'Reassigned',
    removed: 'Removed',
    idea_left_qualification: 'The idea left qualification',
  },
  byRouting: 'automatic routing',
  scored: 'Scorecard submitted',
  network: {
    title: 'Network view',
    lead: 'The reviews under way in your scope. Pick a member, tick reviews and hand them to someone else.',
    filter: 'Member',
    allMembers: 'All members',
    reviewer: 'Reviewer',
    select: (title: string, name: string) => `Select the review of “${title}” by ${name}`,
    reassignTo: 'Hand to',
    choose: 'Choose a member',
    reassignSelected: (n: number) => `Reassign the selection (${n})`,
    reassignAll: 'Reassign all their reviews',
    chooseMemberFirst: 'First choose the member whose reviews move.',
    moved: (n: number, skipped: number) =>
      `${n} review${n > 1 ? 's' : ''} reassigned.` +
      (skipped ? ` ${skipped} left: the new member may not review those ideas or already does.` : ''),
    empty: 'No review under way in your scope.',
    unroutedTitle: 'Ideas without a reviewer',
    unroutedLead: 'No network member could review these ideas: assign them from the idea page.',
    chartTitle: 'Open reviews per member',
    chartSummary: (list: string) => `Open reviews: ${list}.`,
    openReviews: 'Open reviews',
    absentUntil: (date: string) => `away until ${date}`,
  },
  absences: {
    title: 'My absences',
    lead: 'While you are away, new ideas to review go to the person standing in for you.',
    startsAt: 'Start',
    endsAt: 'End',
    delegate: 'Stand-in',
    noDelegate: 'Nobody',
    handOver: 'Also hand my open reviews to my stand-in',
    add: 'Declare the absence',
    remove: 'Cancel',
    removeLabel: (from: string, to: string) => `Cancel the absence from ${from} to ${to}`,
    current: 'now',
    none: 'No absence planned.',
    period: (from: string, to: string) => `From ${from} to ${to}`,
  },
  reviewers: {
    title: 'Review by the network',
    start: 'Start qualification',
    starting: 'Starting…',
    started: 'Qualification has started.',
    none: 'Nobody reviews this idea yet.',
    unrouted: 'No network member could be chosen automatically: assign the idea to someone.',
    current: 'Reviewers',
    remove: (name: string) => `Remove ${name}`,
    add: 'Add',
    replace: 'Replace',
    person: 'Network member',
    replaced: 'Replaces',
    nobody: 'Nobody (add)',
    load: (n: number) => `${n} open review${n > 1 ? 's' : ''}`,
    assignedBy: (name: string) => `assigned by ${name}`,
  },
  errors: {
    generic: 'That did not work. Try again.',
    reviewer_not_eligible: 'This person cannot review this idea.',
    reviewer_absent: 'This person is away: choose someone else.',
    already_assigned: 'This person already reviews this idea.',
    not_in_qualification: 'The idea is not in qualification.',
    same_person: 'Choose another member.',
    before_start: 'The end must come after the start.',
    must_be_future: 'The absence must end in the future.',
    not_network_member: 'The stand-in must be another network member.',
    stale_version: 'The idea changed meanwhile: reload the page.',
  },
};

export type ReviewQueueText = typeof fr;

export function useReviewQueueText(): ReviewQueueText {
  const { i18n } = useTranslation();
  return (i18n.resolvedLanguage ?? i18n.language).startsWith('en') ? en : fr;
}

export function useReviewQueueLocale(): string {
  const { i18n } = useTranslation();
  return (i18n.resolvedLanguage ?? i18n.language).startsWith('en') ? 'en' : 'fr';
}

/** The message for a failed call: by the API's code (or the first field's code), else generic. */
export function reviewQueueError(s: ReviewQueueText, error: unknown): string {
  const e = error as { code?: string; fieldErrors?: readonly { code: string }[] } | null;
  const code = e?.fieldErrors?.[0]?.code ?? e?.code;
  return (code && s.errors[code]) || s.errors.generic!;
}
