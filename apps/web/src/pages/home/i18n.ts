import { defineText, type Param } from '../../i18n/text';

/** Strings of the home page, French (reference) and English. */
export const fr = {
  title: 'Bienvenue sur Éclore',
  lead: 'Éclore est la boîte à idées de l’intranet : chacune et chacun peut signaler un problème ou proposer une solution, puis suivre son parcours jusqu’à sa mise en œuvre.',
  greeting: ({ name }: { name: Param }) => `Bonjour ${name}`,
  personalLead: 'Votre travail en cours et ce qui vous attend sur Éclore.',
  propose: 'Proposer une idée',
  loadFailed: 'Cette partie n’a pas pu être chargée. Rechargez la page pour réessayer.',
  loading: 'Chargement…',
  calls: {
    title: 'Appels à idées ouverts',
    empty: 'Aucun appel à idées n’est ouvert pour vous en ce moment : vous pouvez proposer une idée libre.',
    proposeFor: ({ title }: { title: Param }) => `Proposer une idée pour « ${title} »`,
    more: 'Tous les appels à idées',
  },
  mine: {
    title: 'Mes idées',
    empty: 'Vous n’avez encore aucune idée. Proposez la première : un brouillon suffit pour commencer.',
    more: 'Toutes mes idées',
    invitations: ({ count }: { count: number }) =>
      count === 1
        ? '1 invitation à co-écrire attend votre réponse'
        : `${count} invitations à co-écrire attendent votre réponse`,
  },
  review: {
    title: 'À évaluer',
    counts: ({ toReview, overdue }: { toReview: number; overdue: number }) =>
      `${toReview} à évaluer, ${overdue} en retard`,
    empty: 'Aucune idée n’attend votre évaluation.',
    overdue: 'en retard',
    more: 'Ouvrir ma file d’évaluation',
  },
  late: {
    title: 'En retard dans mon périmètre',
    empty: 'Aucune idée n’a dépassé son délai de réponse dans votre périmètre.',
    daysLate: ({ days }: { days: number }) => (days <= 1 ? `${days} jour de retard` : `${days} jours de retard`),
    more: 'Voir toutes les idées en retard',
  },
  committee: {
    title: 'Prochaine séance du comité',
    empty: 'Aucune séance n’est planifiée. Les séances se créent depuis la page du comité.',
    agenda: ({ count }: { count: number }) =>
      count <= 1 ? `${count} idée à l’ordre du jour` : `${count} idées à l’ordre du jour`,
    inSession: 'En séance',
    more: 'Toutes les séances',
  },
  directory: {
    title: 'Dernier import de l’annuaire',
    empty: 'Aucun import pour l’instant : importez l’export RH de l’annuaire pour créer les personnes et les unités.',
    started: ({ when }: { when: Param }) => `Lancé le ${when}`,
    errors: ({ count }: { count: number }) => (count <= 1 ? `${count} erreur` : `${count} erreurs`),
    more: 'Ouvrir l’annuaire',
  },
};

export const en: typeof fr = {
  title: 'Welcome to Éclore',
  lead: 'Éclore is the intranet innovation box: anyone can raise a problem or propose a solution, then follow it all the way to implementation.',
  greeting: ({ name }) => `Hello ${name}`,
  personalLead: 'Your work in progress and what awaits you on Éclore.',
  propose: 'Propose an idea',
  loadFailed: 'This part could not be loaded. Reload the page to try again.',
  loading: 'Loading…',
  calls: {
    title: 'Open calls for ideas',
    empty: 'No call for ideas is open to you right now: you can propose an idea of your own.',
    proposeFor: ({ title }) => `Propose an idea for “${title}”`,
    more: 'All calls for ideas',
  },
  mine: {
    title: 'My ideas',
    empty: 'You have no idea yet. Propose the first one: a draft is enough to start.',
    more: 'All my ideas',
    invitations: ({ count }) =>
      count === 1
        ? '1 invitation to co-author awaits your answer'
        : `${count} invitations to co-author await your answer`,
  },
  review: {
    title: 'To review',
    counts: ({ toReview, overdue }) => `${toReview} to review, ${overdue} overdue`,
    empty: 'No idea awaits your review.',
    overdue: 'overdue',
    more: 'Open my review queue',
  },
  late: {
    title: 'Late in my scope',
    empty: 'No idea in your scope is past its answer time.',
    daysLate: ({ days }) => (days === 1 ? '1 day late' : `${days} days late`),
    more: 'See every late idea',
  },
  committee: {
    title: 'Next committee session',
    empty: 'No session is planned. Sessions are created from the committee page.',
    agenda: ({ count }) => (count === 1 ? '1 idea on the agenda' : `${count} ideas on the agenda`),
    inSession: 'In session',
    more: 'All sessions',
  },
  directory: {
    title: 'Latest directory import',
    empty: 'No import yet: import the HR directory export to create people and units.',
    started: ({ when }) => `Started on ${when}`,
    errors: ({ count }) => (count === 1 ? '1 error' : `${count} errors`),
    more: 'Open the directory',
  },
};

export type HomeText = typeof fr;

export const useHomeText = defineText({ fr, en });
