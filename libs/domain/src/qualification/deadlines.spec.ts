import {
  DAY_MS,
  DEFAULT_ANSWER_TIME_SETTINGS,
  deadlineFacts,
  deadlineJobId,
  deadlineJobStillDue,
  deadlinesFor,
  isLate,
  plannedDeadlineJobs,
  validateAnswerTimeSettings,
  type DeadlineFacts,
} from './deadlines';

const T0 = new Date('2026-03-02T09:00:00.000Z');
const days = (n: number, from = T0) => new Date(from.getTime() + n * DAY_MS);
const settings = { firstAnswerDays: 30, qualificationDays: 60, remindBeforeDays: 5 };
const facts = (over: Partial<DeadlineFacts>): DeadlineFacts => ({
  status: 'collect',
  lastSubmittedAt: T0,
  qualificationStartedAt: null,
  ...over,
});

describe('answer-time deadlines', () => {
  it('a submitted idea waits for its first answer from its submission; reminder 5 days before', () => {
    expect(deadlinesFor(facts({}), settings)).toEqual([
      { kind: 'first_answer', startedAt: T0, dueAt: days(30), remindAt: days(25) },
    ]);
  });

  it('accepting on the wall is no answer: the first-answer deadline runs on while visible', () => {
    expect(deadlinesFor(facts({ status: 'visible' }), settings).map((d) => d.kind)).toEqual(['first_answer']);
  });

  it('in qualification both deadlines apply, the qualification one from its start', () => {
    const start = days(10);
    const out = deadlinesFor(facts({ status: 'qualify', qualificationStartedAt: start }), settings);
    expect(out).toEqual([
      { kind: 'first_answer', startedAt: T0, dueAt: days(30), remindAt: days(25) },
      { kind: 'qualification', startedAt: start, dueAt: days(60, start), remindAt: days(55, start) },
    ]);
  });

  it.each([
    'emerge',
    'returned',
    'decide',
    'parked',
    'prototype',
    'declined',
    'merged',
    'withdrawn',
    'closed',
  ] as const)('no deadline once the idea is %s', (status) => {
    expect(deadlinesFor(facts({ status, qualificationStartedAt: T0 }), settings)).toEqual([]);
  });

  it('reads the latest submission and qualification start from the events', () => {
    const f = deadlineFacts({ status: 'qualify', submittedAt: T0 }, [
      { type: 'submit', occurredAt: T0 },
      { type: 'start_qualification', occurredAt: days(3) },
      { type: 'request_rework', occurredAt: days(4) },
      { type: 'submit', occurredAt: days(6) },
      { type: 'start_qualification', occurredAt: days(8) },
    ]);
    expect(f).toEqual({ status: 'qualify', lastSubmittedAt: days(6), qualificationStartedAt: days(8) });
    expect(deadlineFacts({ status: 'collect', submittedAt: T0 }, []).lastSubmittedAt).toEqual(T0);
  });

  it('no reminder when reminders are off', () => {
    expect(deadlinesFor(facts({}), { ...settings, remindBeforeDays: 0 })[0]!.remindAt).toBeNull();
  });

  it('late once a due date has passed', () => {
    const d = deadlinesFor(facts({}), settings);
    expect(isLate(d, days(29))).toBe(false);
    expect(isLate(d, days(30))).toBe(true);
    expect(isLate([], days(300))).toBe(false);
  });

  it('plans a reminder and an escalation per deadline, with ids per idea, action, deadline and due time', () => {
    const d = deadlinesFor(facts({ status: 'qualify', qualificationStartedAt: days(1) }), settings);
    const jobs = plannedDeadlineJobs('i1', d, T0);
    expect(jobs.map((j) => [j.jobId, j.fireAt])).toEqual([
      [`deadline-i1-remind-first_answer-${days(30).getTime()}`, days(25)],
      [`deadline-i1-escalate-first_answer-${days(30).getTime()}`, days(30)],
      [`deadline-i1-remind-qualification-${days(61).getTime()}`, days(56)],
      [`deadline-i1-escalate-qualification-${days(61).getTime()}`, days(61)],
    ]);
    expect(jobs.every((j) => !j.jobId.includes(':'))).toBe(true);
  });

  it('plans no reminder once the due date has passed (the escalation says more)', () => {
    const jobs = plannedDeadlineJobs('i1', deadlinesFor(facts({}), settings), days(31));
    expect(jobs.map((j) => j.action)).toEqual(['escalate']);
  });

  it('a fired job acts only if its deadline still applies with the same due date', () => {
    const d = deadlinesFor(facts({}), settings);
    const remind = { action: 'remind' as const, deadline: 'first_answer' as const, dueAt: days(30) };
    expect(deadlineJobStillDue(remind, d, days(25))).toBe(true);
    expect(deadlineJobStillDue(remind, d, days(30))).toBe(false);
    expect(deadlineJobStillDue({ ...remind, action: 'escalate' }, d, days(30))).toBe(true);
    expect(deadlineJobStillDue({ ...remind, dueAt: days(31) }, d, days(25))).toBe(false);
    expect(deadlineJobStillDue(remind, [], days(25))).toBe(false);
    expect(deadlineJobStillDue({ ...remind, deadline: 'qualification' }, d, days(25))).toBe(false);
  });

  it('job ids change with the due date only', () => {
    expect(deadlineJobId('a', 'remind', 'first_answer', T0)).toBe(
      deadlineJobId('a', 'remind', 'first_answer', new Date(T0)),
    );
    expect(deadlineJobId('a', 'remind', 'first_answer', T0)).not.toBe(
      deadlineJobId('a', 'remind', 'first_answer', days(1)),
    );
  });
});

describe('answer-time settings validation', () => {
  it('accepts the defaults', () => {
    expect(validateAnswerTimeSettings({ ...DEFAULT_ANSWER_TIME_SETTINGS })).toEqual([]);
  });

  it('names each bad field', () => {
    const problems = validateAnswerTimeSettings({ firstAnswerDays: 0, qualificationDays: 2.5, remindBeforeDays: -1 });
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['firstAnswerDays', 'outOfRange'],
      ['qualificationDays', 'isInt'],
      ['remindBeforeDays', 'outOfRange'],
    ]);
    expect(
      validateAnswerTimeSettings({ firstAnswerDays: 366, qualificationDays: '5', remindBeforeDays: 0 }).map(
        (p) => p.field,
      ),
    ).toEqual(['firstAnswerDays', 'qualificationDays']);
  });

  it('refuses a reminder as long as the shorter wait', () => {
    expect(validateAnswerTimeSettings({ firstAnswerDays: 10, qualificationDays: 60, remindBeforeDays: 10 })).toEqual([
      expect.objectContaining({ field: 'remindBeforeDays', code: 'tooLate' }),
    ]);
    expect(validateAnswerTimeSettings({ firstAnswerDays: 10, qualificationDays: 60, remindBeforeDays: 9 })).toEqual([]);
  });
});
