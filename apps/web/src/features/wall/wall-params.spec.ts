import { effectiveSort, filtersFromParams, paramsFromFilters, WALL_STAGES } from './wall-params';

describe('wall filters in the address bar', () => {
  it('round-trips the filters that are set', () => {
    const params = new URLSearchParams(
      'q=vélo&kind=solution&stage=qualify&campaignId=0b6b6a3e-2c7e-4b8e-9d1e-3f2a1b0c9d8e&theme=mobilite&sort=trending',
    );
    const filters = filtersFromParams(params);
    expect(paramsFromFilters(filters)).toEqual({
      q: 'vélo',
      kind: 'solution',
      stage: 'qualify',
      campaignId: '0b6b6a3e-2c7e-4b8e-9d1e-3f2a1b0c9d8e',
      theme: 'mobilite',
      sort: 'trending',
    });
  });

  it('drops unknown values instead of sending them', () => {
    const filters = filtersFromParams(new URLSearchParams('kind=idea&stage=emerge&campaignId=nope&sort=oldest'));
    expect(paramsFromFilters(filters)).toEqual({});
  });

  it('sorts by relevance only when there are words', () => {
    expect(effectiveSort(filtersFromParams(new URLSearchParams('q=velo')))).toBe('relevance');
    expect(effectiveSort(filtersFromParams(new URLSearchParams('sort=relevance')))).toBe('newest');
    expect(paramsFromFilters(filtersFromParams(new URLSearchParams('sort=relevance')))).toEqual({});
    expect(effectiveSort(filtersFromParams(new URLSearchParams('q=velo&sort=most_supported')))).toBe('most_supported');
  });

  it('offers only stages seen on the wall', () => {
    expect(WALL_STAGES).toContain('visible');
    expect(WALL_STAGES).not.toContain('emerge');
    expect(WALL_STAGES).not.toContain('collect');
    expect(WALL_STAGES).not.toContain('returned');
  });
});
