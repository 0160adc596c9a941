/**
 * What time it is for the answer-time guarantee. The scheduler and the deadline handlers read it so
 * a test can move time forward (the integration test does not wait 25 real days); production uses
 * the system clock. Provided under DEADLINE_CLOCK; absent = the system clock.
 */
export interface Clock {
  now(): Date;
}

export const DEADLINE_CLOCK = Symbol('DEADLINE_CLOCK');

export const systemClock: Clock = { now: () => new Date() };
