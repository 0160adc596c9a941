import type { FieldProblem } from '../errors/domain-error';
import { checkText } from './text';

/**
 * The experiment's hypothesis, in three parts so it reads "we believe that <change> for <audience>
 * will <expected result>" (« nous pensons que … pour … permettra de … »).
 */
export interface Hypothesis {
  change: string;
  audience: string;
  expectedResult: string;
}

/** Characters per part: one or two sentences each; the protocol holds the details. */
export const HYPOTHESIS_LIMITS = { partMax: 500 } as const;

export function validateHypothesis(h: Hypothesis): FieldProblem[] {
  const problems: FieldProblem[] = [];
  checkText('change', h.change, HYPOTHESIS_LIMITS.partMax, problems);
  checkText('audience', h.audience, HYPOTHESIS_LIMITS.partMax, problems);
  checkText('expectedResult', h.expectedResult, HYPOTHESIS_LIMITS.partMax, problems);
  return problems;
}

/** The sentence shown on the experiment page. */
export function formatHypothesis(h: Hypothesis, locale: 'fr' | 'en'): string {
  const [change, audience, result] = [h.change.trim(), h.audience.trim(), h.expectedResult.trim()];
  return locale === 'fr'
    ? `Nous pensons que ${change} pour ${audience} permettra de ${result}.`
    : `We believe that ${change} for ${audience} will ${result}.`;
}
