import 'reflect-metadata';
import { DataSource, IsNull } from 'typeorm';
import { DEFAULT_CRITERIA, PORTFOLIO_STATUSES } from '@eclore/domain';
import type { OrgUnit } from '@eclore/server-identity';
import { Idea, IdeaEvent, type IdeaStatusColumn } from '@eclore/server-ideas';
import { QualificationAssignment, Scorecard } from '@eclore/server-qualification';
import { makeCampaign, makeIdea, identityMarkers, unitByCode } from '../../../../test/harness';
import {
  createApiTestContext,
  type ApiTestContext,
  signInMany,
  type Member,
} from '../../../../test/harness/api-context';

interface Card {
  id: string;
  title: string;
  status: string;
  since: string;
  supportCount: number;
}
interface Column {
  status: string;
  group: string;
  count: number;
  items: Card[];
  nextCursor: string | null;
}

/**
 * The portfolio board over real HTTP on the real application (seeded demo organisation, real
 * PostgreSQL): grouping by status with counts, filters, keyset pages per column, the viewer's scope,
 * who may open it, and that no author is ever named.
 */
describe('portfolio board API', () => {
  let ctx: ApiTestContext;
  let ds: DataSource;
  let author: Member; // Girard (employee, DS-SOINS)
  let committee: Member; // Morel, whole organisation
  let scoped: Member; // Gagnon, network member for the Direction de la santé only
  let admin: Member; // Rochat, admin without network or committee role
  let guardian: Member; // Dubois
  let soins: OrgUnit;
  let nuit: OrgUnit;
  let finances: OrgUnit;

  /** An idea in the given status, submitted (and published unless still with the checker). */
  async function idea(
    status: IdeaStatusColumn,
    unit: OrgUnit | null,
    extra: { anonymous?: boolean; campaignId?: string; kind?: 'problem' | 'solution'; themes?: string[] } = {},
  ): Promise<Idea> {
    const created = await makeIdea(ds, {
      authors: [author.person],
      unit,
      status,
      anonymous: extra.anonymous ?? false,
      campaign: extra.campaignId ? { id: extra.campaignId } : null,
    });
    const changes: Partial<Idea> = {};
    if (status === 'collect' || status === 'returned') changes.publishedAt = null;
    if (extra.kind) changes.kind = extra.kind;
    if (extra.themes) changes.themes = extra.themes;
    if (Object.keys(changes).length) await ds.getRepository(Idea).update(created.id, changes as never);
    return created;
  }

  const board = async (who: Member, query = ''): Promise<Map<string, Column>> => {
    const res = await who.get(`/api/portfolio${query}`).expect(200);
    return new Map((res.body.columns as Column[]).map((c) => [c.status, c]));
  };
  const ids = (col: Column | undefined) => (col?.items ?? []).map((c) => c.id);

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'portfolio', seed: true });
    ({ ds } = ctx);
    [author, committee, scoped, admin, guardian] = await signInMany(ctx, [
      'Girard',
      'Morel',
      'Gagnon',
      'Rochat',
      'Dubois',
    ]);
    [soins, nuit, finances] = await Promise.all([
      unitByCode(ds, 'DS-SOINS'),
      unitByCode(ds, 'DS-SOINS-NUIT'),
      unitByCode(ds, 'DF'),
    ]);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('groups submitted ideas by status in lifecycle order, with counts, and leaves drafts out', async () => {
    const before = await board(committee);
    const collect = await idea('collect', soins);
    const qualify = await idea('qualify', finances);
    const decide = await idea('decide', null);
    const parked = await idea('parked', soins);
    const declined = await idea('declined', finances);
    const draft = await makeIdea(ds, { authors: [author.person], unit: soins, status: 'emerge' });

    const res = await committee.get('/api/portfolio').expect(200);
    const columns = res.body.columns as Column[];
    expect(columns.map((c) => c.status)).toEqual(PORTFOLIO_STATUSES);
    const after = new Map(columns.map((c) => [c.status, c]));
    for (const [status, created] of [
      ['collect', collect],
      ['qualify', qualify],
      ['decide', decide],
      ['parked', parked],
      ['declined', declined],
    ] as const) {
      expect(after.get(status)!.count).toBe(before.get(status)!.count + 1);
      expect(ids(after.get(status))).toContain(created.id);
    }
    expect(after.get('qualify')!.group).toBe('stage');
    expect(after.get('parked')!.group).toBe('waiting');
    expect(after.get('declined')!.group).toBe('ended');
    expect(res.body.total).toBe(columns.reduce((n, c) => n + c.count, 0));
    expect(JSON.stringify(res.body)).not.toContain(draft.id);
  });

  it('shows the demo seed in every kind of column', async () => {
    const columns = await board(committee);
    for (const status of ['collect', 'decide', 'prototype', 'implement', 'follow_up', 'returned', 'parked', 'declined'])
      expect(columns.get(status)!.count).toBeGreaterThan(0);
  });

  it('dates a card from the event that moved the idea into its status, else from its submission', async () => {
    const moved = await idea('qualify', soins);
    const at = new Date('2026-03-04T05:06:07.123Z');
    await ds.getRepository(IdeaEvent).insert({
      ideaId: moved.id,
      type: 'start_qualification',
      fromStatus: 'visible',
      toStatus: 'qualify',
      actorId: null,
      public: true,
      data: {},
      occurredAt: at,
    } as never);
    const page = await committee.get('/api/portfolio/columns/qualify?limit=50').expect(200);
    const card = (page.body.items as Card[]).find((c) => c.id === moved.id)!;
    expect(card.since).toBe(at.toISOString());
    // Longest in the status first: the dated card (2026-03-04) comes before the ones submitted now.
    expect((page.body.items as Card[])[0]!.id).toBe(moved.id);
    const plain = await idea('qualify', soins);
    const again = await committee.get('/api/portfolio/columns/qualify?limit=50').expect(200);
    const fresh = await ds.getRepository(Idea).findOneByOrFail({ id: plain.id });
    expect((again.body.items as Card[]).find((c) => c.id === plain.id)!.since).toBe(fresh.submittedAt!.toISOString());
  });

  it('shows a network member scoped to one direction only that direction’s ideas', async () => {
    const inside = await idea('visible', nuit);
    const outside = await idea('visible', finances);
    const unitless = await idea('visible', null);
    const mine = await board(scoped, '?limit=50');
    const visible = ids(mine.get('visible'));
    expect(visible).toContain(inside.id);
    expect(visible).not.toContain(outside.id);
    expect(visible).not.toContain(unitless.id);
    // Every card the scoped member sees belongs to the Direction de la santé.
    const all = [...mine.values()].flatMap((c) => c.items.map((i) => i.id));
    const rows = await ds.getRepository(Idea).find({ where: all.map((id) => ({ id })), relations: { orgUnit: true } });
    const health = await unitByCode(ds, 'DS');
    for (const row of rows) expect(row.orgUnit?.path).toContain(health.id);
    // Counts are scoped too.
    const total = await ds.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM idea i JOIN org_unit ou ON ou.id = i.org_unit_id
        WHERE i.status = 'visible' AND i.submitted_at IS NOT NULL AND $1::uuid = ANY (ou.path)`,
      [health.id],
    );
    expect(mine.get('visible')!.count).toBe(Number(total[0]!.n));
    const column = await scoped.get('/api/portfolio/columns/visible?limit=50').expect(200);
    expect(ids(column.body)).not.toContain(outside.id);
  });

  it('filters by campaign, org unit (with its sub-units), theme and kind', async () => {
    const campaign = await makeCampaign(ds, { createdBy: committee.person, phase: { supports: true, comments: true } });
    const inCampaign = await idea('decide', finances, { campaignId: campaign.id });
    const inNight = await idea('decide', nuit, { themes: ['mobility'] });
    const solution = await idea('decide', soins, { kind: 'solution' });

    const byCampaign = await board(committee, `?campaignId=${campaign.id}`);
    expect(ids(byCampaign.get('decide'))).toEqual([inCampaign.id]);
    expect([...byCampaign.values()].reduce((n, c) => n + c.count, 0)).toBe(1);

    const bySoins = ids((await board(committee, `?orgUnitId=${soins.id}&limit=50`)).get('decide'));
    expect(bySoins).toEqual(expect.arrayContaining([inNight.id, solution.id]));
    expect(bySoins).not.toContain(inCampaign.id);

    expect(ids((await board(committee, '?theme=mobility')).get('decide'))).toEqual([inNight.id]);

    const solutions = ids((await board(committee, '?kind=solution&limit=50')).get('decide'));
    expect(solutions).toContain(solution.id);
    expect(solutions).not.toContain(inNight.id);
  });

  it('filters by open qualification assignment', async () => {
    const assigned = await idea('qualify', soins);
    const ended = await idea('qualify', soins);
    const other = await idea('qualify', soins);
    const repo = ds.getRepository(QualificationAssignment);
    const at = new Date();
    // The demo seed gives the scoped member reviews of its own: start from an empty queue.
    await repo.update({ personId: scoped.person.id, endedAt: IsNull() }, { endedAt: at, endReason: 'removed' });
    await repo.insert([
      {
        ideaId: assigned.id,
        personId: scoped.person.id,
        assignedBy: null,
        assignedAt: at,
        endedAt: null,
        endReason: null,
      },
      {
        ideaId: ended.id,
        personId: scoped.person.id,
        assignedBy: null,
        assignedAt: at,
        endedAt: at,
        endReason: 'reassigned',
      },
      {
        ideaId: other.id,
        personId: committee.person.id,
        assignedBy: null,
        assignedAt: at,
        endedAt: null,
        endReason: null,
      },
    ] as never);
    const mine = await board(committee, `?assigneeId=${scoped.person.id}&limit=50`);
    expect(ids(mine.get('qualify'))).toEqual([assigned.id]);
    expect([...mine.values()].reduce((n, c) => n + c.count, 0)).toBe(1);
  });

  it('shows the answer-time due date and filters late ideas, counts included', async () => {
    const day = 24 * 3600 * 1000;
    const campaign = await makeCampaign(ds, { createdBy: committee.person, phase: { supports: true, comments: true } });
    const late = await idea('collect', soins, { campaignId: campaign.id });
    const onTime = await idea('collect', soins, { campaignId: campaign.id });
    const decided = await idea('decide', soins, { campaignId: campaign.id });
    const longAgo = new Date(Date.now() - 40 * day);
    await ds.getRepository(Idea).update([late.id, decided.id], { submittedAt: longAgo });
    const all = await board(committee, `?campaignId=${campaign.id}`);
    const lateCard = all.get('collect')!.items.find((c) => c.id === late.id) as Card & { dueAt: string; late: boolean };
    // The default first-answer time is 30 days from the submission.
    expect(lateCard.dueAt).toBe(new Date(longAgo.getTime() + 30 * day).toISOString());
    expect(lateCard.late).toBe(true);
    const onTimeCard = all.get('collect')!.items.find((c) => c.id === onTime.id) as Card & { late: boolean };
    expect(onTimeCard.late).toBe(false);
    // A decided idea has no running deadline, however old its submission.
    const decidedCard = all.get('decide')!.items[0] as Card & { dueAt: string | null; late: boolean };
    expect(decidedCard).toMatchObject({ id: decided.id, dueAt: null, late: false });

    const onlyLate = await board(committee, `?campaignId=${campaign.id}&late=true`);
    expect(ids(onlyLate.get('collect'))).toEqual([late.id]);
    expect([...onlyLate.values()].reduce((n, c) => n + c.count, 0)).toBe(1);
    const notLate = await board(committee, `?campaignId=${campaign.id}&late=false`);
    expect(ids(notLate.get('collect'))).toEqual([onTime.id]);
    expect(ids(notLate.get('decide'))).toEqual([decided.id]);
    const column = await committee
      .get(`/api/portfolio/columns/collect?campaignId=${campaign.id}&late=true`)
      .expect(200);
    expect(ids(column.body)).toEqual([late.id]);
    const bad = await committee.get('/api/portfolio?late=maybe').expect(400);
    expect(JSON.stringify(bad.body.errors)).toContain('late');
  });

  it('shows the consolidated weighted score of the submitted scorecards', async () => {
    const scored = await idea('decide', soins);
    const unscored = await idea('decide', soins);
    const all = (n: number) => Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.key, n]));
    const at = new Date();
    await ds.getRepository(Scorecard).insert([
      {
        ideaId: scored.id,
        reviewerId: scoped.person.id,
        status: 'submitted',
        scores: all(4),
        comment: '',
        submittedAt: at,
      },
      {
        ideaId: scored.id,
        reviewerId: committee.person.id,
        status: 'submitted',
        scores: all(2),
        comment: '',
        submittedAt: at,
      },
      // A draft does not count.
      {
        ideaId: scored.id,
        reviewerId: admin.person.id,
        status: 'draft',
        scores: all(5),
        comment: '',
        submittedAt: null,
      },
    ] as never);
    const cards = (await committee.get('/api/portfolio/columns/decide?limit=50').expect(200)).body.items as (Card & {
      weightedScore: number | null;
      reviewerCount: number;
    })[];
    expect(cards.find((c) => c.id === scored.id)).toMatchObject({ weightedScore: 3, reviewerCount: 2 });
    expect(cards.find((c) => c.id === unscored.id)).toMatchObject({ weightedScore: null, reviewerCount: 0 });
  });

  it('pages a long column by keyset: every card once, in order, same filters', async () => {
    const campaign = await makeCampaign(ds, { createdBy: committee.person, phase: { supports: true, comments: true } });
    const created = [];
    for (let i = 0; i < 7; i += 1) created.push((await idea('implement', soins, { campaignId: campaign.id })).id);
    const first = await board(committee, `?campaignId=${campaign.id}&limit=3`);
    const column = first.get('implement')!;
    expect(column.count).toBe(7);
    expect(column.items).toHaveLength(3);
    const seen = ids(column);
    let cursor = column.nextCursor;
    while (cursor) {
      const page = await committee
        .get(`/api/portfolio/columns/implement?campaignId=${campaign.id}&limit=3&cursor=${cursor}`)
        .expect(200);
      seen.push(...ids(page.body));
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual(created);
  });

  it('answers a bad status, cursor or filter with a 400 naming the field', async () => {
    const status = await committee.get('/api/portfolio/columns/emerge').expect(400);
    expect(status.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(status.body)).toContain('status');
    const garbage = await committee.get('/api/portfolio/columns/qualify?cursor=not-a-cursor').expect(400);
    expect(garbage.body.errors[0].field).toBe('cursor');
    const qualify = await board(committee, '?limit=1');
    const cursor = qualify.get('qualify')!.nextCursor!;
    const other = await committee.get(`/api/portfolio/columns/decide?cursor=${cursor}`).expect(400);
    expect(other.body.errors[0].field).toBe('cursor');
    const bad = await committee.get('/api/portfolio?campaignId=nope&limit=0').expect(400);
    expect(JSON.stringify(bad.body.errors)).toContain('campaignId');
  });

  it('is for the network and the committee only', async () => {
    for (const who of [author, admin, guardian]) {
      const res = await who.get('/api/portfolio').expect(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      await who.get('/api/portfolio/columns/qualify').expect(403);
    }
  });

  it('never names the author of an anonymous idea (nor any author)', async () => {
    const anonymous = await idea('qualify', soins, { anonymous: true });
    for (const who of [committee, scoped]) {
      const whole = await who.get('/api/portfolio?limit=50').expect(200);
      const column = await who.get('/api/portfolio/columns/qualify?limit=50').expect(200);
      expect(JSON.stringify(whole.body)).toContain(anonymous.id);
      for (const body of [whole.body, column.body]) {
        for (const marker of identityMarkers(author.person)) expect(JSON.stringify(body)).not.toContain(marker);
      }
    }
  });
});
