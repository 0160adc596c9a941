import {
  answeredWithinGuarantee,
  days,
  durationSummary,
  funnel,
  funnelFromCounts,
  FUNNEL_LABELS,
  FUNNEL_STEPS,
  guaranteeShare,
  summariseDurations,
  furthestStep,
  ideasPer100Staff,
  isInHeadcount,
  participationRate,
  percent,
  percentile,
  REPORT_FIGURE_LABELS,
  REPORT_FIGURES,
  reportPeriod,
  YEAR_ON_YEAR_FIGURES,
  YEAR_ON_YEAR_LABELS,
  yearOverYear,
} from './report-figures';
import { DAY_MS } from '../qualification/deadlines';

const at = (iso: string) => new Date(iso);

describe('annual report figures', () => {
  it('has a French and an English label for every figure', () => {
    for (const f of REPORT_FIGURES) {
      expect(REPORT_FIGURE_LABELS[f].fr.length).toBeGreaterThan(0);
      expect(REPORT_FIGURE_LABELS[f].en.length).toBeGreaterThan(0);
    }
  });

  it('names every year-on-year row in both languages, the charter figures by their own names', () => {
    for (const f of YEAR_ON_YEAR_FIGURES) {
      expect(YEAR_ON_YEAR_LABELS[f].fr.length).toBeGreaterThan(0);
      expect(YEAR_ON_YEAR_LABELS[f].en.length).toBeGreaterThan(0);
    }
    expect(YEAR_ON_YEAR_LABELS.participation_rate).toBe(REPORT_FIGURE_LABELS.participation_rate);
  });

  it('names every funnel step in both languages, each name once', () => {
    for (const locale of ['fr', 'en'] as const) {
      const names = FUNNEL_STEPS.map((step) => FUNNEL_LABELS[step][locale]);
      expect(names.every((n) => n.length > 0)).toBe(true);
      expect(new Set(names).size).toBe(FUNNEL_STEPS.length);
    }
  });

  it('computes participation and ideas per 100 staff with one decimal, null without headcount', () => {
    expect(participationRate(123, 1000)).toBe(12.3);
    expect(participationRate(1, 3)).toBe(33.3);
    expect(participationRate(2, 3)).toBe(66.7);
    expect(participationRate(1, 8)).toBe(12.5);
    expect(participationRate(1, 16)).toBe(6.3); // 6.25 rounds half away from zero, as SQL round() does
    expect(participationRate(0, 0)).toBeNull();
    expect(ideasPer100Staff(57, 200)).toBe(28.5);
    expect(ideasPer100Staff(3, 0)).toBeNull();
    expect(percent(0, 5)).toBe(0);
  });

  it('counts in a year’s headcount the people active at some time during it', () => {
    const person = (created: string, deactivated: string | null) => ({
      createdAt: at(created),
      deactivatedAt: deactivated === null ? null : at(deactivated),
    });
    expect(isInHeadcount(person('2020-05-01T00:00:00Z', null), 2026)).toBe(true);
    expect(isInHeadcount(person('2026-12-31T23:59:59Z', null), 2026)).toBe(true);
    expect(isInHeadcount(person('2027-01-01T00:00:00Z', null), 2026)).toBe(false);
    expect(isInHeadcount(person('2020-05-01T00:00:00Z', '2026-01-01T00:00:00Z'), 2026)).toBe(true);
    expect(isInHeadcount(person('2020-05-01T00:00:00Z', '2025-12-31T23:59:59Z'), 2026)).toBe(false);
  });

  it('places an idea at the furthest step it reached, decisions past "go" included', () => {
    expect(furthestStep(['emerge'])).toBeNull();
    expect(furthestStep(['emerge', 'collect', 'returned', 'collect', 'visible'])).toBe('published');
    expect(furthestStep(['collect', 'visible', 'qualify', 'decide', 'implement'])).toBe('implementation');
    expect(furthestStep(['collect', 'visible', 'qualify', 'decide', 'parked', 'decide', 'prototype', 'stopped'])).toBe(
      'go',
    );
    expect(furthestStep(['collect', 'visible', 'qualify', 'decide', 'implement', 'follow_up', 'closed'])).toBe(
      'in_service',
    );
    expect(furthestStep(['collect', 'declined'])).toBe('submitted');
  });

  it('counts the funnel cumulatively with conversions at every step', () => {
    const rows = funnel(['submitted', 'submitted', 'published', 'decision', 'implementation', null]);
    expect(rows.map((r) => r.count)).toEqual([5, 3, 2, 2, 1, 1, 0]);
    expect(rows.map((r) => r.conversion)).toEqual([null, 60, 66.7, 100, 50, 100, 0]);
    expect(rows[5]?.ofSubmitted).toBe(20);
    const empty = funnel([]);
    expect(empty.every((r) => r.count === 0 && r.conversion === null && r.ofSubmitted === null)).toBe(true);
  });

  it('gives the same funnel from the counts at each furthest step (what SQL groups)', () => {
    const ideas = ['submitted', 'submitted', 'published', 'decision', 'implementation', 'in_service'] as const;
    expect(funnelFromCounts({ submitted: 2, published: 1, decision: 1, implementation: 1, in_service: 1 })).toEqual(
      funnel([...ideas]),
    );
    expect(funnelFromCounts({}).every((r) => r.count === 0 && r.ofSubmitted === null)).toBe(true);
  });

  it('summarises SQL percentiles and guarantee counts like the list forms', () => {
    const durations = [1, 2, 3, 10].map((d) => d * DAY_MS);
    expect(summariseDurations(4, 2 * DAY_MS, 10 * DAY_MS)).toEqual(durationSummary(durations));
    expect(summariseDurations(0, null, null)).toEqual({ count: 0, medianDays: null, p90Days: null });
    expect(guaranteeShare(3, 2)).toEqual({ judged: 3, within: 2, percent: 66.7 });
    expect(guaranteeShare(0, 0).percent).toBeNull();
  });

  it('never lets a funnel count grow down the steps', () => {
    const steps = [
      'submitted',
      'published',
      'qualification',
      'decision',
      'go',
      'implementation',
      'in_service',
      null,
    ] as const;
    let seed = 3;
    for (let run = 0; run < 100; run++) {
      const ideas = Array.from({ length: run }, () => {
        seed = (seed * 48271) % 2147483647;
        return steps[seed % steps.length]!;
      });
      const counts = funnel(ideas).map((r) => r.count);
      for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeLessThanOrEqual(counts[i - 1]!);
      expect(counts[0]).toBe(ideas.filter((x) => x !== null).length);
    }
  });

  it('takes percentiles by nearest rank, the median being the lower middle value', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([4, 1, 3, 2], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5], 50)).toBe(3);
    expect(
      percentile(
        Array.from({ length: 10 }, (_, i) => i + 1),
        90,
      ),
    ).toBe(9);
    expect(
      percentile(
        Array.from({ length: 20 }, (_, i) => i + 1),
        90,
      ),
    ).toBe(18);
    expect(
      percentile(
        Array.from({ length: 11 }, (_, i) => i + 1),
        90,
      ),
    ).toBe(10);
    expect(percentile([5, 1], 0)).toBe(1);
    expect(percentile([5, 1], 100)).toBe(5);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('summarises durations in days with one decimal', () => {
    expect(days(DAY_MS * 1.25)).toBe(1.3);
    expect(durationSummary([DAY_MS, 3 * DAY_MS, 2 * DAY_MS, 10 * DAY_MS])).toEqual({
      count: 4,
      medianDays: 2,
      p90Days: 10,
    });
    expect(durationSummary([])).toEqual({ count: 0, medianDays: null, p90Days: null });
  });

  it('judges the guarantee on answered or overdue ideas only', () => {
    const cutoff = at('2027-01-01T00:00:00Z');
    const share = answeredWithinGuarantee(
      [
        {
          submittedAt: at('2026-03-01T00:00:00Z'),
          firstAnswerAt: at('2026-03-20T00:00:00Z'),
          withdrawnUnansweredAt: null,
        }, // within
        {
          submittedAt: at('2026-03-01T00:00:00Z'),
          firstAnswerAt: at('2026-03-31T00:00:00Z'),
          withdrawnUnansweredAt: null,
        }, // exactly 30 days: within
        {
          submittedAt: at('2026-03-01T00:00:00Z'),
          firstAnswerAt: at('2026-04-01T00:00:00Z'),
          withdrawnUnansweredAt: null,
        }, // late
        { submittedAt: at('2026-06-01T00:00:00Z'), firstAnswerAt: null, withdrawnUnansweredAt: null }, // overdue, unanswered: late
        { submittedAt: at('2026-12-20T00:00:00Z'), firstAnswerAt: null, withdrawnUnansweredAt: null }, // not due yet: not judged
        {
          submittedAt: at('2026-12-20T00:00:00Z'),
          firstAnswerAt: at('2027-01-05T00:00:00Z'),
          withdrawnUnansweredAt: null,
        }, // answered after the cut-off: not judged
        {
          submittedAt: at('2026-05-01T00:00:00Z'),
          firstAnswerAt: null,
          withdrawnUnansweredAt: at('2026-05-10T00:00:00Z'),
        }, // withdrawn in time
        {
          submittedAt: at('2026-05-01T00:00:00Z'),
          firstAnswerAt: null,
          withdrawnUnansweredAt: at('2026-07-10T00:00:00Z'),
        }, // withdrawn when already late
      ],
      30,
      cutoff,
    );
    expect(share).toEqual({ judged: 5, within: 2, percent: 40 });
    expect(answeredWithinGuarantee([], 30, cutoff)).toEqual({ judged: 0, within: 0, percent: null });
  });

  it('compares years: a count in units and percent, a rate in points', () => {
    expect(yearOverYear(120, 100, 'count')).toEqual({ current: 120, previous: 100, change: 20, changePercent: 20 });
    expect(yearOverYear(15, 12.5, 'rate')).toEqual({ current: 15, previous: 12.5, change: 2.5, changePercent: null });
    expect(yearOverYear(0.3, 0.1, 'rate').change).toBe(0.2);
    expect(yearOverYear(5, 0, 'count').changePercent).toBeNull();
    expect(yearOverYear(5, null, 'count')).toEqual({ current: 5, previous: null, change: null, changePercent: null });
    expect(yearOverYear(1, 3, 'count')).toMatchObject({ change: -2, changePercent: -66.7 });
  });

  it('ends a past year at 1 January and the current year now', () => {
    expect(reportPeriod(2026, at('2027-02-01T00:00:00Z'))).toEqual({
      from: at('2026-01-01T00:00:00Z'),
      cutoff: at('2027-01-01T00:00:00Z'),
      complete: true,
    });
    expect(reportPeriod(2027, at('2027-02-01T00:00:00Z'))).toMatchObject({
      cutoff: at('2027-02-01T00:00:00Z'),
      complete: false,
    });
  });
});
