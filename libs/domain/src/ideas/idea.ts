import type { Locale } from '../locale';

/**
 * An idea and the facts about it. The status says where the idea is in the lifecycle; everything
 * else that is true about it (submitted, published, answered, hidden...) is a separate dated fact,
 * because one enum column cannot hold "published, answered, then withdrawn" (Decidim's lesson).
 */

export const IDEA_KINDS = ['problem', 'solution'] as const;
export type IdeaKind = (typeof IDEA_KINDS)[number];

/** The stages, in the order of the public timeline. */
export const STAGES = [
  'emerge',
  'collect',
  'visible',
  'qualify',
  'decide',
  'prototype',
  'implement',
  'follow_up',
] as const;
export type IdeaStage = (typeof STAGES)[number];

/** States outside the main line: two waiting states (returned, parked) and five final ones. */
export const IDEA_STATES = ['returned', 'withdrawn', 'merged', 'declined', 'parked', 'stopped', 'closed'] as const;
export type IdeaOtherState = (typeof IDEA_STATES)[number];

export type IdeaStatus = IdeaStage | IdeaOtherState;
export const IDEA_STATUSES: readonly IdeaStatus[] = [...STAGES, ...IDEA_STATES];

const END_STATES: ReadonlySet<IdeaStatus> = new Set<IdeaStatus>([
  'withdrawn',
  'merged',
  'declined',
  'stopped',
  'closed',
]);

/** Final: no command leaves these. `returned` and `parked` are waiting states, not final. */
export function isEndState(status: IdeaStatus): boolean {
  return END_STATES.has(status);
}

export function isStage(status: IdeaStatus): status is IdeaStage {
  return (STAGES as readonly string[]).includes(status);
}

export function isIdeaStatus(value: unknown): value is IdeaStatus {
  return typeof value === 'string' && (IDEA_STATUSES as readonly string[]).includes(value);
}

/** The latest reasoned answer given to the authors; public once `publishedAt` is set. */
export interface IdeaAnswer {
  text: string;
  givenAt: Date;
  publishedAt: Date | null;
}

/** What the lifecycle needs to know about an idea. The database entity maps onto this. */
export interface IdeaState {
  id: string;
  kind: IdeaKind;
  status: IdeaStatus;
  /** The authors asked for anonymity: their identity is shown to no one but them and the guardian. */
  anonymous: boolean;
  /** First submission to the box; kept when a returned idea is submitted again. */
  submittedAt: Date | null;
  /** First publication on the wall; kept when an idea is returned for rework and accepted again. */
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  answer: IdeaAnswer | null;
  mergedIntoId: string | null;
  /** Set while parked: the date after which the committee (or the scheduler) takes it up again. */
  parkedUntil: Date | null;
  /** Hidden by moderation; orthogonal to the status. */
  hiddenAt: Date | null;
}

/** Statuses in which an idea is never on the wall, whatever its facts say. */
const NEVER_PUBLIC: ReadonlySet<IdeaStatus> = new Set<IdeaStatus>(['emerge', 'collect', 'returned']);

/**
 * On the public wall: published, not hidden, and not back in the authors' or the checker's hands.
 * A withdrawn (or merged, declined...) idea stays visible if it had been published, as its history
 * and supporters matter; withdrawn before publication it never was public.
 */
export function isPublic(idea: IdeaState): boolean {
  return idea.publishedAt !== null && idea.hiddenAt === null && !NEVER_PUBLIC.has(idea.status);
}

/**
 * "Not answered yet": submitted, still under way on the box's side (not waiting on the authors,
 * not final), and no published answer. Derived, never stored.
 */
export function awaitingAnswer(idea: IdeaState): boolean {
  if (idea.submittedAt === null) return false;
  if (isEndState(idea.status) || idea.status === 'emerge' || idea.status === 'returned') return false;
  return idea.answer === null || idea.answer.publishedAt === null;
}

/** Names shown in the UI (glossary terms). */
export const IDEA_STATUS_LABELS: Readonly<Record<IdeaStatus, Readonly<Record<Locale, string>>>> = {
  emerge: { fr: 'Émergence', en: 'Emerge' },
  collect: { fr: 'Collecte', en: 'Collect' },
  visible: { fr: 'Rendue visible', en: 'Made visible' },
  qualify: { fr: 'Qualification', en: 'Qualify' },
  decide: { fr: 'Décision du comité', en: 'Committee decision' },
  prototype: { fr: 'Expérimentation', en: 'Prototype' },
  implement: { fr: 'Mise en œuvre', en: 'Implement' },
  follow_up: { fr: 'Suivi', en: 'Follow up' },
  returned: { fr: 'Renvoyée aux auteurs', en: 'Returned to authors' },
  withdrawn: { fr: 'Retirée', en: 'Withdrawn' },
  merged: { fr: 'Fusionnée', en: 'Merged' },
  declined: { fr: 'Non retenue', en: 'Declined' },
  parked: { fr: 'En attente', en: 'Parked' },
  stopped: { fr: 'Arrêtée (avec enseignements)', en: 'Stopped (with learnings)' },
  closed: { fr: 'Clôturée', en: 'Closed' },
};
