import { hasRole, holdsRole, type Actor, type ScopeTarget } from '../access/policy';
import type { Role } from '../access/roles';
import { Conflict, DomainError, Forbidden, ValidationFailed, type FieldProblem } from '../errors/domain-error';
import { isEndState, isIdeaStatus, isPublic, type IdeaState, type IdeaStatus } from './idea';

/**
 * The idea lifecycle as one table of transitions. `transition()` (the API and the worker) and
 * `allowedCommands()` (the web's buttons) both read this table, and so do the tests and
 * docs/lifecycle.md: there is no second description of the lifecycle to drift from it.
 */

/** Every command, with the fields it carries. Text fields are checked non-blank at run time. */
export type IdeaCommand =
  | { type: 'submit' }
  | { type: 'return_to_authors'; reason: string }
  | { type: 'accept' }
  | { type: 'start_qualification' }
  | { type: 'request_rework'; guidance: string }
  | { type: 'qualify'; answer: string }
  | { type: 'decline'; rationale: string }
  /** `targetStatus`: the target's current status, loaded by the caller (the domain does no I/O). */
  | { type: 'merge'; targetId: string; targetStatus: IdeaStatus }
  | { type: 'withdraw' }
  | { type: 'decide_prototype'; rationale: string }
  | { type: 'decide_implement'; rationale: string }
  | { type: 'park'; rationale: string; until: Date }
  | { type: 'resume' }
  | { type: 'stop'; learnings: string }
  | { type: 'complete_implementation' }
  | { type: 'close' };

export type IdeaCommandType = IdeaCommand['type'];
type CommandOf<C extends IdeaCommandType> = Extract<IdeaCommand, { type: C }>;

/** The fields a command must carry, named as in the command (and in the 400 problem document). */
export type RequiredField = 'reason' | 'guidance' | 'answer' | 'rationale' | 'targetId' | 'until' | 'learnings';
type RequiredFieldOf<C extends IdeaCommandType> = Extract<keyof CommandOf<C>, RequiredField>;

/** Who may run a transition. Network and committee members must hold the role with a scope covering the idea. */
export type IdeaRoleInTransition =
  'authors' | 'network' | 'committee' | 'idea_team' | 'implementation_owner' | 'system';

export type TransitionRule = {
  [C in IdeaCommandType]: {
    command: C;
    from: readonly IdeaStatus[];
    to: IdeaStatus;
    /** Any one of them may act. */
    who: readonly IdeaRoleInTransition[];
    required: readonly RequiredFieldOf<C>[];
  };
}[IdeaCommandType];

// One row per line reads as a table; prettier would fold the long rows.
// prettier-ignore
export const TRANSITIONS: readonly TransitionRule[] = [
  { command: 'submit', from: ['emerge', 'returned'], to: 'collect', who: ['authors'], required: [] },
  { command: 'return_to_authors', from: ['collect'], to: 'returned', who: ['network'], required: ['reason'] },
  { command: 'accept', from: ['collect'], to: 'visible', who: ['network'], required: [] },
  { command: 'start_qualification', from: ['visible'], to: 'qualify', who: ['network'], required: [] },
  { command: 'request_rework', from: ['qualify'], to: 'returned', who: ['network'], required: ['guidance'] },
  { command: 'qualify', from: ['qualify'], to: 'decide', who: ['network'], required: ['answer'] },
  { command: 'decline', from: ['collect', 'visible', 'qualify'], to: 'declined', who: ['network'], required: ['rationale'] },
  { command: 'decline', from: ['decide'], to: 'declined', who: ['committee'], required: ['rationale'] },
  { command: 'merge', from: ['collect', 'visible', 'qualify'], to: 'merged', who: ['network'], required: ['targetId'] },
  { command: 'withdraw', from: ['emerge', 'collect', 'returned', 'visible'], to: 'withdrawn', who: ['authors'], required: [] },
  { command: 'decide_prototype', from: ['decide'], to: 'prototype', who: ['committee'], required: ['rationale'] },
  { command: 'decide_implement', from: ['decide', 'prototype'], to: 'implement', who: ['committee'], required: ['rationale'] },
  { command: 'park', from: ['decide'], to: 'parked', who: ['committee'], required: ['rationale', 'until'] },
  { command: 'resume', from: ['parked'], to: 'decide', who: ['committee', 'system'], required: [] },
  // The network coaches the experiment and may record its outcome, a stop included (docs/realisation.md §2).
  { command: 'stop', from: ['prototype'], to: 'stopped', who: ['idea_team', 'network', 'committee'], required: ['learnings'] },
  { command: 'complete_implementation', from: ['implement'], to: 'follow_up', who: ['implementation_owner'], required: [] },
  { command: 'close', from: ['follow_up'], to: 'closed', who: ['implementation_owner', 'network'], required: [] },
];

export const IDEA_COMMANDS: readonly IdeaCommandType[] = [...new Set(TRANSITIONS.map((t) => t.command))];

/** The scheduler acting on its own (e.g. resuming a parked idea when its date has passed). */
export const SYSTEM_ACTOR = { kind: 'system' } as const;
export type SystemActor = typeof SYSTEM_ACTOR;

/** The outcome of the submission rules (required fields, problem vs solution...), checked by the caller. */
export type SubmissionCheck = { ok: true } | { ok: false; problems: readonly FieldProblem[] };

/** Who is acting, and how they relate to this idea. */
export interface IdeaActorContext {
  actor: Actor | SystemActor;
  /** Author or accepted co-author. */
  isAuthor: boolean;
  isIdeaTeamMember: boolean;
  isImplementationOwner: boolean;
  /** Where the idea sits (org unit path, themes), for scoped network and committee roles. */
  target: ScopeTarget;
  /** Required by `submit`; absent elsewhere. */
  submissionCheck?: SubmissionCheck;
}

export function isSystemActor(actor: Actor | SystemActor): actor is SystemActor {
  return 'kind' in actor && actor.kind === 'system';
}

/** A context for the scheduler: no person, no relation to the idea. */
export function systemContext(target: ScopeTarget): IdeaActorContext {
  return { actor: SYSTEM_ACTOR, isAuthor: false, isIdeaTeamMember: false, isImplementationOwner: false, target };
}

export interface IdeaEventDetails {
  reason?: string;
  guidance?: string;
  answer?: string;
  rationale?: string;
  targetId?: string;
  until?: Date;
  learnings?: string;
}

/** Appended to the idea's history by the caller, in the same database transaction as the new state. */
export interface IdeaEvent {
  type: IdeaCommandType;
  from: IdeaStatus;
  to: IdeaStatus;
  at: Date;
  /** Shown on the idea's public timeline (the idea is public after the transition). */
  public: boolean;
  /** The person who acted; null for the system. */
  actorId: string | null;
  details: IdeaEventDetails;
}

export type TransitionResult = { ok: true; next: IdeaState; event: IdeaEvent } | { ok: false; error: DomainError };

/** Conflict `transition_not_allowed`, carrying the status and the command for the caller's logs. */
export class TransitionNotAllowed extends Conflict {
  constructor(
    readonly from: IdeaStatus,
    readonly command: IdeaCommandType,
  ) {
    super('transition_not_allowed', `The command "${command}" is not allowed on an idea in status "${from}".`);
  }
}

export function findRule(command: IdeaCommandType, from: IdeaStatus): TransitionRule | undefined {
  return TRANSITIONS.find((t) => t.command === command && t.from.includes(from));
}

const FORBIDDEN_MESSAGES: Record<string, string> = {
  not_author: 'Only the authors of this idea may do this.',
  out_of_scope: 'Your role does not cover this idea’s unit or theme.',
  role_required: 'This needs a role you do not hold.',
  not_idea_team: 'Only the idea team may do this.',
  not_implementation_owner: 'Only the implementation owner may do this.',
  not_due: 'The parking date has not passed yet.',
  system_not_allowed: 'The system may not do this on its own.',
  person_required: 'A person must do this.',
};

type Permission = { allowed: true } | { allowed: false; reason: string };

function scopedRole(actor: Actor, role: Role, target: ScopeTarget): Permission {
  if (hasRole(actor, role, target)) return { allowed: true };
  return { allowed: false, reason: holdsRole(actor, role) ? 'out_of_scope' : 'role_required' };
}

function permits(who: IdeaRoleInTransition, idea: IdeaState, ctx: IdeaActorContext, now: Date): Permission {
  const { actor } = ctx;
  if (isSystemActor(actor)) {
    if (who !== 'system') return { allowed: false, reason: 'system_not_allowed' };
    // The system only resumes what is due; before the date only the committee may.
    return idea.parkedUntil !== null && idea.parkedUntil.getTime() <= now.getTime()
      ? { allowed: true }
      : { allowed: false, reason: 'not_due' };
  }
  switch (who) {
    case 'system':
      return { allowed: false, reason: 'system_not_allowed' };
    case 'authors':
      return ctx.isAuthor ? { allowed: true } : { allowed: false, reason: 'not_author' };
    case 'idea_team':
      return ctx.isIdeaTeamMember ? { allowed: true } : { allowed: false, reason: 'not_idea_team' };
    case 'implementation_owner':
      return ctx.isImplementationOwner ? { allowed: true } : { allowed: false, reason: 'not_implementation_owner' };
    case 'network':
      return scopedRole(actor, 'network_member', ctx.target);
    case 'committee':
      return scopedRole(actor, 'committee_member', ctx.target);
  }
}

/** Allowed if any of the rule's roles allows; otherwise the most telling refusal. */
function checkPermission(rule: TransitionRule, idea: IdeaState, ctx: IdeaActorContext, now: Date): Permission {
  const refusals: string[] = [];
  for (const who of rule.who) {
    const p = permits(who, idea, ctx, now);
    if (p.allowed) return p;
    refusals.push(p.reason);
  }
  // "out of scope" tells a role holder why better than "role required" for the rule's other role;
  // for the system, "not due" is the answer rather than "the committee could".
  const preferred = ['not_due', 'out_of_scope'].find((r) => refusals.includes(r));
  return { allowed: false, reason: preferred ?? refusals[0] ?? 'forbidden' };
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function validate(
  rule: TransitionRule,
  command: IdeaCommand,
  idea: IdeaState,
  ctx: IdeaActorContext,
  now: Date,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  // The table decides which fields are required; read them generically from the command.
  const fields = command as unknown as Readonly<Record<string, unknown>>;
  for (const field of rule.required) {
    const value = fields[field];
    if (field === 'until') {
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
        problems.push({ field, code: 'required', message: 'A date until which the idea is parked is required.' });
      } else if (value.getTime() <= now.getTime()) {
        problems.push({ field, code: 'must_be_future', message: 'The parking date must be in the future.' });
      }
    } else if (isBlank(value)) {
      problems.push({ field, code: 'required', message: `The field "${field}" is required.` });
    }
  }
  if (command.type === 'merge' && !isBlank(command.targetId)) {
    if (command.targetId === idea.id) {
      problems.push({ field: 'targetId', code: 'not_itself', message: 'An idea cannot be merged into itself.' });
    } else if (!isIdeaStatus(command.targetStatus)) {
      problems.push({ field: 'targetId', code: 'unknown_target', message: 'The target idea’s status is unknown.' });
    } else if (isEndState(command.targetStatus) || command.targetStatus === 'emerge') {
      // A draft is private and an ended idea takes no more supporters: neither can absorb a duplicate.
      problems.push({
        field: 'targetId',
        code: 'target_not_open',
        message: 'The target idea is a draft or has ended.',
      });
    }
  }
  if (command.type === 'submit') {
    const check = ctx.submissionCheck;
    if (!check) {
      problems.push({ field: 'submission', code: 'not_checked', message: 'The submission rules were not checked.' });
    } else if (!check.ok) {
      problems.push(...check.problems);
    }
  }
  return problems;
}

function textOf(value: string): string {
  return value.trim();
}

/** The new facts. Facts that are "first time" (submittedAt, publishedAt) are set once and kept. */
function apply(
  idea: IdeaState,
  command: IdeaCommand,
  to: IdeaStatus,
  now: Date,
): { next: IdeaState; details: IdeaEventDetails } {
  const next: IdeaState = { ...idea, status: to };
  // An answer to a published idea is public at once; to an unpublished one it goes to the authors only.
  const answer = (text: string) => ({
    text: textOf(text),
    givenAt: now,
    publishedAt: idea.publishedAt !== null ? now : null,
  });
  switch (command.type) {
    case 'submit':
      next.submittedAt = idea.submittedAt ?? now;
      return { next, details: {} };
    case 'return_to_authors':
      return { next, details: { reason: textOf(command.reason) } };
    case 'accept':
      next.publishedAt = idea.publishedAt ?? now;
      return { next, details: {} };
    case 'request_rework':
      return { next, details: { guidance: textOf(command.guidance) } };
    case 'qualify':
      next.answer = answer(command.answer);
      return { next, details: { answer: textOf(command.answer) } };
    case 'decline':
    case 'decide_prototype':
    case 'decide_implement':
      next.answer = answer(command.rationale);
      return { next, details: { rationale: textOf(command.rationale) } };
    case 'park':
      next.answer = answer(command.rationale);
      next.parkedUntil = command.until;
      return { next, details: { rationale: textOf(command.rationale), until: command.until } };
    case 'resume':
      next.parkedUntil = null;
      return { next, details: {} };
    case 'merge':
      next.mergedIntoId = command.targetId;
      return { next, details: { targetId: command.targetId } };
    case 'withdraw':
      next.withdrawnAt = now;
      return { next, details: {} };
    case 'stop':
      return { next, details: { learnings: textOf(command.learnings) } };
    case 'start_qualification':
    case 'complete_implementation':
    case 'close':
      return { next, details: {} };
  }
}

/**
 * Runs one command: is it allowed from this status (409), may this actor run it (403), are its
 * fields and preconditions met (400)? Then the new state and the event to append. Pure.
 */
export function transition(idea: IdeaState, command: IdeaCommand, ctx: IdeaActorContext, now: Date): TransitionResult {
  const rule = findRule(command.type, idea.status);
  if (!rule) return { ok: false, error: new TransitionNotAllowed(idea.status, command.type) };
  const permission = checkPermission(rule, idea, ctx, now);
  if (!permission.allowed) {
    return { ok: false, error: new Forbidden(permission.reason, FORBIDDEN_MESSAGES[permission.reason]) };
  }
  const problems = validate(rule, command, idea, ctx, now);
  if (problems.length > 0) return { ok: false, error: new ValidationFailed(problems) };
  const { next, details } = apply(idea, command, rule.to, now);
  const actorId = isSystemActor(ctx.actor) ? null : ctx.actor.personId;
  return {
    ok: true,
    next,
    event: { type: command.type, from: idea.status, to: rule.to, at: now, public: isPublic(next), actorId, details },
  };
}

/**
 * The commands this actor may run on this idea now (the web's buttons). Same table and same
 * permission check as `transition()`; a listed command can still fail validation (a missing field).
 */
export function allowedCommands(idea: IdeaState, ctx: IdeaActorContext, now: Date = new Date()): IdeaCommandType[] {
  return IDEA_COMMANDS.filter((command) => {
    const rule = findRule(command, idea.status);
    return rule !== undefined && checkPermission(rule, idea, ctx, now).allowed;
  });
}
