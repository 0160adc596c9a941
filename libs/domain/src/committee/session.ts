import { Conflict, ValidationFailed, type FieldProblem } from '../errors/domain-error';
import type { IdeaStatus } from '../ideas/idea';
import type { IdeaCommand } from '../ideas/transitions';
import { isLocale, type Locale } from '../locale';

/**
 * Committee sessions (séances du comité): a dated meeting with members, an agenda of qualified ideas
 * and a decision per agenda item. Pure rules; the server stores and the web shows them.
 */

export const SESSION_STATUSES = ['planned', 'in_session', 'closed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const DECISION_KINDS = ['prototype', 'implement', 'park', 'decline'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const SESSION_TITLE_MAX_LENGTH = 200;
export const RATIONALE_MAX_LENGTH = 5000;

/** Ideas that may be put on an agenda: qualified by the network (parked ideas come back here when resumed). */
export const AGENDA_STATUSES: readonly IdeaStatus[] = ['decide'];

export function isDecisionKind(value: unknown): value is DecisionKind {
  return typeof value === 'string' && (DECISION_KINDS as readonly string[]).includes(value);
}

export interface SessionDraft {
  title: string;
  scheduledAt: Date;
  language: string;
  memberIds: readonly string[];
  chairId: string;
}

/** Checks a session's fields; the 400 names each failing field. */
export function validateSession(draft: SessionDraft): { title: string; language: Locale } {
  const problems: FieldProblem[] = [];
  const title = draft.title.trim();
  if (title === '') problems.push({ field: 'title', code: 'required', message: 'A title is required.' });
  else if (title.length > SESSION_TITLE_MAX_LENGTH)
    problems.push({ field: 'title', code: 'too_long', message: `At most ${SESSION_TITLE_MAX_LENGTH} characters.` });
  if (Number.isNaN(draft.scheduledAt.getTime()))
    problems.push({ field: 'scheduledAt', code: 'required', message: 'A date and time is required.' });
  if (!isLocale(draft.language))
    problems.push({ field: 'language', code: 'unsupported', message: 'The minutes language must be fr or en.' });
  if (draft.memberIds.length === 0)
    problems.push({ field: 'memberIds', code: 'required', message: 'A session needs at least one member.' });
  if (new Set(draft.memberIds).size !== draft.memberIds.length)
    problems.push({ field: 'memberIds', code: 'duplicate', message: 'A member is listed twice.' });
  if (!draft.memberIds.includes(draft.chairId))
    problems.push({ field: 'chairId', code: 'not_a_member', message: 'The chair must be one of the members.' });
  if (problems.length) throw new ValidationFailed(problems);
  return { title, language: draft.language as Locale };
}

const SESSION_MOVES: Record<'start' | 'close', { from: SessionStatus; to: SessionStatus }> = {
  start: { from: 'planned', to: 'in_session' },
  close: { from: 'in_session', to: 'closed' },
};

/** planned → in session → closed; anything else is a 409. */
export function moveSession(status: SessionStatus, move: 'start' | 'close'): SessionStatus {
  const rule = SESSION_MOVES[move];
  if (status !== rule.from)
    throw new Conflict('session_status', `A session can only ${move} when it is ${rule.from.replace('_', ' ')}.`);
  return rule.to;
}

/** The agenda can change until the session closes; decisions are taken only in session. */
export function assertAgendaEditable(status: SessionStatus): void {
  if (status === 'closed') throw new Conflict('session_closed', 'The session is closed; its agenda is final.');
}

export function assertDeciding(status: SessionStatus): void {
  if (status !== 'in_session')
    throw new Conflict('session_not_in_session', 'Decisions are taken while the session is in session.');
}

export interface DecisionInput {
  kind: DecisionKind;
  rationale: string;
  /** Required by `park`: until when. */
  until?: Date | null;
}

/**
 * The lifecycle command a decision runs. The rationale and the date are checked by the lifecycle
 * (transition()), so a blank rationale or a past date is refused there with the field named.
 */
export function decisionCommand(decision: DecisionInput): IdeaCommand {
  switch (decision.kind) {
    case 'prototype':
      return { type: 'decide_prototype', rationale: decision.rationale };
    case 'implement':
      return { type: 'decide_implement', rationale: decision.rationale };
    case 'decline':
      return { type: 'decline', rationale: decision.rationale };
    case 'park':
      // An invalid Date makes transition() answer `until: required`.
      return { type: 'park', rationale: decision.rationale, until: decision.until ?? new Date(Number.NaN) };
  }
}

/** The decision a lifecycle command from `decide` records on an agenda item (the inverse of decisionCommand). */
export function decisionKindOf(command: string): DecisionKind | null {
  switch (command) {
    case 'decide_prototype':
      return 'prototype';
    case 'decide_implement':
      return 'implement';
    case 'decline':
      return 'decline';
    case 'park':
      return 'park';
    default:
      return null;
  }
}

/**
 * The new order of an agenda: the same item ids, each once. Anything else is a 400 on `itemIds`
 * (someone else changed the agenda meanwhile: reload).
 */
export function reorderAgenda(current: readonly string[], requested: readonly string[]): string[] {
  const same =
    requested.length === current.length &&
    new Set(requested).size === requested.length &&
    requested.every((id) => current.includes(id));
  if (!same)
    throw new ValidationFailed([
      { field: 'itemIds', code: 'not_the_agenda', message: 'Give every agenda item exactly once.' },
    ]);
  return [...requested];
}

export interface RankableIdea {
  ideaId: string;
  weightedScore: number | null;
  title: string;
}

/** Highest weighted score first; ideas not scored last; ties by title so the order is stable. */
export function rankByWeightedScore<T extends RankableIdea>(items: readonly T[]): (T & { rank: number | null })[] {
  const sorted = [...items].sort((a, b) => {
    if (a.weightedScore === null || b.weightedScore === null) {
      if (a.weightedScore === b.weightedScore) return a.title.localeCompare(b.title);
      return a.weightedScore === null ? 1 : -1;
    }
    return b.weightedScore - a.weightedScore || a.title.localeCompare(b.title);
  });
  let rank = 0;
  return sorted.map((item) => {
    if (item.weightedScore === null) return { ...item, rank: null };
    rank += 1;
    return { ...item, rank };
  });
}
