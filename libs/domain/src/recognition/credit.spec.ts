import { apportion, creditShares, formatShare, validateCreditShares, BASIS_POINTS } from './credit';
import { CONTRIBUTION_KINDS, type ContributionKind } from './ledger';

const c = (personId: string | null, kind: ContributionKind) => ({ personId, kind });
const byPerson = (shares: ReturnType<typeof creditShares>) =>
  Object.fromEntries(shares.map((s) => [s.personId, s.basisPoints]));

describe('credit shares', () => {
  it('splits 60/30/10 between authors, team and network, equally inside each group', () => {
    const shares = creditShares([
      c('a1', 'authored'),
      c('a2', 'co_authored'),
      c('t1', 'team_member'),
      c('t2', 'implementation_owner'),
      c('t3', 'milestone_done'),
      c('n1', 'qualified'),
    ]);
    expect(byPerson(shares)).toEqual({ a1: 3000, a2: 3000, n1: 1000, t1: 1000, t2: 1000, t3: 1000 });
  });

  it('counts a person once per group and adds their parts when they are in two groups', () => {
    const shares = creditShares([
      c('a', 'authored'),
      c('a', 'team_member'),
      c('a', 'experiment_lead'),
      c('t', 'team_member'),
      c('n', 'reviewed'),
    ]);
    expect(byPerson(shares)).toEqual({ a: 7500, t: 1500, n: 1000 });
    expect(shares.find((s) => s.personId === 'a')?.groups).toEqual(['authors', 'team']);
  });

  it('gives an empty group’s share to the others in proportion: 60:10 becomes 85.71 % : 14.29 %', () => {
    expect(byPerson(creditShares([c('a', 'authored'), c('n', 'qualified')]))).toEqual({ a: 8571, n: 1429 });
    expect(byPerson(creditShares([c('a', 'authored')]))).toEqual({ a: 10000 });
  });

  it('gives supports, plain comments and decisions no share, and an idea with nobody credited no shares', () => {
    expect(creditShares([c(null, 'supported'), c('x', 'supported'), c('y', 'commented'), c('z', 'decided')])).toEqual(
      [],
    );
  });

  it('follows a network override, and splits equally when every group with people was set to 0 %', () => {
    const shares = { authors: 50, team: 50, network: 0 };
    expect(byPerson(creditShares([c('a', 'authored'), c('t', 'team_member'), c('n', 'qualified')], shares))).toEqual({
      a: 5000,
      t: 5000,
      n: 0,
    });
    expect(
      byPerson(creditShares([c('n1', 'qualified'), c('n2', 'reviewed')], { authors: 100, team: 0, network: 0 })),
    ).toEqual({ n1: 5000, n2: 5000 });
  });

  it('always sums to exactly 100 %, whatever the group sizes (ties to the earlier person id)', () => {
    expect(
      byPerson(
        creditShares([c('a', 'authored'), c('b', 'authored'), c('c', 'authored')], {
          authors: 100,
          team: 0,
          network: 0,
        }),
      ),
    ).toEqual({
      a: 3334,
      b: 3333,
      c: 3333,
    });
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let run = 0; run < 300; run++) {
      const entries = Array.from({ length: 1 + rand(40) }, () =>
        c(`p${rand(25)}`, CONTRIBUTION_KINDS[rand(CONTRIBUTION_KINDS.length)]!),
      );
      const a = rand(101);
      const t = rand(101 - a);
      const shares = creditShares(entries, { authors: a, team: t, network: 100 - a - t });
      if (shares.length === 0) continue;
      expect(shares.reduce((s, x) => s + x.basisPoints, 0)).toBe(BASIS_POINTS);
      expect(shares.every((x) => x.basisPoints >= 0)).toBe(true);
    }
  });

  it('apportions by largest remainder', () => {
    expect(apportion([1, 1, 1], 100)).toEqual([34, 33, 33]);
    expect(apportion([2, 1], 10)).toEqual([7, 3]);
    expect(apportion([0, 0], 10)).toEqual([0, 0]);
    expect(formatShare(3333)).toBe('33.33');
  });

  it('validates an override: whole percents 0–100 that add up to 100, with a reason', () => {
    expect(validateCreditShares({ authors: 70, team: 20, network: 10, reason: 'No team yet' })).toEqual([]);
    expect(validateCreditShares({ authors: 70, team: 20, network: 20, reason: 'x' })).toEqual([
      expect.objectContaining({ field: 'authors', code: 'shares_sum' }),
    ]);
    expect(validateCreditShares({ authors: 70.5, team: -1, network: '10', reason: 'x' }).map((p) => p.field)).toEqual([
      'authors',
      'team',
      'network',
    ]);
    expect(validateCreditShares({ authors: 60, team: 30, network: 10, reason: '  ' })).toEqual([
      expect.objectContaining({ field: 'reason', code: 'required' }),
    ]);
    expect(validateCreditShares({ authors: 60, team: 30, network: 10, reason: 'x'.repeat(1001) })).toEqual([
      expect.objectContaining({ field: 'reason', code: 'maxLength' }),
    ]);
  });
});
