import { defineText } from '../../i18n/text';

export { useLocale } from '../../i18n/text';

/** Strings of the wall and the similar-ideas box, French (reference) and English, kept beside the feature. */
export const fr = {
  title: 'Le mur des idées',
  lead: 'Les problèmes et solutions publiés : cherchez, filtrez, soutenez.',
  newIdea: 'Proposer une idée',
  search: {
    label: 'Rechercher',
    placeholder: 'ex. vélo, réservation, énergie…',
    submit: 'Rechercher',
    hint: 'Les accents et les pluriels sont ignorés, en français comme en anglais.',
  },
  filters: {
    label: 'Filtres',
    kind: 'Type',
    anyKind: 'Problèmes et solutions',
    stage: 'Étape',
    anyStage: 'Toutes les étapes',
    campaign: 'Campagne',
    anyCampaign: 'Toutes les campagnes',
    orgUnit: 'Entité',
    anyOrgUnit: 'Toutes les entités',
    theme: 'Thème',
    anyTheme: 'Tous les thèmes',
    sort: 'Trier par',
    reset: 'Effacer les filtres',
  },
  sorts: {
    relevance: 'Pertinence',
    newest: 'Les plus récentes',
    most_supported: 'Les plus soutenues',
    trending: 'Tendance (14 derniers jours)',
  },
  kinds: { problem: 'Problème', solution: 'Solution' },
  card: {
    supports: (n: number) => (n <= 1 ? `${n} soutien` : `${n} soutiens`),
    comments: (n: number) => (n <= 1 ? `${n} commentaire` : `${n} commentaires`),
    campaign: 'Campagne',
    publishedOn: (d: string) => `Publiée le ${d}`,
  },
  results: {
    caption: 'Idées',
    loading: 'Chargement des idées…',
    none: 'Aucune idée publiée pour l’instant.',
    noMatch: 'Aucune idée ne correspond à cette recherche ou à ces filtres.',
    loadMore: 'Voir plus d’idées',
    loadingMore: 'Chargement…',
    error: 'Les idées n’ont pas pu être chargées.',
    expired: 'La liste a été recalculée : elle reprend depuis le début.',
    tooBroad: 'Cette recherche prend trop de temps : ajoutez des mots ou un filtre pour la préciser.',
  },
  similar: {
    title: 'Des idées proches existent déjà',
    lead: 'Avant de proposer la vôtre, voyez si l’une d’elles dit la même chose : vous pouvez la soutenir.',
    none: 'Aucune idée proche trouvée.',
    searching: 'Recherche d’idées proches…',
    open: (title: string) => `Ouvrir « ${title} » dans un nouvel onglet`,
  },
};

export const en: typeof fr = {
  title: 'The ideas wall',
  lead: 'Published problems and solutions: search, filter, support.',
  newIdea: 'Propose an idea',
  search: {
    label: 'Search',
    placeholder: 'e.g. bike, booking, energy…',
    submit: 'Search',
    hint: 'Accents and plurals are ignored, in French and in English.',
  },
  filters: {
    label: 'Filters',
    kind: 'Type',
    anyKind: 'Problems and solutions',
    stage: 'Stage',
    anyStage: 'All stages',
    campaign: 'Campaign',
    anyCampaign: 'All campaigns',
    orgUnit: 'Unit',
    anyOrgUnit: 'All units',
    theme: 'Theme',
    anyTheme: 'All themes',
    sort: 'Sort by',
    reset: 'Clear filters',
  },
  sorts: {
    relevance: 'Relevance',
    newest: 'Newest',
    most_supported: 'Most supported',
    trending: 'Trending (last 14 days)',
  },
  kinds: { problem: 'Problem', solution: 'Solution' },
  card: {
    supports: (n: number) => (n === 1 ? '1 support' : `${n} supports`),
    comments: (n: number) => (n === 1 ? '1 comment' : `${n} comments`),
    campaign: 'Campaign',
    publishedOn: (d: string) => `Published on ${d}`,
  },
  results: {
    caption: 'Ideas',
    loading: 'Loading ideas…',
    none: 'No idea has been published yet.',
    noMatch: 'No idea matches this search or these filters.',
    loadMore: 'Show more ideas',
    loadingMore: 'Loading…',
    error: 'The ideas could not be loaded.',
    expired: 'The list was recomputed: it starts again from the top.',
    tooBroad: 'This search takes too long: add words or a filter to narrow it.',
  },
  similar: {
    title: 'Similar ideas already exist',
    lead: 'Before proposing yours, see whether one of them says the same thing: you can support it.',
    none: 'No similar idea found.',
    searching: 'Looking for similar ideas…',
    open: (title: string) => `Open “${title}” in a new tab`,
  },
};

export type WallText = typeof fr;

export const useWallText = defineText({ fr, en });
