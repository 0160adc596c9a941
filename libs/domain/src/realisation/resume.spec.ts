import { isResumeDue, parkedResumeAt } from './resume';

const until = new Date('2027-05-01T00:00:00Z');

describe('resume of a parked idea', () => {
  it('is scheduled at the parking date, only while parked', () => {
    expect(parkedResumeAt({ status: 'parked', parkedUntil: until })).toEqual(until);
    expect(parkedResumeAt({ status: 'decide', parkedUntil: null })).toBeNull();
  });

  it('runs when the job fires on or after the date, and not on an idea resumed or re-parked later', () => {
    expect(isResumeDue({ status: 'parked', parkedUntil: until }, until)).toBe(true);
    expect(isResumeDue({ status: 'parked', parkedUntil: new Date('2027-09-01T00:00:00Z') }, until)).toBe(false);
    expect(isResumeDue({ status: 'decide', parkedUntil: null }, until)).toBe(false);
  });
});
