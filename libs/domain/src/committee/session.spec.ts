import { DomainError, ValidationFailed } from '../errors/domain-error';
import { transition } from '../ideas/transitions';
import { minutesBlocks } from './minutes';
import {
  assertAgendaEditable,
  assertDeciding,
  decisionCommand,
  decisionKindOf,
  DECISION_KINDS,
  moveSession,
  rankByWeightedScore,
  reorderAgenda,
  validateSession,
} from './session';
import { makeIdea } from '../ideas/testing';

const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationFailed) return e.fields.map((f) => f.field);
    throw e;
  }
  return [];
};
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
};

describe('committee sessions', () => {
  const valid = {
    title: ' Séance de mars ',
    scheduledAt: new Date('2026-03-10T14:00:00Z'),
    language: 'fr',
    memberIds: ['a', 'b'],
    chairId: 'a',
  };

  it('accepts a session and trims its title', () => {
    expect(validateSession(valid)).toEqual({ title: 'Séance de mars', language: 'fr' });
  });

  it('names every failing field', () => {
    expect(
      fieldsOf(() =>
        validateSession({ title: ' ', scheduledAt: new Date('x'), language: 'de', memberIds: [], chairId: 'z' }),
      ),
    ).toEqual(['title', 'scheduledAt', 'language', 'memberIds', 'chairId']);
    expect(fieldsOf(() => validateSession({ ...valid, memberIds: ['a', 'a'] }))).toEqual(['memberIds']);
  });

  it('moves planned → in session → closed, and nothing else', () => {
    expect(moveSession('planned', 'start')).toBe('in_session');
    expect(moveSession('in_session', 'close')).toBe('closed');
    expect(codeOf(() => moveSession('planned', 'close'))).toBe('session_status');
    expect(codeOf(() => moveSession('closed', 'start'))).toBe('session_status');
    expect(codeOf(() => moveSession('in_session', 'start'))).toBe('session_status');
  });

  it('freezes the agenda once closed and takes decisions only in session', () => {
    expect(() => assertAgendaEditable('planned')).not.toThrow();
    expect(() => assertAgendaEditable('in_session')).not.toThrow();
    expect(codeOf(() => assertAgendaEditable('closed'))).toBe('session_closed');
    expect(() => assertDeciding('in_session')).not.toThrow();
    expect(codeOf(() => assertDeciding('planned'))).toBe('session_not_in_session');
    expect(codeOf(() => assertDeciding('closed'))).toBe('session_not_in_session');
  });

  it('reorders with every item exactly once', () => {
    expect(reorderAgenda(['a', 'b', 'c'], ['c', 'a', 'b'])).toEqual(['c', 'a', 'b']);
    expect(fieldsOf(() => reorderAgenda(['a', 'b'], ['a']))).toEqual(['itemIds']);
    expect(fieldsOf(() => reorderAgenda(['a', 'b'], ['a', 'a']))).toEqual(['itemIds']);
    expect(fieldsOf(() => reorderAgenda(['a', 'b'], ['a', 'x']))).toEqual(['itemIds']);
  });

  it('ranks by weighted score, unscored last, ties by title', () => {
    const ranked = rankByWeightedScore([
      { ideaId: '1', title: 'B', weightedScore: 3.5 },
      { ideaId: '2', title: 'Z', weightedScore: null },
      { ideaId: '3', title: 'C', weightedScore: 4.2 },
      { ideaId: '4', title: 'A', weightedScore: 3.5 },
      { ideaId: '5', title: 'Y', weightedScore: null },
    ]);
    expect(ranked.map((r) => [r.ideaId, r.rank])).toEqual([
      ['3', 1],
      ['4', 2],
      ['1', 3],
      ['5', null],
      ['2', null],
    ]);
  });
});

describe('committee decisions run the lifecycle commands', () => {
  const now = new Date('2026-03-10T15:00:00Z');
  const committee = {
    actor: {
      personId: 'c',
      orgUnitId: null,
      assignments: [{ role: 'committee_member' as const, scope: { kind: 'organisation' as const } }],
    },
    isAuthor: false,
    isIdeaTeamMember: false,
    isImplementationOwner: false,
    target: { orgUnitPath: ['root'] },
  };
  const qualified = makeIdea('decide');

  it.each([
    ['prototype', 'prototype'],
    ['implement', 'implement'],
    ['decline', 'declined'],
  ] as const)('%s leads to %s with the rationale as the published answer', (kind, status) => {
    const result = transition(qualified, decisionCommand({ kind, rationale: ' Parce que ' }), committee, now);
    expect(result.ok && result.next.status).toBe(status);
    expect(result.ok && result.next.answer).toEqual({ text: 'Parce que', givenAt: now, publishedAt: now });
  });

  it('reads the decision back from the command it runs, and nothing from other commands', () => {
    for (const kind of DECISION_KINDS) {
      expect(decisionKindOf(decisionCommand({ kind, rationale: 'R', until: new Date() }).type)).toBe(kind);
    }
    expect(decisionKindOf('qualify')).toBeNull();
    expect(decisionKindOf('resume')).toBeNull();
  });

  it('parks until a future date, and refuses a missing or past date on `until`', () => {
    const until = new Date('2026-09-01T00:00:00Z');
    const parked = transition(qualified, decisionCommand({ kind: 'park', rationale: 'Budget', until }), committee, now);
    expect(parked.ok && parked.next.parkedUntil).toEqual(until);
    for (const date of [null, new Date('2026-01-01T00:00:00Z')]) {
      const refused = transition(
        qualified,
        decisionCommand({ kind: 'park', rationale: 'Budget', until: date }),
        committee,
        now,
      );
      expect(
        !refused.ok && refused.error instanceof ValidationFailed && refused.error.fields?.map((f) => f.field),
      ).toEqual(['until']);
    }
  });

  it('refuses a blank rationale on `rationale`', () => {
    const refused = transition(qualified, decisionCommand({ kind: 'prototype', rationale: '  ' }), committee, now);
    expect(
      !refused.ok && refused.error instanceof ValidationFailed && refused.error.fields?.map((f) => f.field),
    ).toEqual(['rationale']);
  });
});

describe('minutes', () => {
  const input = {
    title: 'Séance de mars',
    scheduledAt: new Date('2026-03-10T13:00:00Z'),
    chair: 'Philippe Morel',
    present: ['Philippe Morel', 'Sophie Bouchard'],
    absent: ['Antoine Mercier'],
    items: [
      { title: 'Réduire l’attente', decision: 'prototype' as const, rationale: 'Cœur de métier', until: null },
      {
        title: 'Parking vélos',
        decision: 'park' as const,
        rationale: 'Budget 2027',
        until: new Date('2027-01-15T12:00:00Z'),
      },
      { title: 'Sans décision', decision: null, rationale: null, until: null },
    ],
  };

  it('writes the minutes in French', () => {
    const text = minutesBlocks({ ...input, language: 'fr' }).map((b) => b.text);
    expect(text).toEqual([
      'Procès-verbal de la séance du comité de pilotage',
      'Séance de mars',
      'Date\u00A0: 10 mars 2026 à 14:00',
      'Présidence\u00A0: Philippe Morel',
      'Membres présents\u00A0: Philippe Morel, Sophie Bouchard',
      'Membres excusés\u00A0: Antoine Mercier',
      'Ordre du jour et décisions',
      '1. Réduire l’attente',
      'Décision\u00A0: Passage en expérimentation (prototype)',
      'Motivation\u00A0: Cœur de métier',
      '2. Parking vélos',
      'Décision\u00A0: Mise en attente jusqu’au 15 janvier 2027',
      'Motivation\u00A0: Budget 2027',
      '3. Sans décision',
      'Décision\u00A0: Pas de décision prise en séance',
    ]);
  });

  it('writes the minutes in English', () => {
    const text = minutesBlocks({ ...input, language: 'en' }).map((b) => b.text);
    expect(text[0]).toBe('Minutes of the steering committee session');
    expect(text).toContain('Members present: Philippe Morel, Sophie Bouchard');
    expect(text).toContain('Decision: Go to prototype');
    expect(text).toContain('Decision: Parked until 15 January 2027');
    expect(text).toContain('Rationale: Budget 2027');
  });

  it('keeps French typography in French minutes only, with a space the PDF fonts have', () => {
    const items = [
      { title: 'Vélos : abri', decision: 'decline' as const, rationale: 'Pourquoi? « Trop cher »', until: null },
    ];
    expect(minutesBlocks({ ...input, items, language: 'fr' }).map((b) => b.text)).toEqual(
      expect.arrayContaining(['1. Vélos\u00A0: abri', 'Motivation\u00A0: Pourquoi\u00A0? «\u00A0Trop cher\u00A0»']),
    );
    expect(minutesBlocks({ ...input, items, language: 'en' }).map((b) => b.text)).toEqual(
      expect.arrayContaining(['1. Vélos : abri', 'Rationale: Pourquoi? « Trop cher »']),
    );
  });
});
