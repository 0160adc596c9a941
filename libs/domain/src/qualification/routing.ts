import { hasRole, type Actor, type ScopeTarget } from '../access/policy';
import type { RoleAssignment } from '../access/roles';

/**
 * Routing ideas in qualification to reviewers (issue 5, item 2). Pure: the server gathers the active
 * network members with their scopes, open workload and absences; this chooses.
 *
 * - Eligible: a network member whose scope covers the idea (org-unit subtree or theme), who is not
 *   one of its authors (nor its capturer).
 * - An absent member is replaced by their delegate, if the delegate is eligible and present; an
 *   absent member without a usable delegate is skipped.
 * - Balance: fewest open assignments first; ties broken by person id, so the same facts always give
 *   the same reviewers.
 * - No eligible member: no reviewer; the caller flags the idea for the network (`unrouted`).
 */

/** How many reviewers an idea gets when it enters qualification. */
export const DEFAULT_REVIEWER_COUNT = 2;

export interface RoutingCandidate {
  personId: string;
  /** Their role grants (only `network_member` ones matter here). */
  assignments: readonly RoleAssignment[];
  /** Open assignments they already carry (their workload). */
  openAssignments: number;
  /** Set when they are absent now: who takes their work (null: nobody named). */
  absence: { delegateId: string | null } | null;
}

export interface RoutingInput {
  target: ScopeTarget;
  /** Authors and co-authors (and the capturer): never their own idea's reviewers. */
  authorIds: readonly string[];
  /** Active people holding the network_member role (any scope). */
  candidates: readonly RoutingCandidate[];
  reviewerCount?: number;
  /** People already assigned (kept, and not chosen twice). */
  alreadyAssignedIds?: readonly string[];
}

export interface RoutingChoice {
  reviewerIds: string[];
  /** Absent members whose delegate was chosen instead. */
  delegations: { absentId: string; delegateId: string }[];
  /** True when nobody eligible could be found: the idea waits for the network to assign it by hand. */
  unrouted: boolean;
}

export type ReviewerRefusal = 'not_network_member' | 'out_of_scope' | 'is_author' | 'absent';

function asActor(c: RoutingCandidate): Actor {
  return { personId: c.personId, orgUnitId: null, assignments: c.assignments };
}

/** Why this person may not review the idea, or null when they may (absence aside, see `resolveReviewer`). */
export function reviewerRefusal(
  candidate: RoutingCandidate,
  target: ScopeTarget,
  authorIds: readonly string[],
): Exclude<ReviewerRefusal, 'absent'> | null {
  if (!candidate.assignments.some((a) => a.role === 'network_member')) return 'not_network_member';
  if (!hasRole(asActor(candidate), 'network_member', target)) return 'out_of_scope';
  if (authorIds.includes(candidate.personId)) return 'is_author';
  return null;
}

/**
 * Who actually reviews when this candidate is chosen: themselves when present; their delegate when
 * absent and the delegate is eligible and present; nobody otherwise.
 */
export function resolveReviewer(
  candidate: RoutingCandidate,
  byId: ReadonlyMap<string, RoutingCandidate>,
  target: ScopeTarget,
  authorIds: readonly string[],
): RoutingCandidate | null {
  if (reviewerRefusal(candidate, target, authorIds) !== null) return null;
  if (!candidate.absence) return candidate;
  const delegate = candidate.absence.delegateId ? byId.get(candidate.absence.delegateId) : undefined;
  if (!delegate || delegate.absence || reviewerRefusal(delegate, target, authorIds) !== null) return null;
  return delegate;
}

/** Chooses the reviewers of an idea entering qualification. */
export function chooseReviewers(input: RoutingInput): RoutingChoice {
  const wanted = input.reviewerCount ?? DEFAULT_REVIEWER_COUNT;
  const taken = new Set(input.alreadyAssignedIds ?? []);
  const byId = new Map(input.candidates.map((c) => [c.personId, c]));
  const pool = new Map<string, RoutingCandidate>();
  const delegations: RoutingChoice['delegations'] = [];
  for (const candidate of input.candidates) {
    const reviewer = resolveReviewer(candidate, byId, input.target, input.authorIds);
    if (!reviewer || taken.has(reviewer.personId)) continue;
    if (reviewer !== candidate) delegations.push({ absentId: candidate.personId, delegateId: reviewer.personId });
    pool.set(reviewer.personId, reviewer);
  }
  const ranked = [...pool.values()].sort(
    (a, b) => a.openAssignments - b.openAssignments || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0),
  );
  const reviewerIds = ranked.slice(0, Math.max(0, wanted - taken.size)).map((c) => c.personId);
  return {
    reviewerIds,
    // Only the delegations that actually produced a chosen reviewer are worth telling.
    delegations: delegations.filter((d) => reviewerIds.includes(d.delegateId)),
    unrouted: reviewerIds.length === 0 && taken.size === 0,
  };
}
