/**
 * What time it is for the log book's 24-hour window and the end-date reminders. Provided under
 * REALISATION_CLOCK so a test moves time instead of waiting a day; absent = the system clock.
 */
export interface RealisationClock {
  now(): Date;
}

export const REALISATION_CLOCK = Symbol('REALISATION_CLOCK');

export const systemClock: RealisationClock = { now: () => new Date() };

/** A day `YYYY-MM-DD` as the UTC midnight the domain compares. */
export const dayDate = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

/** Today's day in UTC. */
export const today = (now: Date): string => now.toISOString().slice(0, 10);
