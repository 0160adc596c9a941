import type { Actor } from '../access/policy';
import type { RoleAssignment } from '../access/roles';
import type { IdeaState, IdeaStatus } from './idea';
import { systemContext, type IdeaActorContext, type IdeaCommand, type IdeaCommandType } from './transitions';

/** Builders shared by the ideas specs (not exported from the library). */

export const NOW = new Date('2026-03-10T09:00:00Z');
export const LATER = new Date('2026-06-01T00:00:00Z');
export const EARLIER = new Date('2026-01-15T00:00:00Z');

/** The idea sits in unit u-a1 of direction dir-a, theme mobility. */
export const TARGET = { orgUnitPath: ['root', 'dir-a', 'u-a1'], themes: ['mobility'] };

export function makeIdea(status: IdeaStatus, overrides: Partial<IdeaState> = {}): IdeaState {
  const submitted = status !== 'emerge';
  const published = !['emerge', 'collect', 'returned'].includes(status);
  return {
    id: 'idea-1',
    kind: 'problem',
    status,
    anonymous: false,
    submittedAt: submitted ? EARLIER : null,
    publishedAt: published ? EARLIER : null,
    withdrawnAt: status === 'withdrawn' ? EARLIER : null,
    answer: null,
    mergedIntoId: status === 'merged' ? 'idea-2' : null,
    parkedUntil: status === 'parked' ? LATER : null,
    hiddenAt: null,
    ...overrides,
  };
}

const org = { kind: 'organisation' } as const;
const actor = (personId: string, assignments: RoleAssignment[] = []): Actor => ({
  personId,
  orgUnitId: 'u-a1',
  assignments,
});

function ctx(a: Actor, relations: Partial<Omit<IdeaActorContext, 'actor' | 'target'>> = {}): IdeaActorContext {
  return {
    actor: a,
    isAuthor: false,
    isIdeaTeamMember: false,
    isImplementationOwner: false,
    target: TARGET,
    submissionCheck: { ok: true },
    ...relations,
  };
}

/** One context per kind of person the rules distinguish. */
export const personas = {
  author: ctx(actor('author'), { isAuthor: true }),
  employee: ctx(actor('employee')),
  networkInScope: ctx(actor('net-a', [{ role: 'network_member', scope: { kind: 'org_unit', orgUnitId: 'dir-a' } }])),
  networkByTheme: ctx(actor('net-theme', [{ role: 'network_member', scope: { kind: 'theme', theme: 'mobility' } }])),
  networkOutOfScope: ctx(actor('net-b', [{ role: 'network_member', scope: { kind: 'org_unit', orgUnitId: 'dir-b' } }])),
  committeeInScope: ctx(actor('com-org', [{ role: 'committee_member', scope: org }])),
  committeeOutOfScope: ctx(
    actor('com-b', [{ role: 'committee_member', scope: { kind: 'org_unit', orgUnitId: 'dir-b' } }]),
  ),
  ideaTeam: ctx(actor('team'), { isIdeaTeamMember: true }),
  implementationOwner: ctx(actor('owner'), { isImplementationOwner: true }),
  guardian: ctx(actor('guardian', [{ role: 'anonymity_guardian', scope: org }])),
  admin: ctx(actor('admin', [{ role: 'admin', scope: org }])),
  system: systemContext(TARGET),
} satisfies Record<string, IdeaActorContext>;

/** Someone who is everything at once: only the status can refuse them. */
export const everyone: IdeaActorContext = ctx(
  actor('all', [
    { role: 'network_member', scope: org },
    { role: 'committee_member', scope: org },
    { role: 'anonymity_guardian', scope: org },
  ]),
  { isAuthor: true, isIdeaTeamMember: true, isImplementationOwner: true },
);

/** A complete, valid command of each type. */
export function validCommand(type: IdeaCommandType): IdeaCommand {
  switch (type) {
    case 'submit':
    case 'accept':
    case 'start_qualification':
    case 'withdraw':
    case 'resume':
    case 'complete_implementation':
    case 'close':
      return { type };
    case 'return_to_authors':
      return { type, reason: 'Please say who is affected.' };
    case 'request_rework':
      return { type, guidance: 'Add the figures from the pilot.' };
    case 'qualify':
      return { type, answer: 'Sound, cheap, and asked for by three units.' };
    case 'decline':
    case 'decide_prototype':
    case 'decide_implement':
      return { type, rationale: 'Weighed against this year’s priorities.' };
    case 'merge':
      return { type, targetId: 'idea-2', targetStatus: 'visible' };
    case 'park':
      return { type, rationale: 'After the budget vote.', until: LATER };
    case 'stop':
      return { type, learnings: 'Users preferred the paper form.' };
  }
}
