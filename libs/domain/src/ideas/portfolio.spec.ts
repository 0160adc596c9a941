import { IDEA_STATUSES, isEndState } from './idea';
import { PORTFOLIO_COLUMNS, PORTFOLIO_STATUSES, isPortfolioStatus } from './portfolio';

describe('portfolio columns', () => {
  it('lists every status but the draft stage, once: stages in timeline order, then waiting, then ended', () => {
    expect([...PORTFOLIO_STATUSES].sort()).toEqual(IDEA_STATUSES.filter((s) => s !== 'emerge').sort());
    expect(PORTFOLIO_COLUMNS.map((c) => c.group)).toEqual([
      ...Array(7).fill('stage'),
      'waiting',
      'waiting',
      ...Array(5).fill('ended'),
    ]);
    expect(new Set(PORTFOLIO_STATUSES).size).toBe(PORTFOLIO_STATUSES.length);
    expect(PORTFOLIO_COLUMNS.filter((c) => c.group === 'stage').map((c) => c.status)).toEqual([
      'collect',
      'visible',
      'qualify',
      'decide',
      'prototype',
      'implement',
      'follow_up',
    ]);
  });

  it('groups the waiting states apart from the final ones', () => {
    expect(PORTFOLIO_COLUMNS.filter((c) => c.group === 'waiting').map((c) => c.status)).toEqual(['returned', 'parked']);
    for (const c of PORTFOLIO_COLUMNS.filter((col) => col.group === 'ended')) expect(isEndState(c.status)).toBe(true);
  });

  it('refuses drafts and unknown values as a column', () => {
    expect(isPortfolioStatus('emerge')).toBe(false);
    expect(isPortfolioStatus('nope')).toBe(false);
    expect(isPortfolioStatus('qualify')).toBe(true);
  });
});
