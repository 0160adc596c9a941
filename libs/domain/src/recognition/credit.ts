import type { FieldProblem } from '../errors/domain-error';
import { ruleOf, type ContributionKind, type CreditGroup } from './ledger';

/**
 * Credit shares (parts de reconnaissance) per idea: who gets what share of the credit for it.
 * The idea's credit is split between three groups, then equally between the people of each group.
 * Shares are whole hundredths of a percent (basis points, 10 000 = 100 %) and always sum to exactly
 * 100 % over the people credited.
 */
export const CREDIT_GROUPS = ['authors', 'team', 'network'] as const satisfies readonly CreditGroup[];

export type CreditShares = Readonly<Record<CreditGroup, number>>;

/** The default: authors 60 %, team 30 %, network 10 % (whole percents). */
export const DEFAULT_CREDIT_SHARES: CreditShares = { authors: 60, team: 30, network: 10 };

export const CREDIT_LIMITS = { reasonMax: 1_000 } as const;

export const BASIS_POINTS = 10_000;

/**
 * An override by the network: each group a whole percent 0–100, the three summing to 100, and a
 * reason (kept in the audit entry). Names the offending field.
 */
export function validateCreditShares(input: Readonly<Record<string, unknown>>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  let sum = 0;
  for (const group of CREDIT_GROUPS) {
    const value = input[group];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100) {
      problems.push({ field: group, code: 'out_of_range', message: `${group} is a whole percent from 0 to 100.` });
    } else sum += value;
  }
  if (problems.length === 0 && sum !== 100) {
    problems.push({ field: 'authors', code: 'shares_sum', message: `The shares add up to ${sum} %, not 100 %.` });
  }
  const reason = input['reason'];
  if (typeof reason !== 'string' || reason.trim() === '') {
    problems.push({ field: 'reason', code: 'required', message: 'reason is required.' });
  } else if (reason.length > CREDIT_LIMITS.reasonMax || reason.includes('\u0000')) {
    problems.push({
      field: 'reason',
      code: 'maxLength',
      message: `reason is at most ${CREDIT_LIMITS.reasonMax} characters, no NUL byte.`,
    });
  }
  return problems;
}

/** One person's share of an idea's credit. */
export interface PersonShare {
  personId: string;
  /** Hundredths of a percent; the shares of an idea sum to 10 000. */
  basisPoints: number;
  /** The groups the person is credited in (a person in two groups gets both parts). */
  groups: CreditGroup[];
}

/**
 * Largest-remainder rounding: floors every exact share, then gives the missing units one each to the
 * largest remainders (ties: the earlier key in `keys`, which callers sort). The result sums to `total`.
 */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w * total) / sum);
  const floors = exact.map((x) => Math.floor(x + 1e-9));
  let missing = total - floors.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => ({ i, rem: x - floors[i]! })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i]! += 1;
    missing -= 1;
  }
  // Float noise can floor one unit too high; take it back from the smallest remainders.
  for (const { i } of [...order].reverse()) {
    if (missing >= 0) break;
    floors[i]! -= 1;
    missing += 1;
  }
  return floors;
}

/**
 * The shares of an idea's credited people.
 * 1. Each person is placed in the groups of their named, grouped contributions (supports and
 *    comments not adopted carry no share; a decision is the committee's duty, not credit).
 * 2. A group with nobody in it gives its share to the other groups in proportion to theirs, so an
 *    idea never decided to prototype (no team) splits 60:10 as 85.71 % : 14.29 %.
 * 3. Within a group the share is split equally between its people.
 * 4. Rounded to hundredths of a percent by largest remainder over the people (ties by person id),
 *    so the shares always sum to exactly 100 %. Nobody credited: no shares. If every group that has
 *    people was set to 0 % by an override, the people share equally.
 */
export function creditShares(
  contributions: readonly { personId: string | null; kind: ContributionKind }[],
  shares: CreditShares = DEFAULT_CREDIT_SHARES,
): PersonShare[] {
  const members: Record<CreditGroup, Set<string>> = { authors: new Set(), team: new Set(), network: new Set() };
  for (const c of contributions) {
    const rule = ruleOf(c.kind);
    if (c.personId !== null && rule.named && rule.group !== null) members[rule.group].add(c.personId);
  }
  const weightOf = new Map<string, number>();
  const groupsOf = new Map<string, CreditGroup[]>();
  for (const group of CREDIT_GROUPS) {
    const people = members[group];
    if (people.size === 0) continue;
    for (const personId of people) {
      // Exact fractions (share ÷ size) are summed before any rounding; only the last step rounds.
      weightOf.set(personId, (weightOf.get(personId) ?? 0) + shares[group] / people.size);
      groupsOf.set(personId, [...(groupsOf.get(personId) ?? []), group]);
    }
  }
  const people = [...weightOf.keys()].sort();
  const weights = people.map((p) => weightOf.get(p)!);
  // Every group with people was given 0 %: nothing to scale, so the people share equally.
  const usable = weights.some((w) => w > 0) ? weights : weights.map(() => 1);
  const points = apportion(usable, BASIS_POINTS);
  return people.map((personId, i) => ({ personId, basisPoints: points[i]!, groups: groupsOf.get(personId)! }));
}

/** Basis points as a percent string with two decimals: 3333 → "33.33". */
export function formatShare(basisPoints: number): string {
  return (basisPoints / 100).toFixed(2);
}
