import { Conflict, DomainError, Forbidden, ValidationFailed } from '../errors/domain-error';
import { IDEA_STATUSES, isEndState, type IdeaState, type IdeaStatus } from './idea';
import {
  IDEA_COMMANDS,
  TRANSITIONS,
  TransitionNotAllowed,
  allowedCommands,
  findRule,
  transition,
  type IdeaActorContext,
  type IdeaCommand,
  type IdeaCommandType,
  type IdeaRoleInTransition,
  type TransitionResult,
} from './transitions';
import { EARLIER, LATER, NOW, everyone, makeIdea, personas, validCommand } from './testing';

function expectError(result: TransitionResult): DomainError {
  if (result.ok) throw new Error(`expected a refusal, got ${result.next.status}`);
  return result.error;
}

function expectOk(result: TransitionResult) {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result;
}

/** A person the rule lets act (the system only when the idea is due). */
const PERMITTED: Record<IdeaRoleInTransition, IdeaActorContext> = {
  authors: personas.author,
  network: personas.networkInScope,
  committee: personas.committeeInScope,
  idea_team: personas.ideaTeam,
  implementation_owner: personas.implementationOwner,
  system: personas.system,
};

/** Every (command, from) pair of the table, with its rule. */
const ALLOWED_PAIRS = TRANSITIONS.flatMap((rule) => rule.from.map((from) => ({ rule, from })));

/** An idea in `from` on which the rule's preconditions hold (a parked idea is due for the system). */
function ideaFor(from: IdeaStatus, who: IdeaRoleInTransition): IdeaState {
  return makeIdea(from, who === 'system' ? { parkedUntil: EARLIER } : {});
}

describe('the transition table', () => {
  it('has no two rules for the same command and status', () => {
    const keys = ALLOWED_PAIRS.map(({ rule, from }) => `${rule.command}@${from}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('never leaves an end state and reaches every status', () => {
    for (const { from } of ALLOWED_PAIRS) expect(isEndState(from)).toBe(false);
    const reached = new Set<IdeaStatus>(['emerge', ...TRANSITIONS.map((t) => t.to)]);
    expect([...reached].sort()).toEqual([...IDEA_STATUSES].sort());
  });

  it('lists the sixteen commands of the lifecycle', () => {
    expect([...IDEA_COMMANDS].sort()).toEqual(
      [
        'accept',
        'close',
        'complete_implementation',
        'decide_implement',
        'decide_prototype',
        'decline',
        'merge',
        'park',
        'qualify',
        'request_rework',
        'resume',
        'return_to_authors',
        'start_qualification',
        'stop',
        'submit',
        'withdraw',
      ].sort(),
    );
  });
});

describe('every allowed transition', () => {
  const cases = ALLOWED_PAIRS.flatMap(({ rule, from }) => rule.who.map((who) => ({ rule, from, who })));
  it.each(cases.map((c) => [c.rule.command, c.from, c.rule.to, c.who, c] as const))(
    '%s: %s → %s by %s',
    (_command, _from, _to, _who, { rule, from, who }) => {
      const idea = ideaFor(from, who);
      const ctx = PERMITTED[who];
      const { next, event } = expectOk(transition(idea, validCommand(rule.command), ctx, NOW));
      expect(next.status).toBe(rule.to);
      expect(next.id).toBe(idea.id);
      expect(event).toMatchObject({ type: rule.command, from, to: rule.to, at: NOW });
      expect(event.actorId).toBe(who === 'system' ? null : (ctx.actor as { personId: string }).personId);
    },
  );
});

describe('every forbidden transition', () => {
  const forbidden = IDEA_STATUSES.flatMap((status) =>
    IDEA_COMMANDS.filter((command) => !findRule(command, status)).map((command) => [status, command] as const),
  );

  it('covers the whole status × command grid together with the table', () => {
    expect(forbidden.length + ALLOWED_PAIRS.length).toBe(IDEA_STATUSES.length * IDEA_COMMANDS.length);
  });

  it.each(forbidden)('from %s, %s is a conflict, even for someone holding every role', (status, command) => {
    const error = expectError(transition(makeIdea(status), validCommand(command), everyone, NOW));
    expect(error).toBeInstanceOf(Conflict);
    expect(error).toBeInstanceOf(TransitionNotAllowed);
    expect(error.code).toBe('transition_not_allowed');
    expect(error.kind).toBe('conflict');
    expect(error).toMatchObject({ from: status, command });
    expect(error.message).toContain(status);
    expect(error.message).toContain(command);
  });

  it('offers no command at all on an end state', () => {
    for (const status of IDEA_STATUSES.filter(isEndState)) {
      expect(allowedCommands(makeIdea(status), everyone, NOW)).toEqual([]);
    }
  });
});

describe('who may act', () => {
  function reasonFor(
    status: IdeaStatus,
    command: IdeaCommandType,
    ctx: IdeaActorContext,
    idea = makeIdea(status),
  ): string {
    const error = expectError(transition(idea, validCommand(command), ctx, NOW));
    expect(error).toBeInstanceOf(Forbidden);
    expect(error.kind).toBe('forbidden');
    return error.code;
  }
  const pairsFor = (who: IdeaRoleInTransition) =>
    ALLOWED_PAIRS.filter(({ rule }) => rule.who.length === 1 && rule.who[0] === who).map(
      ({ rule, from }) => [rule.command, from] as const,
    );

  it.each(pairsFor('authors'))('%s from %s: authors only', (command, from) => {
    expect(reasonFor(from, command, personas.employee)).toBe('not_author');
    expect(reasonFor(from, command, personas.networkInScope)).toBe('not_author');
    expect(reasonFor(from, command, personas.committeeInScope)).toBe('not_author');
    expect(reasonFor(from, command, personas.admin)).toBe('not_author');
    expect(transition(makeIdea(from), validCommand(command), personas.author, NOW).ok).toBe(true);
  });

  it.each(pairsFor('network'))('%s from %s: a network member whose scope covers the idea', (command, from) => {
    expect(reasonFor(from, command, personas.employee)).toBe('role_required');
    expect(reasonFor(from, command, personas.author)).toBe('role_required');
    expect(reasonFor(from, command, personas.networkOutOfScope)).toBe('out_of_scope');
    expect(reasonFor(from, command, personas.committeeInScope)).toBe('role_required');
    expect(reasonFor(from, command, personas.admin)).toBe('role_required');
    expect(transition(makeIdea(from), validCommand(command), personas.networkInScope, NOW).ok).toBe(true);
    expect(transition(makeIdea(from), validCommand(command), personas.networkByTheme, NOW).ok).toBe(true);
  });

  it.each(pairsFor('committee'))('%s from %s: a committee member whose scope covers the idea', (command, from) => {
    expect(reasonFor(from, command, personas.employee)).toBe('role_required');
    expect(reasonFor(from, command, personas.networkInScope)).toBe('role_required');
    expect(reasonFor(from, command, personas.committeeOutOfScope)).toBe('out_of_scope');
    expect(transition(makeIdea(from), validCommand(command), personas.committeeInScope, NOW).ok).toBe(true);
  });

  it('lets the implementation owner, and no one else, complete the implementation', () => {
    expect(reasonFor('implement', 'complete_implementation', personas.employee)).toBe('not_implementation_owner');
    expect(reasonFor('implement', 'complete_implementation', personas.committeeInScope)).toBe(
      'not_implementation_owner',
    );
    expect(reasonFor('implement', 'complete_implementation', personas.ideaTeam)).toBe('not_implementation_owner');
  });

  it('lets the idea team, the network coaching it or the committee stop a prototype', () => {
    expect(transition(makeIdea('prototype'), validCommand('stop'), personas.ideaTeam, NOW).ok).toBe(true);
    expect(transition(makeIdea('prototype'), validCommand('stop'), personas.committeeInScope, NOW).ok).toBe(true);
    expect(transition(makeIdea('prototype'), validCommand('stop'), personas.networkInScope, NOW).ok).toBe(true);
    expect(reasonFor('prototype', 'stop', personas.employee)).toBe('not_idea_team');
    expect(reasonFor('prototype', 'stop', personas.author)).toBe('not_idea_team');
    // A network or committee member outside the idea's scope is told why, rather than "not in the team".
    expect(reasonFor('prototype', 'stop', personas.networkOutOfScope)).toBe('out_of_scope');
    expect(reasonFor('prototype', 'stop', personas.committeeOutOfScope)).toBe('out_of_scope');
  });

  it('lets the implementation owner or the network in scope close the follow-up', () => {
    expect(transition(makeIdea('follow_up'), validCommand('close'), personas.implementationOwner, NOW).ok).toBe(true);
    expect(transition(makeIdea('follow_up'), validCommand('close'), personas.networkInScope, NOW).ok).toBe(true);
    expect(reasonFor('follow_up', 'close', personas.employee)).toBe('not_implementation_owner');
    expect(reasonFor('follow_up', 'close', personas.networkOutOfScope)).toBe('out_of_scope');
    expect(reasonFor('follow_up', 'close', personas.committeeInScope)).toBe('not_implementation_owner');
  });

  it('declines by the network before the committee, by the committee after', () => {
    for (const from of ['collect', 'visible', 'qualify'] as const) {
      expect(transition(makeIdea(from), validCommand('decline'), personas.networkInScope, NOW).ok).toBe(true);
      expect(reasonFor(from, 'decline', personas.committeeInScope)).toBe('role_required');
    }
    expect(transition(makeIdea('decide'), validCommand('decline'), personas.committeeInScope, NOW).ok).toBe(true);
    expect(reasonFor('decide', 'decline', personas.networkInScope)).toBe('role_required');
  });
});

describe('the system actor', () => {
  const parked = (until: Date) => makeIdea('parked', { parkedUntil: until });

  it('resumes a parked idea once its date has passed, and clears the date', () => {
    const { next, event } = expectOk(transition(parked(EARLIER), { type: 'resume' }, personas.system, NOW));
    expect(next.status).toBe('decide');
    expect(next.parkedUntil).toBeNull();
    expect(event.actorId).toBeNull();
  });

  it('resumes exactly at the date, not before', () => {
    expect(transition(parked(NOW), { type: 'resume' }, personas.system, NOW).ok).toBe(true);
    const early = expectError(transition(parked(LATER), { type: 'resume' }, personas.system, NOW));
    expect(early).toBeInstanceOf(Forbidden);
    expect(early.code).toBe('not_due');
  });

  it('lets the committee resume before the date, but not other people', () => {
    expect(transition(parked(LATER), { type: 'resume' }, personas.committeeInScope, NOW).ok).toBe(true);
    expect(expectError(transition(parked(LATER), { type: 'resume' }, personas.networkInScope, NOW)).code).toBe(
      'role_required',
    );
    expect(expectError(transition(parked(EARLIER), { type: 'resume' }, personas.author, NOW)).code).toBe(
      'role_required',
    );
  });

  it.each(
    ALLOWED_PAIRS.filter(({ rule }) => !rule.who.includes('system')).map(
      ({ rule, from }) => [rule.command, from] as const,
    ),
  )('may not %s from %s on its own', (command, from) => {
    const error = expectError(transition(makeIdea(from), validCommand(command), personas.system, NOW));
    expect(error.code).toBe('system_not_allowed');
  });
});

describe('required fields', () => {
  const cases = ALLOWED_PAIRS.filter(({ from, rule }) => rule.required.length > 0 && from === rule.from[0]).flatMap(
    ({ rule, from }) => rule.required.map((field) => [rule.command, field, from, PERMITTED[rule.who[0]!]] as const),
  );

  function fieldProblems(result: TransitionResult) {
    const error = expectError(result);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(error.code).toBe('validation_failed');
    return error.fields.map((f) => `${f.field}:${f.code}`);
  }

  it.each(cases)('%s needs %s (missing or blank)', (command, field, from, ctx) => {
    const full = validCommand(command) as unknown as Record<string, unknown>;
    for (const bad of [undefined, '', '   ']) {
      const cmd = { ...full, [field]: bad } as unknown as IdeaCommand;
      expect(fieldProblems(transition(makeIdea(from), cmd, ctx, NOW))).toEqual([`${field}:required`]);
    }
  });

  it('wants the parking date in the future and a real date', () => {
    const park = (until: unknown) => ({ ...validCommand('park'), until }) as IdeaCommand;
    expect(fieldProblems(transition(makeIdea('decide'), park(NOW), personas.committeeInScope, NOW))).toEqual([
      'until:must_be_future',
    ]);
    expect(fieldProblems(transition(makeIdea('decide'), park(EARLIER), personas.committeeInScope, NOW))).toEqual([
      'until:must_be_future',
    ]);
    expect(
      fieldProblems(transition(makeIdea('decide'), park(new Date('nope')), personas.committeeInScope, NOW)),
    ).toEqual(['until:required']);
    expect(fieldProblems(transition(makeIdea('decide'), park('2027-01-01'), personas.committeeInScope, NOW))).toEqual([
      'until:required',
    ]);
  });

  it('reports every missing field at once', () => {
    const cmd = { type: 'park' } as IdeaCommand;
    expect(fieldProblems(transition(makeIdea('decide'), cmd, personas.committeeInScope, NOW))).toEqual([
      'rationale:required',
      'until:required',
    ]);
  });

  it('checks permission before fields, so an outsider learns nothing about the form', () => {
    const cmd = { type: 'return_to_authors' } as IdeaCommand;
    expect(expectError(transition(makeIdea('collect'), cmd, personas.employee, NOW)).code).toBe('role_required');
  });

  describe('merge', () => {
    const merge = (targetId: string, targetStatus: string) =>
      ({ type: 'merge', targetId, targetStatus }) as IdeaCommand;
    const run = (cmd: IdeaCommand) => fieldProblems(transition(makeIdea('visible'), cmd, personas.networkInScope, NOW));

    it('refuses to merge an idea into itself', () => {
      expect(run(merge('idea-1', 'visible'))).toEqual(['targetId:not_itself']);
    });

    it.each(IDEA_STATUSES.filter(isEndState))('refuses a target that is %s', (status) => {
      expect(run(merge('idea-2', status))).toEqual(['targetId:target_not_open']);
    });

    it('refuses a draft target and an unknown target status', () => {
      expect(run(merge('idea-2', 'emerge'))).toEqual(['targetId:target_not_open']);
      expect(run(merge('idea-2', 'bogus'))).toEqual(['targetId:unknown_target']);
    });

    it.each(IDEA_STATUSES.filter((s) => !isEndState(s) && s !== 'emerge'))('accepts a target that is %s', (status) => {
      const { next } = expectOk(transition(makeIdea('visible'), merge('idea-2', status), personas.networkInScope, NOW));
      expect(next.mergedIntoId).toBe('idea-2');
    });
  });

  describe('submit', () => {
    it('needs the submission rules checked', () => {
      const ctx = { ...personas.author, submissionCheck: undefined };
      expect(fieldProblems(transition(makeIdea('emerge'), { type: 'submit' }, ctx, NOW))).toEqual([
        'submission:not_checked',
      ]);
    });

    it('passes on the problems of the submission rules', () => {
      const problems = [
        { field: 'title', code: 'required', message: 'A title is required.' },
        { field: 'problemId', code: 'required', message: 'A solution names the problem it solves.' },
      ];
      const ctx = { ...personas.author, submissionCheck: { ok: false as const, problems } };
      expect(fieldProblems(transition(makeIdea('returned'), { type: 'submit' }, ctx, NOW))).toEqual([
        'title:required',
        'problemId:required',
      ]);
    });
  });
});

describe('what each transition records', () => {
  it('submits once: a resubmission keeps the first submission date', () => {
    const first = expectOk(transition(makeIdea('emerge'), { type: 'submit' }, personas.author, NOW));
    expect(first.next.submittedAt).toEqual(NOW);
    expect(first.event.public).toBe(false);
    const again = expectOk(
      transition(makeIdea('returned', { submittedAt: EARLIER }), { type: 'submit' }, personas.author, NOW),
    );
    expect(again.next.submittedAt).toEqual(EARLIER);
  });

  it('publishes on accept, keeping the first publication date after a rework', () => {
    const accepted = expectOk(transition(makeIdea('collect'), { type: 'accept' }, personas.networkInScope, NOW));
    expect(accepted.next.publishedAt).toEqual(NOW);
    expect(accepted.event.public).toBe(true);
    const reaccepted = expectOk(
      transition(makeIdea('collect', { publishedAt: EARLIER }), { type: 'accept' }, personas.networkInScope, NOW),
    );
    expect(reaccepted.next.publishedAt).toEqual(EARLIER);
  });

  it('keeps a return to the authors private, with its reason', () => {
    const { next, event } = expectOk(
      transition(
        makeIdea('collect'),
        { type: 'return_to_authors', reason: '  Too vague.  ' },
        personas.networkInScope,
        NOW,
      ),
    );
    expect(next.publishedAt).toBeNull();
    expect(event).toMatchObject({ public: false, details: { reason: 'Too vague.' } });
  });

  it('takes a reworked idea off the wall while it is with its authors', () => {
    const { next, event } = expectOk(
      transition(makeIdea('qualify'), validCommand('request_rework'), personas.networkInScope, NOW),
    );
    expect(next.status).toBe('returned');
    expect(next.publishedAt).toEqual(EARLIER);
    expect(event.public).toBe(false);
    expect(event.details.guidance).toBe('Add the figures from the pilot.');
  });

  it('publishes the reasoned answer of a qualification at once', () => {
    const { next, event } = expectOk(
      transition(makeIdea('qualify'), { type: 'qualify', answer: 'Worth it.' }, personas.networkInScope, NOW),
    );
    expect(next.answer).toEqual({ text: 'Worth it.', givenAt: NOW, publishedAt: NOW });
    expect(event).toMatchObject({ public: true, details: { answer: 'Worth it.' } });
  });

  it('answers a decline privately when the idea was never published', () => {
    const { next, event } = expectOk(
      transition(makeIdea('collect'), { type: 'decline', rationale: 'Out of scope.' }, personas.networkInScope, NOW),
    );
    expect(next.answer).toEqual({ text: 'Out of scope.', givenAt: NOW, publishedAt: null });
    expect(event.public).toBe(false);
  });

  it('records committee decisions as the answer', () => {
    for (const type of ['decide_prototype', 'decide_implement', 'decline'] as const) {
      const { next, event } = expectOk(
        transition(makeIdea('decide'), { type, rationale: 'Priority 1.' }, personas.committeeInScope, NOW),
      );
      expect(next.answer).toEqual({ text: 'Priority 1.', givenAt: NOW, publishedAt: NOW });
      expect(event.details.rationale).toBe('Priority 1.');
    }
  });

  it('parks until a date, with its rationale', () => {
    const { next, event } = expectOk(
      transition(makeIdea('decide'), validCommand('park'), personas.committeeInScope, NOW),
    );
    expect(next.parkedUntil).toEqual(LATER);
    expect(next.answer?.text).toBe('After the budget vote.');
    expect(event.details).toEqual({ rationale: 'After the budget vote.', until: LATER });
  });

  it('stops a prototype with its learnings, a result and not a failure', () => {
    const { next, event } = expectOk(transition(makeIdea('prototype'), validCommand('stop'), personas.ideaTeam, NOW));
    expect(next.status).toBe('stopped');
    expect(event.details.learnings).toBe('Users preferred the paper form.');
  });

  it('dates a withdrawal; public only if the idea had been published', () => {
    const published = expectOk(transition(makeIdea('visible'), { type: 'withdraw' }, personas.author, NOW));
    expect(published.next.withdrawnAt).toEqual(NOW);
    expect(published.event.public).toBe(true);
    const draft = expectOk(transition(makeIdea('emerge'), { type: 'withdraw' }, personas.author, NOW));
    expect(draft.event.public).toBe(false);
  });

  it('does not modify the idea it was given', () => {
    const idea = makeIdea('collect');
    const copy = { ...idea };
    expectOk(transition(idea, { type: 'accept' }, personas.networkInScope, NOW));
    expect(idea).toEqual(copy);
  });

  it('walks a problem from draft to closed', () => {
    const steps: [IdeaCommand, IdeaActorContext][] = [
      [{ type: 'submit' }, personas.author],
      [{ type: 'accept' }, personas.networkInScope],
      [{ type: 'start_qualification' }, personas.networkInScope],
      [validCommand('qualify'), personas.networkByTheme],
      [validCommand('decide_prototype'), personas.committeeInScope],
      [validCommand('decide_implement'), personas.committeeInScope],
      [{ type: 'complete_implementation' }, personas.implementationOwner],
      [{ type: 'close' }, personas.networkInScope],
    ];
    let idea = makeIdea('emerge');
    const path: IdeaStatus[] = [idea.status];
    for (const [command, ctx] of steps) {
      idea = expectOk(transition(idea, command, ctx, NOW)).next;
      path.push(idea.status);
    }
    expect(path).toEqual([
      'emerge',
      'collect',
      'visible',
      'qualify',
      'decide',
      'prototype',
      'implement',
      'follow_up',
      'closed',
    ]);
  });
});

describe('allowedCommands agrees with transition', () => {
  const contexts = Object.entries({ ...personas, everyone });
  // Parked ideas both due and not due, so the system's date check is covered.
  const ideas = [...IDEA_STATUSES.map((s) => makeIdea(s)), makeIdea('parked', { parkedUntil: EARLIER })];

  it.each(contexts)('for %s, on every status, for every command', (_name, ctx) => {
    for (const idea of ideas) {
      const allowed = allowedCommands(idea, ctx, NOW);
      for (const command of IDEA_COMMANDS) {
        expect({ status: idea.status, command, ok: transition(idea, validCommand(command), ctx, NOW).ok }).toEqual({
          status: idea.status,
          command,
          ok: allowed.includes(command),
        });
      }
    }
  });

  it('shows the buttons one expects', () => {
    expect(allowedCommands(makeIdea('emerge'), personas.author, NOW)).toEqual(['submit', 'withdraw']);
    expect(allowedCommands(makeIdea('collect'), personas.networkInScope, NOW)).toEqual([
      'return_to_authors',
      'accept',
      'decline',
      'merge',
    ]);
    expect(allowedCommands(makeIdea('collect'), personas.networkOutOfScope, NOW)).toEqual([]);
    expect(allowedCommands(makeIdea('decide'), personas.committeeInScope, NOW)).toEqual([
      'decline',
      'decide_prototype',
      'decide_implement',
      'park',
    ]);
    expect(allowedCommands(makeIdea('visible'), personas.employee, NOW)).toEqual([]);
  });
});
