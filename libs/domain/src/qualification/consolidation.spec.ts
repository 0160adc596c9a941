import { consolidate, type SubmittedReview } from './consolidation';
import { DEFAULT_CRITERIA, type Criterion } from './criteria';

const levels = [1, 2, 3, 4, 5].map((n) => ({ fr: `N${n}`, en: `L${n}` }));
const c = (key: string, weight: number, axis: Criterion['axis']): Criterion => ({
  key,
  label: { fr: key, en: key },
  description: { fr: key, en: key },
  weight,
  axis,
  levels,
});
const review = (reviewerId: string, scores: Record<string, number>): SubmittedReview => ({
  reviewerId,
  scores,
  comment: '',
  submittedAt: '2026-11-23T10:00:00.000Z',
});

describe('consolidating scorecards', () => {
  const set = { criteria: [c('value', 3, 'value'), c('ease', 1, 'effort'), c('other', 2, 'none')] };

  it('gives nothing but the criteria without a submitted scorecard', () => {
    const result = consolidate(set, []);
    expect(result).toMatchObject({ reviewerCount: 0, weightedScore: null, value: null, effort: null, maxSpread: null });
    expect(result.criteria.map((x) => [x.key, x.count, x.mean, x.spread])).toEqual([
      ['value', 0, null, null],
      ['ease', 0, null, null],
      ['other', 0, null, null],
    ]);
  });

  it('computes per-criterion mean, min, max and spread, and the weighted score', () => {
    const result = consolidate(set, [
      review('r1', { value: 5, ease: 2, other: 3 }),
      review('r2', { value: 1, ease: 4, other: 3 }),
    ]);
    expect(
      result.criteria.map(({ key, count, mean, min, max, spread }) => ({ key, count, mean, min, max, spread })),
    ).toEqual([
      { key: 'value', count: 2, mean: 3, min: 1, max: 5, spread: 4 },
      { key: 'ease', count: 2, mean: 3, min: 2, max: 4, spread: 2 },
      { key: 'other', count: 2, mean: 3, min: 3, max: 3, spread: 0 },
    ]);
    expect(result.reviewerCount).toBe(2);
    expect(result.weightedScore).toBe(3);
    expect(result.maxSpread).toBe(4);
  });

  it('weights the criteria: Σ weight·mean / Σ weight, rounded to two decimals once', () => {
    // (3·5 + 1·2 + 2·4) / 6 = 25 / 6 = 4.1666…
    const result = consolidate(set, [review('r1', { value: 5, ease: 2, other: 4 })]);
    expect(result.weightedScore).toBe(4.17);
    // Means are rounded for display: (5 + 4 + 4) / 3 = 4.333…
    const three = consolidate(set, [
      review('a', { value: 5, ease: 1, other: 1 }),
      review('b', { value: 4, ease: 1, other: 1 }),
      review('c', { value: 4, ease: 1, other: 1 }),
    ]);
    expect(three.criteria[0]!.mean).toBe(4.33);
    // (3·13/3 + 1 + 2) / 6 = 16/6 = 2.666… (from the unrounded mean)
    expect(three.weightedScore).toBe(2.67);
  });

  it('derives value from the value criteria and effort by turning the effort criteria around (6 − ease)', () => {
    const result = consolidate(set, [review('r1', { value: 4, ease: 5, other: 1 })]);
    expect(result.value).toBe(4);
    // Scored 5 = very easy → effort 1.
    expect(result.effort).toBe(1);
    const hard = consolidate(set, [review('r1', { value: 2, ease: 1, other: 1 })]);
    expect(hard.effort).toBe(5);
    expect(hard.value).toBe(2);
  });

  it('leaves out criteria nobody scored (a criterion added after the scorecards) from every figure', () => {
    const result = consolidate({ criteria: [...set.criteria, c('late', 10, 'value')] }, [
      review('r1', { value: 4, ease: 3, other: 2 }),
    ]);
    expect(result.criteria[3]).toMatchObject({ key: 'late', count: 0, mean: null, spread: null });
    // (3·4 + 1·3 + 2·2) / 6 = 19/6
    expect(result.weightedScore).toBe(3.17);
    expect(result.value).toBe(4);
  });

  it('ignores scores of criteria no longer in the set and values outside 1–5', () => {
    const result = consolidate(set, [review('r1', { value: 3, gone: 5, ease: 9, other: 3 })]);
    expect(result.criteria.find((x) => x.key === 'ease')).toMatchObject({ count: 0, mean: null });
    expect(result.effort).toBeNull();
    expect(result.weightedScore).toBe(3);
  });

  it('gives value and effort on the 1–5 scale with the default set', () => {
    const keys = DEFAULT_CRITERIA.map((x) => x.key);
    const all = (n: number) => Object.fromEntries(keys.map((k) => [k, n]));
    const result = consolidate({ criteria: DEFAULT_CRITERIA }, [review('a', all(5)), review('b', all(1))]);
    expect(result).toMatchObject({ weightedScore: 3, value: 3, effort: 3, maxSpread: 4, reviewerCount: 2 });
    expect(consolidate({ criteria: DEFAULT_CRITERIA }, [review('a', all(5))])).toMatchObject({
      weightedScore: 5,
      value: 5,
      effort: 1,
      maxSpread: 0,
    });
  });
});
