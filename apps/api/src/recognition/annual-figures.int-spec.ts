import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import type { OrgUnit } from '@eclore/server-identity';
import { expectProblem, makePerson, makeUnit } from '../../../../test/harness';
import { createApiTestContext, type ApiTestContext, type Member } from '../../../../test/harness/api-context';

/**
 * The annual figures over real HTTP: a scope out of reach is a 403 problem+json, bad input a 400
 * problem+json naming the field, never a 500. The figures themselves are checked in
 * libs/server/recognition/src/report/annual-figures.int-spec.ts.
 */
describe('annual figures API', () => {
  let ctx: ApiTestContext;
  let ds: DataSource;
  let unit: OrgUnit;
  let other: OrgUnit;
  let hr: Member;
  let lead: Member;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'annual_figures_api' });
    ({ ds } = ctx);
    unit = await makeUnit(ds);
    other = await makeUnit(ds);
    [hr, lead] = await Promise.all([
      ctx.signInAs(await makePerson(ds, { roles: ['hr'] })),
      ctx.signInAs(await makePerson(ds, { unit, roles: [{ role: 'network_lead', unit }] })),
    ]);
  });

  afterAll(() => ctx?.close());

  it('answers a network lead for their unit and refuses another scope with 403 problem+json', async () => {
    const mine = await lead.get(`/api/recognition/annual-figures?year=${year}&orgUnitId=${unit.id}`).expect(200);
    expect(mine.body).toMatchObject({ year, scope: { id: unit.id } });
    expectProblem(
      await lead.get(`/api/recognition/annual-figures?year=${year}&orgUnitId=${other.id}`),
      403,
      'out_of_scope',
    );
    expectProblem(await lead.get(`/api/recognition/annual-figures?year=${year}`), 403, 'out_of_scope');
  });

  it('refuses a year out of range or an unknown unit with 400 problem+json naming the field', async () => {
    for (const [query, field] of [
      ['year=1999', 'year'],
      [`year=${year + 1}`, 'year'],
      ['year=twenty', 'year'],
      ['', 'year'],
      [`year=${year}&orgUnitId=not-a-uuid`, 'orgUnitId'],
      [`year=${year}&orgUnitId=00000000-0000-4000-8000-000000000000`, 'orgUnitId'],
    ] as const)
      expectProblem(await hr.get(`/api/recognition/annual-figures?${query}`), 400, 'validation_failed', field);
  });
});
