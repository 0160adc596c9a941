import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canComment, canSupport, findRule, hasRole, type Actor, type Decision } from '@eclore/domain';
import { IdeaFollow, Support } from '../entities';
import { addCounted, removeCounted } from './counters';
import { appendIdeaEvents } from './events';
import { assertDecision, assertReadable } from './decisions';
import type { EngagementDto, FollowStateDto, SupportStateDto } from './engagement.dto';
import { loadIdea, phaseFeaturesFor } from './idea-context';

const availability = (d: Decision) => ({ allowed: d.allowed, reason: d.allowed ? null : (d.reason ?? 'forbidden') });

/**
 * Supports ("me too") and follows. One row per (idea, person); the idea's counters move in the same
 * transaction and only when a row was really added or removed, so repeats and races count once.
 */
@Injectable()
export class EngagementService {
  constructor(private readonly dataSource: DataSource) {}

  async state(ideaId: string, actor: Actor): Promise<EngagementDto> {
    const manager = this.dataSource.manager;
    const idea = await loadIdea(manager, ideaId, actor);
    assertReadable(idea);
    const features = await phaseFeaturesFor(manager, idea.row.campaignId, new Date());
    const [supported, following] = await Promise.all([
      manager.exists(Support, { where: { ideaId, personId: actor.personId } }),
      manager.exists(IdeaFollow, { where: { ideaId, personId: actor.personId } }),
    ]);
    return {
      supported,
      following,
      supportCount: idea.row.supportCount,
      followerCount: idea.row.followerCount,
      commentCount: idea.row.commentCount,
      canSupport: availability(canSupport(idea.state, idea.ctx, features)),
      canComment: availability(canComment(idea.state, idea.ctx, features)),
      canMerge: findRule('merge', idea.state.status) !== undefined && hasRole(actor, 'network_member', idea.ctx.target),
      mergedIntoId: idea.row.mergedIntoId,
    };
  }

  /** Idempotent: supporting twice (or fifty times at once) is one support. */
  support(ideaId: string, actor: Actor): Promise<SupportStateDto> {
    return this.dataSource.transaction(async (manager) => {
      const idea = await loadIdea(manager, ideaId, actor);
      assertReadable(idea);
      assertDecision(
        canSupport(idea.state, idea.ctx, await phaseFeaturesFor(manager, idea.row.campaignId, new Date())),
      );
      const { changed, count } = await addCounted(manager, 'support', ideaId, actor.personId);
      // Tells the authors (notifications: digest-only, grouped). Recorded without an actor and kept
      // off the timeline: supporters are a count on the wall, never names, to authors too.
      if (changed)
        await appendIdeaEvents(manager, [{ ideaId, type: 'supported', actorId: null, public: false, data: {} }]);
      return { supported: true, supportCount: count };
    });
  }

  /** Withdrawing follows the same rules as supporting: once the phase closes, the tally is frozen. */
  withdrawSupport(ideaId: string, actor: Actor): Promise<SupportStateDto> {
    return this.dataSource.transaction(async (manager) => {
      const idea = await loadIdea(manager, ideaId, actor);
      assertReadable(idea);
      assertDecision(
        canSupport(idea.state, idea.ctx, await phaseFeaturesFor(manager, idea.row.campaignId, new Date())),
      );
      const { count } = await removeCounted(manager, 'support', ideaId, actor.personId);
      return { supported: false, supportCount: count };
    });
  }

  /** Anyone who may read the idea may follow it (its news reach them). */
  follow(ideaId: string, actor: Actor): Promise<FollowStateDto> {
    return this.dataSource.transaction(async (manager) => {
      assertReadable(await loadIdea(manager, ideaId, actor));
      const { count } = await addCounted(manager, 'idea_follow', ideaId, actor.personId);
      return { following: true, followerCount: count };
    });
  }

  unfollow(ideaId: string, actor: Actor): Promise<FollowStateDto> {
    return this.dataSource.transaction(async (manager) => {
      assertReadable(await loadIdea(manager, ideaId, actor));
      const { count } = await removeCounted(manager, 'idea_follow', ideaId, actor.personId);
      return { following: false, followerCount: count };
    });
  }
}
