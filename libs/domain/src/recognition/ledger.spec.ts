import { IDEA_COMMANDS } from '../ideas/transitions';
import {
  CONTRIBUTION_KINDS,
  CONTRIBUTION_RULES,
  LEDGER_EVENT_TYPES,
  contributionKey,
  distinctContributors,
  entriesToClaim,
  isContributionKind,
  ledgerEntries,
  ruleOf,
  rulesForEvent,
  showContributor,
  totalsByKind,
  type RecordedContribution,
  type ResolvedPerson,
} from './ledger';

const person = (personId: string, anonymousAuthor = false): ResolvedPerson => ({ personId, anonymousAuthor });

describe('contribution ledger', () => {
  it('has the fifteen kinds of the issue, each recorded by at least one event type', () => {
    expect(CONTRIBUTION_KINDS).toEqual([
      'authored',
      'co_authored',
      'captured_on_behalf',
      'commented',
      'comment_adopted',
      'supported',
      'reviewed',
      'qualified',
      'decided',
      'team_member',
      'experiment_lead',
      'implementation_owner',
      'milestone_done',
      'measurement_validated',
      'replicated',
    ]);
    for (const kind of CONTRIBUTION_KINDS) expect(CONTRIBUTION_RULES[kind].eventTypes.length).toBeGreaterThan(0);
    expect(isContributionKind('authored')).toBe(true);
    expect(isContributionKind('toString')).toBe(false);
  });

  it('reads lifecycle commands that exist in the transition table', () => {
    for (const type of [
      'submit',
      'qualify',
      'decide_prototype',
      'decide_implement',
      'park',
      'decline',
      'complete_implementation',
    ]) {
      expect(IDEA_COMMANDS).toContain(type);
      expect(LEDGER_EVENT_TYPES).toContain(type);
    }
  });

  it('reads the events the realisation and the qualification really write, each to its kind', () => {
    const kindsOf = (type: string) => rulesForEvent({ id: '1', type, fromStatus: null }).map((r) => r.kind);
    expect(kindsOf('team_member_joined')).toEqual(['team_member']);
    expect(kindsOf('team_formed')).toEqual(['team_member']);
    expect(kindsOf('experiment_validated')).toEqual(['experiment_lead']);
    expect(kindsOf('experiment_stopped')).toEqual(['experiment_lead']);
    expect(kindsOf('milestone_done')).toEqual(['milestone_done']);
    expect(kindsOf('impact.measurement_validated')).toEqual(['measurement_validated']);
    expect(kindsOf('replication_adopted')).toEqual(['replicated']);
    expect(kindsOf('scorecard_submitted')).toEqual(['reviewed']);
    // The joiner acts; the authors placed in the team at its formation are listed in the event's data.
    expect(ruleOf('team_member').person).toEqual(['actor', 'data_people']);
    // Steps that are no contribution of their own record nothing.
    for (const type of ['team_invited', 'team_lead_changed', 'experiment_pivot', 'replicated_from', 'hypothesis_set'])
      expect(kindsOf(type)).toEqual([]);
  });

  it('credits supports to nobody, by name never, and keeps them out of participation', () => {
    const entries = ledgerEntries({ id: '7', type: 'supported', fromStatus: null }, () => [person('p')]);
    expect(entries).toEqual([
      { idempotencyKey: '7:supported:-', eventId: '7', kind: 'supported', personId: null, anonymous: false },
    ]);
    expect(
      showContributor({ ideaId: 'i', kind: 'supported', personId: 'p', anonymous: false, claimedAt: null }, 'p'),
    ).toEqual({
      kind: 'counted_only',
    });
    expect(distinctContributors([{ kind: 'supported', personId: 'p' }])).toBe(0);
  });

  it('counts authorship on the first submission only, not on a resubmission after a return', () => {
    expect(rulesForEvent({ id: '1', type: 'submit', fromStatus: 'emerge' }).map((r) => r.kind)).toEqual(['authored']);
    expect(rulesForEvent({ id: '2', type: 'submit', fromStatus: 'returned' })).toEqual([]);
  });

  it('counts a committee decline as a decision and a network decline as none', () => {
    expect(rulesForEvent({ id: '1', type: 'decline', fromStatus: 'decide' }).map((r) => r.kind)).toEqual(['decided']);
    expect(rulesForEvent({ id: '2', type: 'decline', fromStatus: 'qualify' })).toEqual([]);
    expect(rulesForEvent({ id: '3', type: 'decide_implement', fromStatus: 'prototype' }).map((r) => r.kind)).toEqual([
      'decided',
    ]);
  });

  it('records nothing for events that are not contributions', () => {
    for (const type of ['edited', 'mentioned', 'accept', 'withdraw', 'co_author_invited']) {
      expect(ledgerEntries({ id: '1', type, fromStatus: 'collect' }, () => [person('p')])).toEqual([]);
    }
  });

  it('gives one key per (event, kind, person): a replay computes the same keys and a duplicate person is kept once', () => {
    const event = { id: '42', type: 'team_member_joined', fromStatus: null };
    const first = ledgerEntries(event, () => [person('a'), person('b'), person('a')]);
    const replay = ledgerEntries(event, () => [person('b'), person('a')]);
    expect(first.map((e) => e.idempotencyKey)).toEqual(['42:team_member:a', '42:team_member:b']);
    expect(new Set(replay.map((e) => e.idempotencyKey))).toEqual(new Set(first.map((e) => e.idempotencyKey)));
    expect(contributionKey('42', 'team_member', 'a')).not.toBe(contributionKey('43', 'team_member', 'a'));
    expect(contributionKey('42', 'team_member', 'a')).not.toBe(contributionKey('42', 'experiment_lead', 'a'));
  });

  it('asks the resolver for each rule of an event and marks an anonymous author anonymous', () => {
    const asked: string[] = [];
    const entries = ledgerEntries({ id: '9', type: 'experiment_validated', fromStatus: null }, (rule, kind) => {
      asked.push(`${kind}:${rule.person}`);
      return [person('anon', true)];
    });
    expect(asked).toEqual(['experiment_lead:data_person']);
    expect(entries[0]).toMatchObject({ personId: 'anon', anonymous: true });
  });

  describe('anonymity', () => {
    const anon: RecordedContribution = {
      ideaId: 'i',
      kind: 'authored',
      personId: 'anon',
      anonymous: true,
      claimedAt: null,
    };

    it('shows an unclaimed anonymous entry by name to its person only', () => {
      expect(showContributor(anon, 'someone')).toEqual({ kind: 'anonymous_author' });
      expect(showContributor(anon, null)).toEqual({ kind: 'anonymous_author' });
      expect(showContributor(anon, 'anon')).toEqual({ kind: 'person', personId: 'anon' });
      expect(showContributor({ ...anon, claimedAt: new Date() }, 'someone')).toEqual({
        kind: 'person',
        personId: 'anon',
      });
    });

    it('counts anonymous entries in totals and participation without needing their identity shown', () => {
      const entries = [anon, { ...anon, kind: 'commented' as const }, { ...anon, personId: 'named', anonymous: false }];
      expect(totalsByKind(entries)).toMatchObject({ authored: 2, commented: 1, supported: 0 });
      expect(distinctContributors(entries)).toBe(2);
    });

    it('claims every anonymous entry of the person on that idea, and nothing else', () => {
      const entries: RecordedContribution[] = [
        anon,
        { ...anon, kind: 'team_member' },
        { ...anon, ideaId: 'other' },
        { ...anon, personId: 'someone-else' },
        { ...anon, kind: 'commented', claimedAt: new Date() },
      ];
      expect(entriesToClaim(entries, 'anon', 'i')).toEqual([entries[0], entries[1]]);
      expect(entriesToClaim(entries, 'stranger', 'i')).toEqual([]);
    });
  });

  it('keeps network duties out of participation and authors, team and adopted comments in it', () => {
    const participates = CONTRIBUTION_KINDS.filter((k) => CONTRIBUTION_RULES[k].participation);
    expect(participates).toEqual(
      expect.arrayContaining(['authored', 'co_authored', 'commented', 'comment_adopted', 'team_member']),
    );
    expect(participates).not.toContain('qualified');
    expect(participates).not.toContain('decided');
    expect(participates).not.toContain('supported');
  });
});
