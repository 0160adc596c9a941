import 'reflect-metadata';
import { SessionService } from '@eclore/server-identity';
import { makeCampaign, makeIdea, makePerson, makeThemes, makeUnit } from '../../../test/harness';
import { createApiTestContext, type ApiTestContext } from '../../../test/harness/api-context';
import { requestsAfter, warmUpRequestPath } from './request-warm-up';

/**
 * The api's warm-up before it listens (main.ts, issue 15 cold start): requests through the whole
 * path, signed in with an in-memory session that ends with it, writing nothing.
 */
describe('request path warm-up', () => {
  let ctx: ApiTestContext;
  const WRITTEN = [
    'user_session',
    'audit_event',
    'support',
    'idea_follow',
    'idea_comment',
    'notification',
    'outbox_message',
  ];

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'request_warm_up' });
    const unit = await makeUnit(ctx.ds);
    const { person } = await makePerson(ctx.ds, { unit });
    await makeThemes(ctx.ds, ['mobilite']);
    const campaign = await makeCampaign(ctx.ds, { createdBy: person });
    for (const title of ['Vélos de service partagés', 'Badges perdus au parking', 'Formulaires papier en double'])
      await makeIdea(ctx.ds, { authors: [person], title, unit, campaign, themes: ['mobilite'] });
  }, 120_000);

  afterAll(async () => {
    await ctx?.close();
  });

  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        WRITTEN.map(async (table) => [table, (await ctx.ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n]),
      ),
    );

  it('sends the asked number of requests, every one answered, and writes nothing', async () => {
    const before = await counts();
    const report = await warmUpRequestPath(ctx.app, { count: 60, concurrency: 4, deadlineMs: 30_000 });
    expect(report).toMatchObject({ sent: 60, failed: 0, firstFailure: null });
    expect(await counts()).toEqual(before);
  });

  it('says what failed instead of throwing', async () => {
    const sessions = ctx.app.get(SessionService);
    const open = jest.spyOn(sessions, 'openInternalSession').mockImplementation(() => ({
      token: 'not-a-session',
      csrfToken: '',
      end: () => undefined,
    }));
    try {
      const report = await warmUpRequestPath(ctx.app, { count: 10, concurrency: 2, deadlineMs: 30_000 });
      // Without a session the first pages are refused: nothing more is built from them.
      expect(report.sent).toBe(3);
      expect(report.failed).toBe(3);
      expect(report.firstFailure).toMatch(/^GET \/wall\?sort=\w+&limit=20 → 401/);
    } finally {
      open.mockRestore();
    }
  });

  it('signs its requests in with a session that exists in memory only, and only until it ends', async () => {
    const sessions = ctx.app.get(SessionService);
    const session = sessions.openInternalSession();
    const resolved = await sessions.resolve(session.token);
    expect(resolved).toMatchObject({ actor: { orgUnitId: null, assignments: [] } });
    expect(
      (
        await ctx.ds.query(`SELECT count(*)::int AS n FROM person WHERE id = $1`, [
          typeof resolved === 'string' ? null : resolved.actor.personId,
        ])
      )[0].n,
    ).toBe(0);
    session.end();
    expect(await sessions.resolve(session.token)).toBe('unknown');
  });
});

describe('the warm-up requests', () => {
  const card = (
    id: string,
    title: string,
    extra: Partial<{ campaign: string; unit: string; themes: string[] }> = {},
  ) => ({
    id,
    title,
    themes: extra.themes ?? [],
    campaign: extra.campaign ? { id: extra.campaign } : null,
    orgUnit: extra.unit ? { id: extra.unit } : null,
  });
  const said = (requests: { method: string; path: string; expect: number }[]) =>
    requests.map((r) => `${r.method} ${r.path} ${r.expect}`);

  it('interleave every kind, built from the first pages: reads, and writes refused for an unknown idea', () => {
    const requests = requestsAfter(
      [
        {
          items: [card('i1', 'Vélos partagés', { campaign: 'c1', unit: 'u1', themes: ['mobilité'] })],
          nextCursor: 'n1',
        },
        { items: [card('i2', 'Badges', { unit: 'u2' })], nextCursor: null },
        null,
      ],
      'x0',
    );
    // One of each kind first, in order: a second page, a filter, a search, a list, an idea page, a write.
    expect(said(requests.slice(0, 6))).toEqual([
      'GET /wall?sort=newest&cursor=n1&limit=20 200',
      'GET /wall?campaignId=c1&limit=20 200',
      'GET /wall?q=v%C3%A9los&limit=20 200',
      'GET /wall?sort=newest&limit=20 200',
      'GET /ideas/i1 200',
      'PUT /ideas/x0/support 404',
    ]);
    const reads = [
      '/wall?sort=newest&cursor=n1&limit=20',
      ...['campaignId=c1', 'orgUnitId=u1', 'orgUnitId=u2', 'theme=mobilit%C3%A9'].flatMap((f) => [
        `/wall?${f}&limit=20`,
        `/wall?${f}&sort=trending&limit=20`,
      ]),
      ...['v%C3%A9los', 'partag%C3%A9s', 'badges'].flatMap((q) => [
        `/wall?q=${q}&limit=20`,
        `/wall?q=${q}&sort=newest&limit=20`,
      ]),
      '/wall?sort=newest&limit=20',
      '/wall?sort=trending&limit=20',
      '/wall?sort=most_supported&limit=20',
      ...['i1', 'i2'].flatMap((id) => ['', '/engagement', '/comments', '/timeline'].map((r) => `/ideas/${id}${r}`)),
    ];
    expect(new Set(said(requests))).toEqual(
      new Set([
        ...reads.map((path) => `GET ${path} 200`),
        'PUT /ideas/x0/support 404',
        'PUT /ideas/x0/follow 404',
        'DELETE /ideas/x0/support 404',
        'DELETE /ideas/x0/follow 404',
      ]),
    );
  });

  it('are none when no first page came back', () => {
    expect(requestsAfter([null, null, null], 'x0')).toEqual([]);
  });
});
