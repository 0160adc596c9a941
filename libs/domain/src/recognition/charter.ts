import type { FieldProblem } from '../errors/domain-error';
import type { Locale } from '../locale';
import { REPORT_FIGURES, type ReportFigure } from './report-figures';

/**
 * The charter (charte de l'innovation participative): the organisation's commitments, each with the
 * report figures that show whether it is kept. The annual report is structured by them, in order.
 * The default is the charter's seven; HR may rename, reorder, add or retire commitments (history kept).
 */
export interface CharterCommitment {
  key: string;
  title: Readonly<Record<Locale, string>>;
  indicators: readonly ReportFigure[];
}

// prettier-ignore
export const DEFAULT_CHARTER: readonly CharterCommitment[] = [
  { key: 'train', title: { fr: 'Former', en: 'Train' }, indicators: ['people_trained'] },
  { key: 'practise', title: { fr: 'Pratiquer', en: 'Practise' }, indicators: ['participation_rate', 'ideas_per_100_staff', 'funnel', 'experiments', 'budget'] },
  { key: 'communicate', title: { fr: 'Communiquer', en: 'Communicate' }, indicators: ['communication_actions', 'answered_within_guarantee', 'time_to_first_answer'] },
  { key: 'measure_and_report', title: { fr: 'Mesurer et rendre compte', en: 'Measure and report' }, indicators: ['time_to_decision', 'implemented_ideas', 'impact_projected_vs_actual', 'replications'] },
  { key: 'recognise', title: { fr: 'Reconnaître', en: 'Recognise' }, indicators: ['people_recognised'] },
  { key: 'link_hr_quality_rd', title: { fr: 'Articuler avec RH, qualité et R&D', en: 'Link with HR, quality and R&D' }, indicators: ['people_recognised', 'implemented_ideas', 'replications'] },
  { key: 'celebrate', title: { fr: 'Célébrer', en: 'Celebrate' }, indicators: ['celebrations_held'] },
];

export const CHARTER_LIMITS = { titleMax: 200, keyMax: 60, maxCommitments: 20 } as const;

const KEY = /^[a-z][a-z0-9_]*$/;

export function validateCommitment(input: { key?: unknown; title?: unknown; indicators?: unknown }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (typeof input.key !== 'string' || !KEY.test(input.key) || input.key.length > CHARTER_LIMITS.keyMax) {
    problems.push({ field: 'key', code: 'invalid', message: 'key is lower-case letters, digits and _ (at most 60).' });
  }
  const title = input.title as Record<string, unknown> | null | undefined;
  for (const locale of ['fr', 'en'] as const) {
    const t = title?.[locale];
    if (typeof t !== 'string' || t.trim() === '') {
      problems.push({ field: `title.${locale}`, code: 'required', message: `title.${locale} is required.` });
    } else if (t.length > CHARTER_LIMITS.titleMax || t.includes('\u0000')) {
      problems.push({
        field: `title.${locale}`,
        code: 'maxLength',
        message: `title.${locale} is at most 200 characters, no NUL byte.`,
      });
    }
  }
  const ind = input.indicators;
  if (
    !Array.isArray(ind) ||
    ind.some((x) => !(REPORT_FIGURES as readonly unknown[]).includes(x)) ||
    new Set(ind).size !== ind.length
  ) {
    problems.push({ field: 'indicators', code: 'invalid', message: 'indicators lists distinct report figures.' });
  }
  return problems;
}

/** A charter: 1–20 commitments with distinct keys. */
export function validateCharter(
  commitments: readonly { key?: unknown; title?: unknown; indicators?: unknown }[],
): FieldProblem[] {
  if (commitments.length < 1 || commitments.length > CHARTER_LIMITS.maxCommitments) {
    return [{ field: 'commitments', code: 'out_of_range', message: 'A charter has 1 to 20 commitments.' }];
  }
  const problems = commitments.flatMap((c, i) =>
    validateCommitment(c).map((p) => ({ ...p, field: `commitments.${i}.${p.field}` })),
  );
  const keys = commitments.map((c) => c.key);
  keys.forEach((k, i) => {
    if (keys.indexOf(k) !== i)
      problems.push({ field: `commitments.${i}.key`, code: 'duplicate', message: 'Two commitments have this key.' });
  });
  return problems;
}

/**
 * HR's yearly inputs: what no event tells. Whole numbers except the budget (organisation's currency,
 * at most two decimals). The bounds are generous ceilings against typing slips (an extra zero of
 * zeros), repeated as CHECK constraints in the migration.
 */
// prettier-ignore
export const CHARTER_INPUTS = {
  people_trained:        { min: 0, max: 1_000_000, decimals: 0 },
  communication_actions: { min: 0, max: 100_000, decimals: 0 },
  celebrations_held:     { min: 0, max: 10_000, decimals: 0 },
  budget:                { min: 0, max: 100_000_000_000, decimals: 2 },
} as const;
export type CharterInput = keyof typeof CHARTER_INPUTS;
export const CHARTER_INPUT_KEYS = Object.keys(CHARTER_INPUTS) as CharterInput[];

/** The years HR may enter: from 2000 to the current year (a year not begun has nothing to report). */
export const CHARTER_YEAR_MIN = 2000;

function hasDecimals(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  // 0.1 * 100 is 10.000000000000002: compare with a tolerance.
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/**
 * Validates a year's inputs: the year, and each input given (omitted inputs stay unknown — null —
 * which is not the same as 0). Names the field.
 */
export function validateCharterInputs(
  year: unknown,
  inputs: Readonly<Record<string, unknown>>,
  now: Date,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (typeof year !== 'number' || !Number.isInteger(year) || year < CHARTER_YEAR_MIN || year > now.getUTCFullYear()) {
    problems.push({
      field: 'year',
      code: 'out_of_range',
      message: `year is from ${CHARTER_YEAR_MIN} to the current year.`,
    });
  }
  for (const key of Object.keys(inputs)) {
    if (!(CHARTER_INPUT_KEYS as string[]).includes(key)) {
      problems.push({ field: key, code: 'unknown', message: `${key} is not a charter input.` });
    }
  }
  for (const key of CHARTER_INPUT_KEYS) {
    const value = inputs[key];
    if (value === undefined || value === null) continue;
    const { min, max, decimals } = CHARTER_INPUTS[key];
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      value < min ||
      value > max ||
      !hasDecimals(value, decimals)
    ) {
      const what = decimals === 0 ? 'a whole number' : 'an amount with at most two decimals';
      problems.push({ field: key, code: 'out_of_range', message: `${key} is ${what} from ${min} to ${max}.` });
    }
  }
  return problems;
}
