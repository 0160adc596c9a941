import { isApiError } from '@eclore/api-client';
import { IMPACT_CATEGORY_LABELS, labelsIn, type MeasurementConfidence } from '@eclore/domain';
import { defineText } from '../../../i18n/text';

export { useLocale } from '../../../i18n/text';

/** Strings of impact (indicateurs d'impact), French (reference) and English. */
export const fr = {
  section: {
    title: 'Impact',
    lead: 'Indicateurs d’impact : prévu et réel. Le réel d’un indicateur est sa dernière mesure validée par le réseau.',
    loading: 'Chargement de l’impact…',
    error: 'L’impact n’a pas pu être chargé.',
    noProject: 'Aucun projet de mise en œuvre : les indicateurs se définissent sur le projet.',
    noIndicator: 'Aucun indicateur pour le moment.',
    project: (unit: string) => `Projet de mise en œuvre — ${unit}`,
    addIndicator: 'Ajouter un indicateur',
    addMeasurement: 'Saisir une mesure',
    editIndicator: 'Modifier l’indicateur',
    validate: 'Valider la mesure',
    validated: 'Validée',
    awaiting: 'À valider',
    actual: 'Réel',
    projected: 'Prévu',
    baseline: 'Référence',
    noActual: 'pas encore de mesure validée',
    withReplications: (n: number) => `Avec ses essaimages : ${n} projet${n > 1 ? 's' : ''}, chacun compté une fois`,
    totals: 'Totaux de l’idée',
  },
  chart: {
    title: (label: string) => `${label} : prévu et réel`,
    summary: (label: string, unit: string, projected: string, actual: string | null) =>
      `${label} : prévu ${projected} ${unit}, réel ${actual === null ? 'non mesuré' : `${actual} ${unit}`}.`,
    valueName: 'Valeur',
  },
  table: {
    caption: (label: string) => `Mesures de « ${label} »`,
    date: 'Date',
    value: 'Valeur',
    source: 'Source',
    confidence: 'Fiabilité',
    status: 'Statut',
    actions: 'Actions',
    empty: 'Aucune mesure.',
  },
  totalsTable: {
    caption: 'Prévu et réel par catégorie et unité',
    category: 'Catégorie',
    unit: 'Unité',
    projected: 'Prévu',
    actual: 'Réel',
    measured: 'Indicateurs mesurés',
    weakest: 'Fiabilité la plus faible',
  },
  indicatorForm: {
    title: 'Nouvel indicateur',
    category: 'Catégorie',
    label: 'Libellé',
    unit: 'Unité',
    unitHint: 'Par exemple « h/an » ou « €/an » : chaque valeur est annuelle.',
    baseline: 'Valeur de référence (facultative)',
    projectedValue: 'Valeur prévue',
    projectedOn: 'Date prévue',
    submit: 'Ajouter',
    cancel: 'Annuler',
    editTitle: (label: string) => `Modifier l’indicateur : ${label}`,
    save: 'Enregistrer les modifications',
    categoryKept: 'Un indicateur déjà mesuré garde sa catégorie.',
  },
  measurementForm: {
    title: (label: string) => `Nouvelle mesure : ${label}`,
    value: 'Valeur',
    measuredOn: 'Date de la mesure',
    source: 'Source',
    sourceHint: 'D’où vient ce chiffre (tableau de bord, enquête, audit…).',
    confidence: 'Fiabilité',
    submit: 'Enregistrer',
    cancel: 'Annuler',
  },
  // The report's names too (libs/domain): one name per category everywhere.
  categories: labelsIn(IMPACT_CATEGORY_LABELS, 'fr'),
  confidences: { estimated: 'Estimée', measured: 'Mesurée', audited: 'Auditée' } as Record<
    MeasurementConfidence,
    string
  >,
  page: {
    title: 'Impact',
    lead: 'Prévu et réel des indicateurs d’impact, dans votre périmètre. Les figures d’unités différentes ne sont jamais additionnées.',
    loading: 'Chargement des consolidations…',
    error: 'Les consolidations n’ont pas pu être chargées.',
    filters: 'Filtres',
    by: 'Regrouper par',
    byOptions: { unit: 'Unité', campaign: 'Appel à idées', year: 'Année', idea: 'Idée' },
    year: 'Année',
    allYears: 'Toutes les années',
    unit: 'Unité (et ses sous-unités)',
    allUnits: 'Toutes les unités',
    category: 'Catégorie',
    allCategories: 'Toutes les catégories',
    empty: 'Aucun indicateur dans ce périmètre.',
    noCampaign: 'Hors appel à idées',
    unknown: 'Sans nom',
    groupCaption: (name: string) => `Prévu et réel — ${name}`,
    chartTitle: (name: string, category: string, unit: string) => `${name} — ${category} (${unit})`,
  },
  errors: {
    required: 'Ce champ est obligatoire.',
    out_of_range: 'Valeur hors des bornes de la catégorie.',
    max: 'Valeur hors des bornes de la catégorie.',
    min: 'Valeur hors des bornes de la catégorie.',
    isNumber: 'Saisissez un nombre.',
    matches: 'Date invalide.',
    must_not_be_future: 'La date ne peut pas être dans le futur.',
    before_go_live: 'La date est antérieure à la mise en service.',
    invalid_date: 'Date invalide.',
    forbidden: 'Vous ne pouvez pas faire cela.',
    conflict: 'Quelqu’un a modifié cet élément entre-temps : rechargez la page.',
    indicator_has_measurements: 'Un indicateur déjà mesuré garde sa catégorie.',
    generic: 'L’opération a échoué. Réessayez.',
  } as Record<string, string>,
};

export type ImpactText = typeof fr;

export const en: ImpactText = {
  section: {
    title: 'Impact',
    lead: 'Impact indicators: projected and actual. An indicator’s actual value is its latest measurement validated by the network.',
    loading: 'Loading the impact…',
    error: 'The impact could not be loaded.',
    noProject: 'No implementation project: indicators are defined on the project.',
    noIndicator: 'No indicator yet.',
    project: (unit: string) => `Implementation project — ${unit}`,
    addIndicator: 'Add an indicator',
    addMeasurement: 'Record a measurement',
    editIndicator: 'Edit the indicator',
    validate: 'Validate the measurement',
    validated: 'Validated',
    awaiting: 'To validate',
    actual: 'Actual',
    projected: 'Projected',
    baseline: 'Baseline',
    noActual: 'no validated measurement yet',
    withReplications: (n: number) => `With its replications: ${n} project${n > 1 ? 's' : ''}, each counted once`,
    totals: 'The idea’s totals',
  },
  chart: {
    title: (label: string) => `${label}: projected and actual`,
    summary: (label: string, unit: string, projected: string, actual: string | null) =>
      `${label}: projected ${projected} ${unit}, actual ${actual === null ? 'not measured' : `${actual} ${unit}`}.`,
    valueName: 'Value',
  },
  table: {
    caption: (label: string) => `Measurements of “${label}”`,
    date: 'Date',
    value: 'Value',
    source: 'Source',
    confidence: 'Confidence',
    status: 'Status',
    actions: 'Actions',
    empty: 'No measurement.',
  },
  totalsTable: {
    caption: 'Projected and actual by category and unit',
    category: 'Category',
    unit: 'Unit',
    projected: 'Projected',
    actual: 'Actual',
    measured: 'Measured indicators',
    weakest: 'Weakest confidence',
  },
  indicatorForm: {
    title: 'New indicator',
    category: 'Category',
    label: 'Label',
    unit: 'Unit',
    unitHint: 'For example “h/year” or “€/year”: every figure is yearly.',
    baseline: 'Baseline (optional)',
    projectedValue: 'Projected value',
    projectedOn: 'Projected date',
    submit: 'Add',
    cancel: 'Cancel',
    editTitle: (label: string) => `Edit the indicator: ${label}`,
    save: 'Save the changes',
    categoryKept: 'An indicator already measured keeps its category.',
  },
  measurementForm: {
    title: (label: string) => `New measurement: ${label}`,
    value: 'Value',
    measuredOn: 'Measured on',
    source: 'Source',
    sourceHint: 'Where the figure comes from (dashboard, survey, audit…).',
    confidence: 'Confidence',
    submit: 'Save',
    cancel: 'Cancel',
  },
  categories: labelsIn(IMPACT_CATEGORY_LABELS, 'en'),
  confidences: { estimated: 'Estimated', measured: 'Measured', audited: 'Audited' },
  page: {
    title: 'Impact',
    lead: 'Projected and actual impact indicators within your scope. Figures of different units are never added together.',
    loading: 'Loading the roll-ups…',
    error: 'The roll-ups could not be loaded.',
    filters: 'Filters',
    by: 'Group by',
    byOptions: { unit: 'Unit', campaign: 'Call for ideas', year: 'Year', idea: 'Idea' },
    year: 'Year',
    allYears: 'All years',
    unit: 'Unit (and the units under it)',
    allUnits: 'All units',
    category: 'Category',
    allCategories: 'All categories',
    empty: 'No indicator within this scope.',
    noCampaign: 'Outside any call for ideas',
    unknown: 'Unnamed',
    groupCaption: (name: string) => `Projected and actual — ${name}`,
    chartTitle: (name: string, category: string, unit: string) => `${name} — ${category} (${unit})`,
  },
  errors: {
    required: 'This field is required.',
    out_of_range: 'Value outside the category’s bounds.',
    max: 'Value outside the category’s bounds.',
    min: 'Value outside the category’s bounds.',
    isNumber: 'Enter a number.',
    matches: 'Invalid date.',
    must_not_be_future: 'The date cannot be in the future.',
    before_go_live: 'The date is before go-live.',
    invalid_date: 'Invalid date.',
    forbidden: 'You may not do this.',
    conflict: 'Someone changed this meanwhile: reload the page.',
    indicator_has_measurements: 'An indicator already measured keeps its category.',
    generic: 'The operation failed. Try again.',
  },
};

export const useImpactText = defineText({ fr, en });

export function formatNumber(value: number, locale: 'fr' | 'en'): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
}

export function formatDay(day: string, locale: 'fr' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** A refused command in words (403: not yours to do; 409: changed meanwhile). */
export function commandError(s: ImpactText, error: unknown): string {
  // A refusal with words of its own (indicator_has_measurements) says why; other 409s are a conflict.
  const own = isApiError(error) && error.code ? s.errors[error.code] : undefined;
  if (own) return own;
  if (isApiError(error) && error.status === 403) return s.errors['forbidden']!;
  if (isApiError(error) && error.status === 409) return s.errors['conflict']!;
  return s.errors['generic']!;
}
