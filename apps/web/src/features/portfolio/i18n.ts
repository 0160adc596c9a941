import type { ProjectStatus } from '@eclore/domain';
import { defineText } from '../../i18n/text';

export { useLocale } from '../../i18n/text';

/** Strings of the portfolio board, French (reference) and English, kept beside the feature. */
export const fr = {
  title: 'Portefeuille des idées',
  lead: 'Toutes les idées de votre périmètre, par étape. Les changements d’étape se font depuis la page de l’idée.',
  filters: {
    label: 'Filtres',
    reset: 'Effacer les filtres',
    assignee: 'Qualification',
    anyAssignee: 'Toutes les idées',
    mine: 'Celles qui me sont assignées',
    late: 'Délai de réponse',
    anyLate: 'Tous',
    lateOnly: 'En retard',
    onTime: 'Dans les délais',
  },
  chart: {
    title: 'Idées par étape',
    summary: (parts: string) => `Nombre d’idées par étape : ${parts}.`,
    axis: 'Idées',
  },
  board: {
    label: 'Tableau des idées par étape',
    count: (n: number) => (n <= 1 ? `${n} idée` : `${n} idées`),
    empty: 'Aucune idée.',
    others: (n: number) => `En attente et terminées (${n})`,
    loading: 'Chargement du portefeuille…',
    error: 'Le portefeuille n’a pas pu être chargé.',
    loadMore: (column: string) => `Voir plus d’idées « ${column} »`,
    loadingMore: 'Chargement…',
    total: (n: number) => (n <= 1 ? `${n} idée au total` : `${n} idées au total`),
  },
  card: {
    kinds: { problem: 'Problème', solution: 'Solution' },
    since: (d: string) => `Depuis le ${d}`,
    supports: (n: number) => (n <= 1 ? `${n} soutien` : `${n} soutiens`),
    score: (score: string, reviewers: number) =>
      `Score pondéré ${score}/5 (${reviewers} ${reviewers <= 1 ? 'évaluation' : 'évaluations'})`,
    due: (d: string) => `Échéance le ${d}`,
    late: 'En retard',
    progress: (n: number) => `Avancement ${n} %`,
    projectStatus: {
      on_track: 'Dans les temps',
      at_risk: 'À risque',
      late: 'Jalon en retard',
      done: 'Terminé',
    } as Record<ProjectStatus, string>,
  },
};

export const en: typeof fr = {
  title: 'Idea portfolio',
  lead: 'Every idea in your scope, by stage. Stage changes are made from the idea’s page.',
  filters: {
    label: 'Filters',
    reset: 'Clear filters',
    assignee: 'Qualification',
    anyAssignee: 'All ideas',
    mine: 'Assigned to me',
    late: 'Answer time',
    anyLate: 'Any',
    lateOnly: 'Late',
    onTime: 'On time',
  },
  chart: {
    title: 'Ideas per stage',
    summary: (parts: string) => `Number of ideas per stage: ${parts}.`,
    axis: 'Ideas',
  },
  board: {
    label: 'Board of ideas by stage',
    count: (n: number) => (n === 1 ? `${n} idea` : `${n} ideas`),
    empty: 'No idea.',
    others: (n: number) => `Waiting and ended (${n})`,
    loading: 'Loading the portfolio…',
    error: 'The portfolio could not be loaded.',
    loadMore: (column: string) => `Show more “${column}” ideas`,
    loadingMore: 'Loading…',
    total: (n: number) => (n === 1 ? `${n} idea in all` : `${n} ideas in all`),
  },
  card: {
    kinds: { problem: 'Problem', solution: 'Solution' },
    since: (d: string) => `Since ${d}`,
    supports: (n: number) => (n === 1 ? `${n} support` : `${n} supports`),
    score: (score: string, reviewers: number) =>
      `Weighted score ${score}/5 (${reviewers} ${reviewers === 1 ? 'review' : 'reviews'})`,
    due: (d: string) => `Due ${d}`,
    late: 'Late',
    progress: (n: number) => `Progress ${n}%`,
    projectStatus: { on_track: 'On track', at_risk: 'At risk', late: 'Milestone late', done: 'Done' },
  },
};

export type PortfolioText = typeof fr;

export const usePortfolioText = defineText({ fr, en });
