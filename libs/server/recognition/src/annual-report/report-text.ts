import {
  FUNNEL_STEPS,
  RECOGNITION_FORMS,
  REPORT_FIGURE_LABELS,
  YEAR_ON_YEAR_LABELS,
  type Locale,
  type ReportFigure,
} from '@eclore/domain';

type Text = Readonly<Record<Locale, string>>;

/** The report's words, French and English (the PDF and the XLSX share them). */
export const REPORT_TEXT = {
  title: { fr: 'Bilan annuel de l’innovation participative', en: 'Annual participative-innovation report' },
  wholeOrganisation: { fr: 'Toute l’organisation', en: 'Whole organisation' },
  scope: { fr: 'Périmètre', en: 'Scope' },
  period: { fr: 'Période', en: 'Period' },
  periodOpen: { fr: 'année en cours, chiffres à la date du bilan', en: 'current year, figures to the report date' },
  generated: { fr: 'Établi le', en: 'Generated on' },
  emptyYear: {
    fr: 'Aucune activité enregistrée pour cette année dans ce périmètre : les chiffres ci-dessous sont à zéro ou « sans donnée ».',
    en: 'No activity recorded for this year in this scope: the figures below are zero or “no data”.',
  },
  noData: { fr: '—', en: '—' },
  // One word for every withheld cell: a '< 5' on a cell hidden only to protect another would be false.
  suppressed: { fr: 'masqué', en: 'withheld' },
  suppressionNote: {
    fr: '« masqué » : le chiffre couvrirait moins de 5 personnes, ou permettrait par soustraction de retrouver un chiffre qui le fait (secret statistique). « — » : sans donnée.',
    en: '“withheld”: the figure would cover fewer than 5 people, or would let one be worked out by subtraction (statistical confidentiality). “—”: no data.',
  },
  summary: { fr: 'Chiffres clés', en: 'Key figures' },
  headcount: YEAR_ON_YEAR_LABELS.headcount,
  contributors: YEAR_ON_YEAR_LABELS.contributors,
  ideasSubmitted: YEAR_ON_YEAR_LABELS.ideas_submitted,
  figure: { fr: 'Indicateur', en: 'Figure' },
  value: { fr: 'Valeur', en: 'Value' },
  count: { fr: 'Nombre', en: 'Count' },
  conversion: { fr: 'Conversion (%)', en: 'Conversion (%)' },
  ofSubmitted: { fr: 'Part des déposées (%)', en: 'Of submitted (%)' },
  median: { fr: 'Médiane (jours)', en: 'Median (days)' },
  p90: { fr: '90e centile (jours)', en: '90th percentile (days)' },
  answered: { fr: 'Idées', en: 'Ideas' },
  judged: { fr: 'Idées jugées', en: 'Ideas judged' },
  within: { fr: 'Dans le délai', en: 'Within' },
  guaranteeDays: { fr: 'Délai garanti (jours)', en: 'Guarantee (days)' },
  percent: { fr: 'Part (%)', en: 'Share (%)' },
  running: { fr: 'En cours', en: 'Running' },
  validated: { fr: 'Validées', en: 'Validated' },
  stopped: { fr: 'Arrêtées', en: 'Stopped' },
  total: { fr: 'Total', en: 'Total' },
  category: { fr: 'Catégorie', en: 'Category' },
  unitOfMeasure: { fr: 'Unité', en: 'Unit' },
  projected: { fr: 'Prévu', en: 'Projected' },
  actual: { fr: 'Constaté', en: 'Actual' },
  form: { fr: 'Forme', en: 'Form' },
  people: { fr: 'Personnes', en: 'People' },
  unit: { fr: 'Unité', en: 'Org unit' },
  withoutUnit: { fr: 'Sans unité', en: 'No unit' },
  rate: { fr: 'Taux (%)', en: 'Rate (%)' },
  byUnit: { fr: 'Par unité', en: 'By org unit' },
  implemented: { fr: 'Mises en œuvre', en: 'Implemented' },
  replications: { fr: 'Essaimages', en: 'Replications' },
  experiments: { fr: 'Expérimentations', en: 'Experiments' },
  yearOnYear: { fr: 'Évolution sur un an', en: 'Year on year' },
  previous: { fr: 'Année précédente', en: 'Previous year' },
  current: { fr: 'Année', en: 'Year' },
  change: { fr: 'Écart', en: 'Change' },
  changePercent: { fr: 'Écart (%)', en: 'Change (%)' },
  points: { fr: 'points', en: 'points' },
  notEntered: { fr: 'non renseigné', en: 'not entered' },
  inputsNote: {
    fr: 'Saisies des RH pour l’année (organisation entière).',
    en: 'HR’s inputs for the year (whole organisation).',
  },
  inputsOrgOnly: {
    fr: 'Les saisies des RH portent sur l’organisation entière : voir le bilan de toute l’organisation.',
    en: 'HR’s inputs are for the whole organisation: see the whole organisation’s report.',
  },
  noImpact: { fr: 'Aucun impact mesuré.', en: 'No impact measured.' },
  charter: { fr: 'Engagements de la charte', en: 'Charter commitments' },
} as const satisfies Record<string, Text>;

export const figureLabel = (figure: ReportFigure, locale: Locale): string => REPORT_FIGURE_LABELS[figure][locale];

export { FUNNEL_STEPS, RECOGNITION_FORMS };

/** A number for reading: grouped digits in the locale, one decimal at most; null: "—". */
export function formatNumber(value: number | null, locale: Locale, decimals = 1): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: decimals }).format(value);
}
