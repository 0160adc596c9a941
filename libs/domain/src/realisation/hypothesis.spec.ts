import { formatHypothesis, HYPOTHESIS_LIMITS, validateHypothesis } from './hypothesis';

const valid = { change: 'a shared calendar', audience: 'front-desk agents', expectedResult: 'halve double bookings' };

describe('hypothesis', () => {
  it('accepts the three parts', () => {
    expect(validateHypothesis(valid)).toEqual([]);
  });

  it('names each blank, over-long or NUL-carrying part', () => {
    const problems = validateHypothesis({
      change: '  ',
      audience: 'x'.repeat(HYPOTHESIS_LIMITS.partMax + 1),
      expectedResult: 'a\u0000b',
    });
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['change', 'required'],
      ['audience', 'maxLength'],
      ['expectedResult', 'nul_byte'],
    ]);
  });

  it('reads as one sentence in each language', () => {
    expect(formatHypothesis(valid, 'en')).toBe(
      'We believe that a shared calendar for front-desk agents will halve double bookings.',
    );
    expect(formatHypothesis(valid, 'fr')).toBe(
      'Nous pensons que a shared calendar pour front-desk agents permettra de halve double bookings.',
    );
  });
});
