import { IDEA_STATUSES } from './idea';
import { WALL_SORTS, WALL_STAGES } from './wall';

describe('the wall', () => {
  it('shows every status but the ones still in the authors’ or the checker’s hands', () => {
    expect(WALL_STAGES).toEqual(IDEA_STATUSES.filter((s) => !['emerge', 'collect', 'returned'].includes(s)));
  });

  it('orders by date, supports, trend or relevance', () => {
    expect([...WALL_SORTS].sort()).toEqual(['most_supported', 'newest', 'relevance', 'trending']);
  });
});
