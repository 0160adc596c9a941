import { isFinal, pollInterval, progressOf } from './import-status';

describe('directory import progress', () => {
  it('is indeterminate until the worker has counted the rows', () => {
    expect(progressOf({ status: 'queued', processedRows: 0, totalRows: null })).toEqual({
      value: undefined,
      max: 1,
      percent: undefined,
    });
    expect(progressOf({ status: 'validating', processedRows: 0, totalRows: null }).value).toBeUndefined();
  });

  it('runs over validation then application on one bar', () => {
    expect(progressOf({ status: 'validating', processedRows: 500, totalRows: 1000 })).toEqual({
      value: 500,
      max: 2000,
      percent: 25,
    });
    expect(progressOf({ status: 'applying', processedRows: 500, totalRows: 1000 })).toEqual({
      value: 1500,
      max: 2000,
      percent: 75,
    });
    // A late progress write never pushes the bar past its phase.
    expect(progressOf({ status: 'validating', processedRows: 1200, totalRows: 1000 }).value).toBe(1000);
  });

  it('is full once the import is final, whatever its outcome', () => {
    for (const status of ['completed', 'rejected', 'failed'] as const) {
      expect(progressOf({ status, processedRows: 3, totalRows: 10 })).toEqual({ value: 1, max: 1, percent: 100 });
      expect(isFinal(status)).toBe(true);
      expect(pollInterval(status)).toBe(false);
    }
    expect(isFinal('applying')).toBe(false);
    expect(pollInterval('applying')).toBeGreaterThan(0);
  });
});
