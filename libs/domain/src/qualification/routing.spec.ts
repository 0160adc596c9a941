import type { RoleAssignment } from '../access/roles';
import { chooseReviewers, DEFAULT_REVIEWER_COUNT, reviewerRefusal, type RoutingCandidate } from './routing';

/** The idea sits in unit u-a1 of direction dir-a, theme mobility. */
const target = { orgUnitPath: ['root', 'dir-a', 'u-a1'], themes: ['mobility'] };
const unit = (orgUnitId: string): RoleAssignment => ({
  role: 'network_member',
  scope: { kind: 'org_unit', orgUnitId },
});
const theme = (t: string): RoleAssignment => ({ role: 'network_member', scope: { kind: 'theme', theme: t } });
const org: RoleAssignment = { role: 'network_member', scope: { kind: 'organisation' } };

function member(
  personId: string,
  assignments: RoleAssignment[],
  openAssignments = 0,
  absence: RoutingCandidate['absence'] = null,
): RoutingCandidate {
  return { personId, assignments, openAssignments, absence };
}

describe('routing an idea to reviewers', () => {
  it('chooses only members whose unit or theme scope covers the idea', () => {
    const choice = chooseReviewers({
      target,
      authorIds: [],
      reviewerCount: 5,
      candidates: [
        member('p-unit', [unit('dir-a')]),
        member('p-other-unit', [unit('dir-b')]),
        member('p-theme', [theme('mobility')]),
        member('p-other-theme', [theme('energy')]),
        member('p-org', [org]),
        member('p-committee', [{ role: 'committee_member', scope: { kind: 'organisation' } }]),
      ],
    });
    expect(choice.reviewerIds.sort()).toEqual(['p-org', 'p-theme', 'p-unit']);
    expect(choice.unrouted).toBe(false);
  });

  it('gives the idea to the least loaded members, two by default, ties broken by id', () => {
    const candidates = [
      member('p-c', [org], 3),
      member('p-b', [org], 1),
      member('p-a', [org], 1),
      member('p-d', [org], 0),
    ];
    const choice = chooseReviewers({ target, authorIds: [], candidates });
    expect(DEFAULT_REVIEWER_COUNT).toBe(2);
    expect(choice.reviewerIds).toEqual(['p-d', 'p-a']);
    // The same facts in another order give the same reviewers.
    expect(chooseReviewers({ target, authorIds: [], candidates: [...candidates].reverse() }).reviewerIds).toEqual([
      'p-d',
      'p-a',
    ]);
  });

  it('never chooses an author of the idea', () => {
    const choice = chooseReviewers({
      target,
      authorIds: ['p-a'],
      candidates: [member('p-a', [org], 0), member('p-b', [org], 4), member('p-c', [org], 9)],
    });
    expect(choice.reviewerIds).toEqual(['p-b', 'p-c']);
    expect(reviewerRefusal(member('p-a', [org]), target, ['p-a'])).toBe('is_author');
  });

  it('replaces an absent member by their delegate, and skips one without a usable delegate', () => {
    const choice = chooseReviewers({
      target,
      authorIds: ['p-author'],
      reviewerCount: 3,
      candidates: [
        member('p-away', [org], 0, { delegateId: 'p-deputy' }),
        member('p-deputy', [unit('dir-a')], 5),
        member('p-away-alone', [org], 0, { delegateId: null }),
        member('p-away-to-author', [org], 0, { delegateId: 'p-author' }),
        member('p-author', [org], 0),
        member('p-away-out', [org], 0, { delegateId: 'p-elsewhere' }),
        member('p-elsewhere', [unit('dir-b')], 0),
        member('p-busy', [org], 7),
      ],
    });
    expect(choice.reviewerIds).toEqual(['p-deputy', 'p-busy']);
    expect(choice.delegations).toEqual([{ absentId: 'p-away', delegateId: 'p-deputy' }]);
  });

  it('does not choose an absent delegate', () => {
    const choice = chooseReviewers({
      target,
      authorIds: [],
      candidates: [
        member('p-a', [org], 0, { delegateId: 'p-b' }),
        member('p-b', [org], 0, { delegateId: 'p-a' }),
        member('p-c', [org], 2),
      ],
    });
    expect(choice.reviewerIds).toEqual(['p-c']);
  });

  it('keeps people already assigned and only tops up to the wanted count', () => {
    const choice = chooseReviewers({
      target,
      authorIds: [],
      alreadyAssignedIds: ['p-a'],
      candidates: [member('p-a', [org], 0), member('p-b', [org], 1), member('p-c', [org], 2)],
    });
    expect(choice.reviewerIds).toEqual(['p-b']);
  });

  it('flags the idea as unrouted when no member is eligible', () => {
    const choice = chooseReviewers({
      target,
      authorIds: ['p-org'],
      candidates: [member('p-org', [org]), member('p-b', [unit('dir-b')]), member('p-e', [theme('energy')])],
    });
    expect(choice).toEqual({ reviewerIds: [], delegations: [], unrouted: true });
  });
});
