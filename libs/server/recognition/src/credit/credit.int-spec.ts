import 'reflect-metadata';
import { appendIdeaEvents, type NewIdeaEvent } from '@eclore/server-ideas';
import { createServiceTestContext, type ServiceTestContext } from '../../../../../test/harness/service-context';
import { makeIdea, makePerson, makeUnit, refusal, type TestPerson } from '../../../../../test/harness';
import { ContributionsService } from '../contributions/contributions.service';
import { LedgerRecorder } from '../ledger';
import { RecognitionModule } from '../recognition.module';
import { CreditService } from './credit.service';

/** Credit shares and "my contributions" on real PostgreSQL, from ledger entries the recorder wrote. */
describe('credit shares and my contributions (real PostgreSQL)', () => {
  let ctx: ServiceTestContext;
  let credit: CreditService;
  let author: TestPerson;
  let hidden: TestPerson;
  let member: TestPerson;
  let network: TestPerson;
  let outsider: TestPerson;
  let openId: string;
  let secretId: string;

  const record = async (events: NewIdeaEvent[]) => {
    await ctx.ds.transaction((m) => appendIdeaEvents(m, events));
    const rows: { id: string }[] = await ctx.ds.query('SELECT id::text AS id FROM idea_event ORDER BY id');
    await ctx.get(LedgerRecorder).record(rows.map((r) => r.id));
  };
  const ev = (ideaId: string, type: string, extra: Partial<NewIdeaEvent> = {}): NewIdeaEvent => ({
    ideaId,
    type,
    actorId: null,
    public: false,
    data: {},
    ...extra,
  });

  beforeAll(async () => {
    ctx = await createServiceTestContext({ label: 'credit_i14b', imports: [RecognitionModule] });
    credit = ctx.get(CreditService);
    const unit = await makeUnit(ctx.ds);
    const elsewhere = await makeUnit(ctx.ds);
    author = await makePerson(ctx.ds, { unit, password: null });
    hidden = await makePerson(ctx.ds, { unit, password: null, givenName: 'Zoë', familyName: 'Ørsted' });
    member = await makePerson(ctx.ds, { unit, password: null });
    network = await makePerson(ctx.ds, { unit, password: null, roles: [{ role: 'network_member', unit }] });
    outsider = await makePerson(ctx.ds, { unit, password: null, roles: [{ role: 'network_member', unit: elsewhere }] });
    openId = (await makeIdea(ctx.ds, { authors: [author.person], unit, status: 'implement' })).id;
    secretId = (await makeIdea(ctx.ds, { authors: [hidden.person], unit, status: 'implement', anonymous: true })).id;
    await record([
      ev(openId, 'submit', { fromStatus: 'emerge', actorId: author.person.id }),
      ev(openId, 'team_member_joined', { actorId: member.person.id }),
      ev(openId, 'supported'),
      ev(secretId, 'submit', { fromStatus: 'emerge' }),
      ev(secretId, 'team_member_joined', { actorId: member.person.id }),
      ev(secretId, 'qualify', { actorId: network.person.id }),
    ]);
  });
  afterAll(() => ctx?.close());

  it('splits the default 60/30 between author and team when no network took part', async () => {
    const view = await credit.read(member.actor, openId);
    expect(view).toMatchObject({
      isDefault: true,
      groupShares: { authors: 60, team: 30, network: 10 },
      changedAt: null,
    });
    expect(view.people.map((p) => [p.person?.id, p.basisPoints, p.groups])).toEqual(
      expect.arrayContaining([
        [author.person.id, 6667, ['authors']],
        [member.person.id, 3333, ['team']],
      ]),
    );
    expect(view.people.reduce((s, p) => s + p.basisPoints, 0)).toBe(10_000);
  });

  it('shows an anonymous author as such to everyone but themself', async () => {
    const toOthers = await credit.read(network.actor, secretId);
    const anonymous = toOthers.people.filter((p) => p.anonymousAuthor);
    expect(anonymous).toEqual([{ person: null, anonymousAuthor: true, basisPoints: 6000, groups: ['authors'] }]);
    const text = JSON.stringify(toOthers);
    for (const marker of [hidden.person.id, hidden.person.givenName, hidden.person.familyName])
      expect(text).not.toContain(marker);
    // Named people come first, the anonymous author last, whatever the ids' order.
    expect(toOthers.people[toOthers.people.length - 1]!.anonymousAuthor).toBe(true);

    const toThemself = await credit.read(hidden.actor, secretId);
    expect(toThemself.people.find((p) => p.person?.id === hidden.person.id)?.basisPoints).toBe(6000);
  });

  it('lets the network in scope change the shares, with a reason in the audit log and a history', async () => {
    const input = { authors: 40, team: 40, network: 20, reason: 'The team carried the roll-out.' };
    const view = await credit.set(network.actor, openId, input, null);
    expect(view).toMatchObject({ isDefault: false, groupShares: { authors: 40, team: 40, network: 20 } });
    // Still no network member credited on this idea: 40:40 splits the whole.
    expect(view.people.map((p) => p.basisPoints).sort()).toEqual([5000, 5000]);
    await credit.set(network.actor, openId, { ...input, authors: 50, team: 30 }, null);
    const history: { authors: number; reason: string; set_by: string }[] = await ctx.ds.query(
      'SELECT authors, reason, set_by FROM credit_share_override WHERE idea_id = $1 ORDER BY id',
      [openId],
    );
    expect(history.map((h) => [h.authors, h.set_by])).toEqual([
      [40, network.person.id],
      [50, network.person.id],
    ]);
    const audit: { action: string; data: Record<string, unknown> }[] = await ctx.ds.query(
      `SELECT action, data FROM audit_event WHERE subject_id = $1 AND action = 'credit.shares_set' ORDER BY id`,
      [openId],
    );
    expect(audit.map((a) => a.data)).toEqual([
      { authors: 40, team: 40, network: 20, reason: input.reason },
      { authors: 50, team: 30, network: 20, reason: input.reason },
    ]);
    expect((await credit.read(author.actor, openId)).groupShares).toEqual({ authors: 50, team: 30, network: 20 });
  });

  it('refuses shares out of range or not summing to 100 and a missing reason, naming the field', async () => {
    const base = { authors: 60, team: 30, network: 10, reason: 'ok' };
    expect(await refusal(credit.set(network.actor, openId, { ...base, team: 101, network: -1 }, null))).toEqual({
      code: 'validation_failed',
      fields: ['team', 'network'],
    });
    expect(await refusal(credit.set(network.actor, openId, { ...base, authors: 70 }, null))).toEqual({
      code: 'validation_failed',
      fields: ['authors'],
    });
    expect(await refusal(credit.set(network.actor, openId, { ...base, reason: '  ' }, null))).toEqual({
      code: 'validation_failed',
      fields: ['reason'],
    });
  });

  it('refuses the change to an employee and to a network member scoped elsewhere', async () => {
    const input = { authors: 60, team: 30, network: 10, reason: 'x' };
    expect(await refusal(credit.set(member.actor, openId, input, null))).toMatchObject({ code: 'role_required' });
    expect(await refusal(credit.set(outsider.actor, openId, input, null))).toMatchObject({ code: 'out_of_scope' });
  });

  it('lists my contributions, my anonymous ones to me alone', async () => {
    const mine = await ctx.get(ContributionsService).mine(hidden.actor);
    expect(mine.items.map((i) => [i.ideaId, i.kind, i.anonymous])).toEqual([[secretId, 'authored', true]]);
    expect(mine.totals).toEqual([{ kind: 'authored', count: 1 }]);
    const theirs = await ctx.get(ContributionsService).mine(member.actor);
    expect(theirs.items.map((i) => i.ideaId).sort()).toEqual([openId, secretId].sort());
    // Only the member's own entries: nothing of the hidden author appears in their list.
    expect(JSON.stringify(theirs)).not.toContain(hidden.person.id);
    expect(theirs.totals).toEqual([{ kind: 'team_member', count: 2 }]);
  });
});
