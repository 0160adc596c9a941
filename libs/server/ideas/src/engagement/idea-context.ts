import type { EntityManager } from 'typeorm';
import {
  NotFound,
  phaseFeatures,
  type Actor,
  type IdeaActorContext,
  type IdeaState,
  type PhaseFeatures,
  type ScopeTarget,
} from '@eclore/domain';
import { OrgUnit } from '@eclore/server-identity';
import { Campaign, CampaignPhase, Idea, IdeaAuthor } from '../entities';

/** An idea as the engagement and moderation commands see it: the row, its domain state, the actor's relation. */
export interface LoadedIdea {
  row: Idea;
  state: IdeaState;
  ctx: IdeaActorContext;
  /** Person ids credited on the idea (author and accepted co-authors). */
  authorIds: string[];
  /**
   * Whose identity is hidden from others on this idea: every author and the capturer when the idea
   * is anonymous (the capturer acts for the author), and any credit kept anonymous by a merge.
   */
  hiddenAuthorIds: Set<string>;
}

export function toIdeaState(row: Idea): IdeaState {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    anonymous: row.anonymous,
    submittedAt: row.submittedAt,
    publishedAt: row.publishedAt,
    withdrawnAt: row.withdrawnAt,
    answer:
      row.answerText !== null && row.answerGivenAt !== null
        ? { text: row.answerText, givenAt: row.answerGivenAt, publishedAt: row.answerPublishedAt }
        : null,
    mergedIntoId: row.mergedIntoId,
    parkedUntil: row.parkedUntil,
    hiddenAt: row.hiddenAt,
  };
}

export async function scopeTargetOf(manager: EntityManager, row: Idea): Promise<ScopeTarget> {
  const unit = row.orgUnitId
    ? await manager.findOne(OrgUnit, { where: { id: row.orgUnitId }, select: { id: true, path: true } })
    : null;
  return { orgUnitPath: unit?.path ?? [], themes: row.themes };
}

/** The people credited on the idea, and whose identity is hidden from others. */
export async function creditsOf(
  manager: EntityManager,
  row: Idea,
): Promise<{ authorIds: string[]; hiddenAuthorIds: Set<string> }> {
  const rows = await manager.find(IdeaAuthor, { where: { ideaId: row.id, status: 'accepted' } });
  const authorIds = [...new Set([row.authorId, ...rows.map((r) => r.personId)])];
  const hidden = new Set<string>(rows.filter((r) => r.anonymous).map((r) => r.personId));
  if (row.anonymous) {
    for (const id of authorIds) hidden.add(id);
    // The capturer typed the author's words: naming them on the idea's comments would point at the author.
    if (row.capturedBy) hidden.add(row.capturedBy);
  }
  return { authorIds, hiddenAuthorIds: hidden };
}

/**
 * Loads an idea and the actor's relation to it. `lock` takes the row lock (FOR UPDATE) inside the
 * caller's transaction, for commands that change the idea itself.
 */
export async function loadIdea(
  manager: EntityManager,
  ideaId: string,
  actor: Actor,
  options: { lock?: boolean } = {},
): Promise<LoadedIdea> {
  const row = await manager.findOne(Idea, {
    where: { id: ideaId },
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!row) throw new NotFound('idea', ideaId);
  const [target, credits] = await Promise.all([scopeTargetOf(manager, row), creditsOf(manager, row)]);
  return {
    row,
    state: toIdeaState(row),
    authorIds: credits.authorIds,
    hiddenAuthorIds: credits.hiddenAuthorIds,
    ctx: {
      actor,
      isAuthor: credits.authorIds.includes(actor.personId),
      // Idea teams and implementation owners arrive with the prototype/implement issues.
      isIdeaTeamMember: false,
      isImplementationOwner: false,
      target,
    },
  };
}

/** What the idea's campaign switches on now: the domain decides (always-open box, archived, active phase). */
export async function phaseFeaturesFor(
  manager: EntityManager,
  campaignId: string | null,
  now: Date,
): Promise<PhaseFeatures> {
  const campaign = campaignId
    ? await manager.findOne(Campaign, { where: { id: campaignId }, select: { id: true, archivedAt: true } })
    : null;
  const phases = campaign
    ? await manager.find(CampaignPhase, { where: { campaignId: campaign.id }, order: { position: 'ASC' } })
    : [];
  return phaseFeatures(campaign, phases, now);
}
