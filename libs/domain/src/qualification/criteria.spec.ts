import { DEFAULT_CRITERIA, validateCriteriaSet, validateScores, type Criterion } from './criteria';

const criterion = (over: Partial<Criterion> = {}): Criterion => ({
  key: 'impact',
  label: { fr: 'Impact', en: 'Impact' },
  description: { fr: 'Ce que ça change', en: 'What it changes' },
  weight: 1,
  axis: 'value',
  levels: [1, 2, 3, 4, 5].map((n) => ({ fr: `Niveau ${n}`, en: `Level ${n}` })),
  ...over,
});
const fields = (problems: { field: string; code: string }[]) => problems.map((p) => `${p.field}:${p.code}`);

describe('criteria sets', () => {
  it('ships a valid default set: the five criteria of the brief, every level described in French and English', () => {
    expect(validateCriteriaSet({ criteria: DEFAULT_CRITERIA })).toEqual([]);
    expect(DEFAULT_CRITERIA.map((c) => c.key)).toEqual([
      'user_value',
      'feasibility',
      'cost',
      'strategic_alignment',
      'replicability',
    ]);
    expect(DEFAULT_CRITERIA.filter((c) => c.axis === 'effort').map((c) => c.key)).toEqual(['feasibility', 'cost']);
    for (const c of DEFAULT_CRITERIA) {
      expect(c.levels).toHaveLength(5);
      expect(new Set(c.levels.map((l) => l.fr)).size).toBe(5);
      expect(new Set(c.levels.map((l) => l.en)).size).toBe(5);
    }
  });

  it('refuses an empty set and a set with too many criteria', () => {
    expect(fields(validateCriteriaSet({ criteria: [] }))).toEqual(['criteria:required']);
    const many = Array.from({ length: 13 }, (_, i) => criterion({ key: `c${i}` }));
    expect(fields(validateCriteriaSet({ criteria: many }))).toEqual(['criteria:too_many']);
  });

  it('names each faulty field: weights > 0, unique well-formed keys, axis, texts in both languages', () => {
    const problems = validateCriteriaSet({
      criteria: [
        criterion(),
        criterion({ weight: 0 }),
        criterion({ key: 'Bad Key', weight: -2 }),
        criterion({ key: 'other', weight: 101, axis: 'size' as never }),
        criterion({ key: 'texts', label: { fr: ' ', en: 'Label' }, description: { fr: 'D', en: '' } }),
      ],
    });
    expect(fields(problems)).toEqual([
      'criteria.1.key:duplicate',
      'criteria.1.weight:positive',
      'criteria.2.key:pattern',
      'criteria.2.weight:positive',
      'criteria.3.weight:max',
      'criteria.3.axis:enum',
      'criteria.4.label.fr:required',
      'criteria.4.description.en:required',
    ]);
  });

  it('requires exactly five levels, each described in both languages', () => {
    const four = criterion({ levels: criterion().levels.slice(0, 4) });
    expect(fields(validateCriteriaSet({ criteria: [four] }))).toEqual(['criteria.0.levels:five_levels']);
    const blank = criterion({
      levels: criterion().levels.map((l, i) => (i === 2 ? { fr: l.fr, en: '' } : l)),
    });
    expect(fields(validateCriteriaSet({ criteria: [blank] }))).toEqual(['criteria.0.levels.2.en:required']);
    const long = criterion({ label: { fr: 'x'.repeat(501), en: 'ok' } });
    expect(fields(validateCriteriaSet({ criteria: [long] }))).toEqual(['criteria.0.label.fr:max_length']);
  });
});

describe('scores', () => {
  const set = { criteria: [criterion({ key: 'a' }), criterion({ key: 'b' })] };

  it('accepts whole levels 1 to 5 and lets a draft leave criteria out', () => {
    expect(validateScores(set, { a: 1, b: 5 }, { complete: true })).toEqual([]);
    expect(validateScores(set, { a: 3 }, { complete: false })).toEqual([]);
  });

  it('refuses out-of-range, fractional and unknown scores, naming the field', () => {
    expect(fields(validateScores(set, { a: 0, b: 6 }, { complete: false }))).toEqual([
      'scores.a:out_of_range',
      'scores.b:out_of_range',
    ]);
    expect(fields(validateScores(set, { a: 2.5 }, { complete: false }))).toEqual(['scores.a:out_of_range']);
    expect(fields(validateScores(set, { a: '3' as never }, { complete: false }))).toEqual(['scores.a:out_of_range']);
    expect(fields(validateScores(set, { zz: 3 }, { complete: false }))).toEqual(['scores.zz:unknown_criterion']);
  });

  it('requires every criterion on submission', () => {
    expect(fields(validateScores(set, { a: 4 }, { complete: true }))).toEqual(['scores.b:required']);
  });
});
