import { recordOutcome, validateExperimentDates, validateMeasure } from './experiment';

const h = { change: 'a kiosk', audience: 'visitors', expectedResult: 'shorten the queue' };
const d = (iso: string) => new Date(iso);

describe('experiment outcomes', () => {
  it('validated asks the committee for decide_implement', () => {
    expect(recordOutcome('running', 1, { outcome: 'validated' })).toEqual({
      ok: true,
      status: 'validated',
      effect: 'ask_committee_for_implement',
    });
  });

  it('pivot keeps the experiment running with a new hypothesis, superseding the current version', () => {
    expect(
      recordOutcome('running', 2, { outcome: 'pivot', newHypothesis: h, reason: 'queue moved elsewhere' }),
    ).toEqual({
      ok: true,
      status: 'running',
      effect: 'new_hypothesis',
      newHypothesis: h,
      supersededVersion: 2,
    });
  });

  it('pivot names the faulty part of the new hypothesis', () => {
    const r = recordOutcome('running', 1, { outcome: 'pivot', newHypothesis: { ...h, audience: '' }, reason: 'r' });
    expect(r).toEqual({
      ok: false,
      reason: 'invalid',
      problems: [expect.objectContaining({ field: 'newHypothesis.audience', code: 'required' })],
    });
  });

  it('stopped runs the lifecycle stop and needs learnings', () => {
    expect(recordOutcome('running', 1, { outcome: 'stopped', learnings: ' Nobody used it. ' })).toEqual({
      ok: true,
      status: 'stopped',
      effect: 'stop_idea',
      command: { type: 'stop', learnings: 'Nobody used it.' },
    });
    expect(recordOutcome('running', 1, { outcome: 'stopped', learnings: ' ' })).toEqual({
      ok: false,
      reason: 'invalid',
      problems: [expect.objectContaining({ field: 'learnings', code: 'required' })],
    });
  });

  it('records nothing on an experiment that already has an outcome', () => {
    expect(recordOutcome('validated', 1, { outcome: 'stopped', learnings: 'x' })).toEqual({
      ok: false,
      reason: 'not_running',
    });
    expect(recordOutcome('stopped', 1, { outcome: 'validated' })).toEqual({ ok: false, reason: 'not_running' });
  });
});

describe('experiment protocol', () => {
  it('needs dates in order and at most two years apart', () => {
    expect(validateExperimentDates(d('2027-01-01'), d('2027-03-01'))).toEqual([]);
    expect(validateExperimentDates(d('2027-03-01'), d('2027-01-01'))[0]?.code).toBe('before_start');
    expect(validateExperimentDates(d('2027-01-01'), d('2029-06-01'))[0]?.code).toBe('too_long');
  });

  it('refuses a measure with an absurd or non-finite target', () => {
    expect(validateMeasure({ label: 'Wait', unit: 'min', target: 10 })).toEqual([]);
    expect(validateMeasure({ label: 'Wait', unit: 'min', target: 1e18 })[0]?.field).toBe('target');
    expect(validateMeasure({ label: 'Wait', unit: 'min', target: Number.NaN })[0]?.field).toBe('target');
  });
});
