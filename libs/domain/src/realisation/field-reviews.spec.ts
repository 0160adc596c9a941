import {
  addMonths,
  canClose,
  DEFAULT_FIELD_REVIEW_SETTINGS,
  fieldReviewSchedule,
  fieldReviewState,
  reviewJobAction,
  validateFieldReviewAnswer,
  validateFieldReviewSettings,
} from './field-reviews';

const t = (iso: string) => new Date(iso);

describe('return-to-field schedule', () => {
  it('defaults to 3 and 12 months after go-live, reminder a week later, late a fortnight later', () => {
    const [first, last] = fieldReviewSchedule(t('2027-01-15T09:00:00Z'));
    expect(first).toEqual({
      ordinal: 1,
      monthsAfterGoLive: 3,
      dueAt: t('2027-04-15T09:00:00Z'),
      remindAt: t('2027-04-22T09:00:00Z'),
      lateAt: t('2027-04-29T09:00:00Z'),
    });
    expect(last?.dueAt).toEqual(t('2028-01-15T09:00:00Z'));
  });

  it('clamps the day to the end of a shorter month', () => {
    expect(addMonths(t('2027-11-30T00:00:00Z'), 3)).toEqual(t('2028-02-29T00:00:00Z'));
    expect(addMonths(t('2027-01-31T12:00:00Z'), 1)).toEqual(t('2027-02-28T12:00:00Z'));
  });

  it('validates the organisation setting', () => {
    expect(validateFieldReviewSettings(DEFAULT_FIELD_REVIEW_SETTINGS)).toEqual([]);
    const fields = (s: Partial<typeof DEFAULT_FIELD_REVIEW_SETTINGS>) =>
      validateFieldReviewSettings({ ...DEFAULT_FIELD_REVIEW_SETTINGS, ...s }).map((p) => p.field);
    expect(fields({ monthsAfterGoLive: [12, 3] })).toEqual(['monthsAfterGoLive']);
    expect(fields({ monthsAfterGoLive: [] })).toEqual(['monthsAfterGoLive']);
    expect(fields({ monthsAfterGoLive: [0] })).toEqual(['monthsAfterGoLive']);
    expect(fields({ remindAfterDays: 20 })).toEqual(['lateAfterDays']);
  });
});

describe('a review over time', () => {
  const r = {
    dueAt: t('2027-04-15T00:00:00Z'),
    remindAt: t('2027-04-22T00:00:00Z'),
    lateAt: t('2027-04-29T00:00:00Z'),
    answeredAt: null,
  };

  it('is asked, reminded once, then late', () => {
    expect(fieldReviewState(r, t('2027-04-01T00:00:00Z'))).toBe('scheduled');
    expect(fieldReviewState(r, t('2027-04-15T00:00:00Z'))).toBe('due');
    expect(fieldReviewState(r, t('2027-04-22T00:00:00Z'))).toBe('reminded');
    expect(fieldReviewState(r, t('2027-04-29T00:00:00Z'))).toBe('late');
    expect(fieldReviewState({ ...r, answeredAt: t('2027-04-30T00:00:00Z') }, t('2027-05-01T00:00:00Z'))).toBe(
      'answered',
    );
  });

  it('lets a job act only when due and unanswered', () => {
    expect(reviewJobAction('remind', r, t('2027-04-21T23:59:59Z'))).toBe(false);
    expect(reviewJobAction('remind', r, t('2027-04-22T00:00:00Z'))).toBe(true);
    expect(
      reviewJobAction('report_late', { ...r, answeredAt: t('2027-04-20T00:00:00Z') }, t('2027-05-01T00:00:00Z')),
    ).toBe(false);
  });
});

describe('canClose', () => {
  const review = (due: string, answered: string | null) => ({
    dueAt: t(due),
    remindAt: t(due),
    lateAt: t(due),
    answeredAt: answered === null ? null : t(answered),
  });
  it('needs the last review answered, whatever the earlier ones', () => {
    expect(
      canClose([review('2028-01-15T00:00:00Z', '2028-01-20T00:00:00Z'), review('2027-04-15T00:00:00Z', null)]),
    ).toBe(true);
    expect(
      canClose([review('2027-04-15T00:00:00Z', '2027-04-16T00:00:00Z'), review('2028-01-15T00:00:00Z', null)]),
    ).toBe(false);
    expect(canClose([])).toBe(false);
  });
});

describe('review answer', () => {
  it('needs the three answers', () => {
    expect(
      validateFieldReviewAnswer({ whatHappened: 'Used daily', unexpected: 'Night shift too', whoUsesIt: 'Agents' }),
    ).toEqual([]);
    expect(
      validateFieldReviewAnswer({ whatHappened: '', unexpected: 'x', whoUsesIt: 'y' }).map((p) => p.field),
    ).toEqual(['whatHappened']);
  });
});
