import { portfolioFiltersFromParams, portfolioQuery } from './portfolio-params';

describe('portfolio filters in the address bar', () => {
  it('keeps the known filters and drops what the API would refuse', () => {
    const id = '0b7e2a4c-1d2e-4f5a-8b9c-0d1e2f3a4b5c';
    const f = portfolioFiltersFromParams(
      new URLSearchParams(`kind=solution&campaignId=${id}&orgUnitId=nope&theme=care&assigneeId=${id}&late=true&x=1`),
    );
    expect(f).toEqual({ kind: 'solution', campaignId: id, orgUnitId: '', theme: 'care', assigneeId: id, late: 'true' });
    expect(portfolioQuery(f)).toEqual({
      kind: 'solution',
      campaignId: id,
      theme: 'care',
      assigneeId: id,
      late: 'true',
    });
  });

  it('sends nothing when nothing valid is set', () => {
    expect(
      portfolioQuery(portfolioFiltersFromParams(new URLSearchParams('kind=idea&late=maybe&assigneeId=me'))),
    ).toEqual({});
  });
});
