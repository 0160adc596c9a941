import {
  budgetSummary,
  canCompleteImplementation,
  expectedProgress,
  isCurrentVersion,
  isMilestoneLate,
  projectProgress,
  projectStatus,
  validateAmount,
  validateMilestone,
  type Milestone,
} from './milestones';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const m = (over: Partial<Milestone>): Milestone => ({
  weight: 1,
  dueOn: d('2027-06-30'),
  status: 'open',
  progress: 0,
  dropReason: null,
  ...over,
});
const start = d('2027-01-01');

describe('milestone progress roll-up', () => {
  it('weights progress and counts done as 100', () => {
    expect(projectProgress([m({ weight: 3, status: 'done', progress: 10 }), m({ weight: 1, progress: 40 })])).toBe(85);
  });

  it('leaves dropped milestones out of both sides', () => {
    expect(
      projectProgress([m({ weight: 1, status: 'done' }), m({ weight: 9, status: 'dropped', dropReason: 'no budget' })]),
    ).toBe(100);
  });

  it('is 0 with nothing to count', () => {
    expect(projectProgress([])).toBe(0);
  });

  it('expects each milestone linearly from the start to the end of its due day', () => {
    const ms = [m({ weight: 1, dueOn: d('2027-01-10') }), m({ weight: 1, dueOn: d('2027-01-20') })];
    // 2027-01-11: first due (100), second 10/20 days elapsed of its span → 50.
    expect(expectedProgress(ms, start, d('2027-01-11'))).toBe(75);
    expect(expectedProgress(ms, start, d('2026-12-01'))).toBe(0);
  });
});

describe('project status', () => {
  it('is done when every milestone is done or dropped with a reason', () => {
    expect(
      projectStatus(
        [m({ status: 'done' }), m({ status: 'dropped', dropReason: 'merged into #2' })],
        start,
        d('2028-01-01'),
      ),
    ).toBe('done');
  });

  it('is late when a milestone is past its due day and not done', () => {
    const ms = [m({ dueOn: d('2027-03-01'), progress: 90 })];
    expect(isMilestoneLate(ms[0]!, d('2027-03-01'))).toBe(false);
    expect(projectStatus(ms, start, d('2027-03-01'))).toBe('on_track');
    expect(projectStatus(ms, start, d('2027-03-02'))).toBe('late');
  });

  it('is at risk when expected − actual exceeds 15 points, on track at 15', () => {
    // Due 2027-04-10 (end of day = 100 days after start); at day 50 expected 50.
    const due = d('2027-04-10');
    const at = d('2027-02-20');
    expect(expectedProgress([m({ dueOn: due })], start, at)).toBe(50);
    expect(projectStatus([m({ dueOn: due, progress: 35 })], start, at)).toBe('on_track');
    expect(projectStatus([m({ dueOn: due, progress: 34 })], start, at)).toBe('at_risk');
  });

  it('late wins over at risk', () => {
    expect(projectStatus([m({ dueOn: d('2027-01-05') }), m({ dueOn: d('2027-12-01') })], start, d('2027-02-01'))).toBe(
      'late',
    );
  });
});

describe('canCompleteImplementation', () => {
  it('refuses an open milestone, a drop without a reason, or nothing done', () => {
    expect(canCompleteImplementation([m({ status: 'done' }), m({})])).toBe(false);
    expect(canCompleteImplementation([m({ status: 'done' }), m({ status: 'dropped', dropReason: '  ' })])).toBe(false);
    expect(canCompleteImplementation([m({ status: 'dropped', dropReason: 'x' })])).toBe(false);
    expect(canCompleteImplementation([])).toBe(false);
    expect(canCompleteImplementation([m({ status: 'done' }), m({ status: 'dropped', dropReason: 'x' })])).toBe(true);
  });
});

describe('milestone input', () => {
  const ok = {
    title: 'Train agents',
    weight: 5,
    dueOn: d('2027-02-01'),
    status: 'open' as const,
    progress: 0,
    dropReason: null,
  };
  it('accepts a sensible milestone', () => {
    expect(validateMilestone(ok, start)).toEqual([]);
  });
  it('names each wrong field', () => {
    const fields = validateMilestone({ ...ok, weight: 0.5, progress: 101, dueOn: d('2026-12-01') }, start).map(
      (p) => p.field,
    );
    expect(fields).toEqual(['weight', 'progress', 'dueOn']);
    expect(validateMilestone({ ...ok, status: 'dropped' }, start).map((p) => `${p.field}:${p.code}`)).toEqual([
      'dropReason:required',
    ]);
  });
  it('detects a stale version', () => {
    expect(isCurrentVersion(3, 3)).toBe(true);
    expect(isCurrentVersion(2, 3)).toBe(false);
  });
});

describe('budget', () => {
  it('sums spending in cents and flags overspending', () => {
    expect(budgetSummary(1000, [0.1, 0.2, 999.8])).toEqual({
      planned: 1000,
      spent: 1000.1,
      remaining: -0.1,
      spentPercent: 100,
      overspent: true,
    });
    expect(budgetSummary(0, [])).toEqual({ planned: 0, spent: 0, remaining: 0, spentPercent: null, overspent: false });
  });
  it('refuses negative, absurd or sub-cent amounts', () => {
    expect(validateAmount('planned', 12.5)).toEqual([]);
    expect(validateAmount('planned', 0.1)).toEqual([]);
    expect(validateAmount('planned', -1)).toHaveLength(1);
    expect(validateAmount('planned', 1e18)).toHaveLength(1);
    expect(validateAmount('planned', 0.001)).toHaveLength(1);
  });
});
