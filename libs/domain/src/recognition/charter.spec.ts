import {
  CHARTER_INPUT_KEYS,
  DEFAULT_CHARTER,
  validateCharter,
  validateCharterInputs,
  validateCommitment,
} from './charter';
import { REPORT_FIGURES } from './report-figures';

const now = new Date('2027-03-01T00:00:00Z');

describe('the charter', () => {
  it('has the seven commitments of the charter, in order, each valid and with indicators', () => {
    expect(DEFAULT_CHARTER.map((c) => c.key)).toEqual([
      'train',
      'practise',
      'communicate',
      'measure_and_report',
      'recognise',
      'link_hr_quality_rd',
      'celebrate',
    ]);
    expect(validateCharter(DEFAULT_CHARTER)).toEqual([]);
    for (const c of DEFAULT_CHARTER) expect(c.indicators.length).toBeGreaterThan(0);
  });

  it('attaches every report figure to at least one default commitment, so each figure has a section', () => {
    const attached = new Set(DEFAULT_CHARTER.flatMap((c) => c.indicators));
    expect(REPORT_FIGURES.filter((f) => !attached.has(f))).toEqual([]);
  });

  it('attaches each HR input to a commitment', () => {
    const attached = new Set<string>(DEFAULT_CHARTER.flatMap((c) => c.indicators));
    for (const input of CHARTER_INPUT_KEYS) expect(attached.has(input)).toBe(true);
  });

  it('refuses a bad commitment naming the field', () => {
    expect(
      validateCommitment({ key: 'Train!', title: { fr: 'Former', en: '' }, indicators: ['nope'] }).map((p) => p.field),
    ).toEqual(['key', 'title.en', 'indicators']);
    expect(
      validateCommitment({ key: 'x', title: { fr: 'a', en: 'b' }, indicators: ['budget', 'budget'] })[0]?.field,
    ).toBe('indicators');
    expect(validateCharter([])[0]?.field).toBe('commitments');
    const twice = validateCharter([DEFAULT_CHARTER[0]!, DEFAULT_CHARTER[0]!]);
    expect(twice).toEqual([expect.objectContaining({ field: 'commitments.1.key', code: 'duplicate' })]);
  });

  describe('yearly inputs', () => {
    it('accepts inputs within bounds and leaves omitted ones unknown', () => {
      expect(
        validateCharterInputs(
          2026,
          { people_trained: 120, communication_actions: 14, celebrations_held: 2, budget: 15000.5 },
          now,
        ),
      ).toEqual([]);
      expect(validateCharterInputs(2027, { people_trained: 0 }, now)).toEqual([]);
      expect(validateCharterInputs(2026, { budget: 0.1 + 0.2 }, now)).toEqual([]);
      expect(validateCharterInputs(2026, { people_trained: null }, now)).toEqual([]);
    });

    it('refuses out-of-range, fractional, non-numeric and unknown inputs naming the field', () => {
      const problems = validateCharterInputs(
        2026,
        { people_trained: -1, communication_actions: 2.5, celebrations_held: '3', budget: 1e12, morale: 10 },
        now,
      );
      expect(problems.map((p) => p.field).sort()).toEqual([
        'budget',
        'celebrations_held',
        'communication_actions',
        'morale',
        'people_trained',
      ]);
      expect(validateCharterInputs(2026, { budget: 10.005 }, now)[0]?.field).toBe('budget');
      expect(validateCharterInputs(2026, { people_trained: Number.NaN }, now)[0]?.field).toBe('people_trained');
      expect(validateCharterInputs(2026, { people_trained: 1_000_001 }, now)[0]?.field).toBe('people_trained');
    });

    it('takes years from 2000 to the current year', () => {
      expect(validateCharterInputs(1999, {}, now)[0]?.field).toBe('year');
      expect(validateCharterInputs(2028, {}, now)[0]?.field).toBe('year');
      expect(validateCharterInputs(2026.5, {}, now)[0]?.field).toBe('year');
      expect(validateCharterInputs(2000, {}, now)).toEqual([]);
    });
  });
});
