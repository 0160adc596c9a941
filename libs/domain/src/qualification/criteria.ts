import type { FieldProblem } from '../errors/domain-error';
import type { Locale } from '../locale';

/**
 * Qualification criteria (the scorecard's rows). Every criterion is scored on five described levels,
 * 1 (weakest) to 5 (strongest), and ALWAYS "higher is better": for effort criteria (feasibility,
 * cost) 5 means easy or cheap. That keeps the weighted score a plain weighted mean; the effort of the
 * value/effort plot is derived by turning the effort criteria around (see consolidation.ts).
 */

export type LocalizedText = Readonly<Record<Locale, string>>;

/** Which axis of the committee's value/effort plot a criterion feeds. */
export const CRITERION_AXES = ['value', 'effort', 'none'] as const;
export type CriterionAxis = (typeof CRITERION_AXES)[number];

export const SCORE_LEVELS = [1, 2, 3, 4, 5] as const;
export type ScoreLevel = (typeof SCORE_LEVELS)[number];
export const MIN_SCORE = 1;
export const MAX_SCORE = 5;

export interface Criterion {
  /** Stable identifier the scores refer to (`a-z`, digits, `_`). */
  key: string;
  label: LocalizedText;
  description: LocalizedText;
  /** Relative weight in the weighted score (> 0). */
  weight: number;
  axis: CriterionAxis;
  /** Exactly five described levels: index 0 describes level 1, index 4 level 5. */
  levels: readonly LocalizedText[];
}

export interface CriteriaSetDefinition {
  criteria: readonly Criterion[];
}

export const CRITERION_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const MAX_CRITERIA = 12;
export const MAX_WEIGHT = 100;
export const MAX_CRITERION_TEXT = 500;

const level = (fr: string, en: string): LocalizedText => ({ fr, en });

/** The organisation's default set: the five criteria of the brief, value for users weighing most. */
export const DEFAULT_CRITERIA: readonly Criterion[] = [
  {
    key: 'user_value',
    label: { fr: 'Valeur pour les usagers', en: 'Value for users' },
    description: {
      fr: 'Ce que l’idée apporte aux usagers ou aux collègues concernés : temps gagné, qualité, sécurité, confort.',
      en: 'What the idea brings to the users or colleagues concerned: time saved, quality, safety, comfort.',
    },
    weight: 3,
    axis: 'value',
    levels: [
      level('Aucun bénéfice perceptible pour les usagers.', 'No noticeable benefit for users.'),
      level('Bénéfice faible ou pour très peu de personnes.', 'Small benefit, or for very few people.'),
      level('Bénéfice réel pour un groupe limité.', 'Real benefit for a limited group.'),
      level('Bénéfice net pour de nombreux usagers.', 'Clear benefit for many users.'),
      level('Bénéfice majeur et durable pour un large public.', 'Major, lasting benefit for a wide audience.'),
    ],
  },
  {
    key: 'feasibility',
    label: { fr: 'Faisabilité', en: 'Feasibility' },
    description: {
      fr: 'La facilité de mise en œuvre : compétences, technique, règles, dépendances. 5 = très facile.',
      en: 'How easy it is to put in place: skills, technology, rules, dependencies. 5 = very easy.',
    },
    weight: 2,
    axis: 'effort',
    levels: [
      level(
        'Irréalisable en l’état (obstacle juridique ou technique majeur).',
        'Not feasible as it stands (major legal or technical obstacle).',
      ),
      level(
        'Très difficile : nombreuses dépendances ou compétences absentes.',
        'Very hard: many dependencies or missing skills.',
      ),
      level(
        'Faisable avec un effort notable et des appuis extérieurs.',
        'Feasible with notable effort and outside help.',
      ),
      level(
        'Faisable avec les moyens du service, quelques ajustements.',
        'Feasible with the unit’s means and some adjustments.',
      ),
      level('Immédiatement réalisable par l’équipe concernée.', 'Can be done right away by the team concerned.'),
    ],
  },
  {
    key: 'cost',
    label: { fr: 'Coût', en: 'Cost' },
    description: {
      fr: 'L’argent et le temps de travail nécessaires. 5 = très peu coûteux.',
      en: 'The money and working time needed. 5 = very cheap.',
    },
    weight: 2,
    axis: 'effort',
    levels: [
      level('Coût très élevé, hors budget courant.', 'Very high cost, beyond the usual budget.'),
      level('Coût élevé, nécessite un financement dédié.', 'High cost, needs dedicated funding.'),
      level('Coût moyen, à prévoir au budget.', 'Medium cost, to be budgeted.'),
      level('Coût faible, absorbable par le service.', 'Low cost, the unit can absorb it.'),
      level('Coût négligeable.', 'Negligible cost.'),
    ],
  },
  {
    key: 'strategic_alignment',
    label: { fr: 'Alignement avec la stratégie', en: 'Alignment with strategy' },
    description: {
      fr: 'La contribution aux objectifs et au plan stratégique de l’organisation.',
      en: 'How much it serves the organisation’s objectives and strategic plan.',
    },
    weight: 2,
    axis: 'value',
    levels: [
      level('Sans lien avec les objectifs, voire contraire.', 'Unrelated to the objectives, or even against them.'),
      level('Lien indirect avec un objectif secondaire.', 'Indirect link with a secondary objective.'),
      level('Contribue à un objectif du plan.', 'Contributes to one objective of the plan.'),
      level('Contribue nettement à plusieurs objectifs.', 'Clearly contributes to several objectives.'),
      level('Au cœur d’une priorité stratégique.', 'At the heart of a strategic priority.'),
    ],
  },
  {
    key: 'replicability',
    label: { fr: 'Reproductibilité', en: 'Replicability' },
    description: {
      fr: 'La possibilité d’étendre l’idée à d’autres services (essaimage).',
      en: 'Whether the idea can spread to other units (replication).',
    },
    weight: 1,
    axis: 'value',
    levels: [
      level('Propre à une seule situation.', 'Specific to a single situation.'),
      level('Transposable avec de fortes adaptations.', 'Transferable with heavy adaptation.'),
      level('Transposable à quelques services proches.', 'Transferable to a few similar units.'),
      level('Transposable à de nombreux services.', 'Transferable to many units.'),
      level('Utile à toute l’organisation, telle quelle.', 'Useful to the whole organisation as it is.'),
    ],
  },
];

const isBlank = (v: unknown): boolean => typeof v !== 'string' || v.trim() === '';

function textProblems(path: string, text: unknown, problems: FieldProblem[]): void {
  for (const locale of ['fr', 'en'] as const) {
    const value = (text as Partial<LocalizedText> | undefined)?.[locale];
    if (isBlank(value)) {
      problems.push({ field: `${path}.${locale}`, code: 'required', message: `The ${locale} text is required.` });
    } else if ((value as string).length > MAX_CRITERION_TEXT) {
      problems.push({
        field: `${path}.${locale}`,
        code: 'max_length',
        message: `At most ${MAX_CRITERION_TEXT} characters.`,
      });
    }
  }
}

/**
 * Checks a criteria set: 1 to MAX_CRITERIA criteria with unique keys, weights in (0, MAX_WEIGHT],
 * an axis, labels and descriptions in both languages, and all five levels described in both.
 * Fields are named `criteria.<index>.<field>` as in the request body.
 */
export function validateCriteriaSet(set: CriteriaSetDefinition): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const criteria = Array.isArray(set.criteria) ? set.criteria : [];
  if (criteria.length === 0) {
    problems.push({ field: 'criteria', code: 'required', message: 'A criteria set needs at least one criterion.' });
  } else if (criteria.length > MAX_CRITERIA) {
    problems.push({ field: 'criteria', code: 'too_many', message: `At most ${MAX_CRITERIA} criteria.` });
  }
  const seen = new Set<string>();
  criteria.forEach((c, i) => {
    const at = `criteria.${i}`;
    if (typeof c.key !== 'string' || !CRITERION_KEY_PATTERN.test(c.key)) {
      problems.push({
        field: `${at}.key`,
        code: 'pattern',
        message: 'A key is lower-case letters, digits and underscores, starting with a letter (at most 40).',
      });
    } else if (seen.has(c.key)) {
      problems.push({ field: `${at}.key`, code: 'duplicate', message: `The key "${c.key}" is used twice.` });
    } else {
      seen.add(c.key);
    }
    textProblems(`${at}.label`, c.label, problems);
    textProblems(`${at}.description`, c.description, problems);
    if (typeof c.weight !== 'number' || !Number.isFinite(c.weight) || c.weight <= 0) {
      problems.push({ field: `${at}.weight`, code: 'positive', message: 'The weight must be greater than 0.' });
    } else if (c.weight > MAX_WEIGHT) {
      problems.push({ field: `${at}.weight`, code: 'max', message: `The weight is at most ${MAX_WEIGHT}.` });
    }
    if (!(CRITERION_AXES as readonly unknown[]).includes(c.axis)) {
      problems.push({ field: `${at}.axis`, code: 'enum', message: `The axis is one of ${CRITERION_AXES.join(', ')}.` });
    }
    const levels: readonly LocalizedText[] = Array.isArray(c.levels) ? c.levels : [];
    if (levels.length !== SCORE_LEVELS.length) {
      problems.push({
        field: `${at}.levels`,
        code: 'five_levels',
        message: `Describe exactly ${SCORE_LEVELS.length} levels (1 to 5).`,
      });
    }
    levels.slice(0, SCORE_LEVELS.length).forEach((l, j) => textProblems(`${at}.levels.${j}`, l, problems));
  });
  return problems;
}

/** Scores given by one reviewer: criterion key → level 1–5. */
export type Scores = Readonly<Record<string, number>>;

/**
 * Checks a reviewer's scores against a set. Drafts may leave criteria out; a submitted scorecard
 * must score every criterion. Fields are named `scores.<key>`.
 */
export function validateScores(
  set: CriteriaSetDefinition,
  scores: Scores,
  options: { complete: boolean },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const keys = new Set(set.criteria.map((c) => c.key));
  for (const [key, value] of Object.entries(scores ?? {})) {
    if (!keys.has(key)) {
      problems.push({
        field: `scores.${key}`,
        code: 'unknown_criterion',
        message: `No criterion "${key}" in this set.`,
      });
    } else if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_SCORE || value > MAX_SCORE) {
      problems.push({
        field: `scores.${key}`,
        code: 'out_of_range',
        message: `A score is a whole number from ${MIN_SCORE} to ${MAX_SCORE}.`,
      });
    }
  }
  if (options.complete) {
    for (const c of set.criteria) {
      if (!(c.key in (scores ?? {}))) {
        problems.push({ field: `scores.${c.key}`, code: 'required', message: `Score the criterion "${c.key}".` });
      }
    }
  }
  return problems;
}
