import { readsOn } from '@eclore/server-platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { canComment, canSupport, findRule, hasRole, type Actor, type Decision } from '@eclore/domain';
import { IdeaAccess, type LoadedIdea } from '../ideas/idea-access.service';
import { appendIdeaEvents } from './events';
import { assertDecision, assertReadable } from './decisions';
import type { EngagementDto, FollowStateDto, SupportStateDto } from './engagement.dto';
import { EngagementRepository } from './engagement.repository';
import { phaseFeaturesFor } from './idea-context';

const availability = (d: Decision) => ({ allowed: d.allowed, reason: d.allowed ? null : (d.reason ?? 'forbidden') });

/**
 * Supports ("me too") and follows. One row per (idea, person); the idea's counters move in the same
 * transaction and only when a row was really added or removed, so repeats and races count once.
 * The checks (may this person support or follow the idea now?) read before the transaction, side by
 * side on the pool: the transaction locks no idea row either, so reading them inside it would see
 * nothing more. With the row and its counter in one statement (counters.ts) and the event with its
 * outbox messages in another (appendIdeaEvents), a support went from fifteen sequential round trips
 * to seven (issue 15).
 */
@Injectable()
export class EngagementService {
  constructor(
    private readonly repo: EngagementRepository,
    private readonly ideas: IdeaAccess,
  ) {}

  async state(ideaId: string, actor: Actor): Promise<EngagementDto> {
    const manager = this.repo.manager;
    const idea = await this.readable(manager, ideaId, actor);
    const features = await phaseFeaturesFor(manager, idea.idea.campaignId, new Date());
    const [supported, following] = await readsOn(manager, [
      () => this.repo.hasSupported(ideaId, actor.personId, manager),
      () => this.repo.isFollowing(ideaId, actor.personId, manager),
    ]);
    return {
      supported,
      following,
      supportCount: idea.idea.supportCount,
      followerCount: idea.idea.followerCount,
      commentCount: idea.idea.commentCount,
      canSupport: availability(canSupport(idea.state, idea.credited, features)),
      canComment: availability(canComment(idea.state, idea.credited, features)),
      canMerge:
        findRule('merge', idea.state.status) !== undefined && hasRole(actor, 'network_member', idea.credited.target),
      mergedIntoId: idea.idea.mergedIntoId,
    };
  }

  /** Idempotent: supporting twice (or fifty times at once) is one support. */
  async support(ideaId: string, actor: Actor): Promise<SupportStateDto> {
    await this.supportable(ideaId, actor);
    return this.repo.transaction(async (manager) => {
      const { changed, count } = await this.repo.add('support', ideaId, actor.personId, manager);
      // Tells the authors (notifications: digest-only, grouped). Recorded without an actor and kept
      // off the timeline: supporters are a count on the wall, never names, to authors too.
      if (changed)
        await appendIdeaEvents(manager, [{ ideaId, type: 'supported', actorId: null, public: false, data: {} }]);
      return { supported: true, supportCount: count };
    });
  }

  /** Withdrawing follows the same rules as supporting: once the phase closes, the tally is frozen. */
  async withdrawSupport(ideaId: string, actor: Actor): Promise<SupportStateDto> {
    await this.supportable(ideaId, actor);
    return this.repo.transaction(async (manager) => {
      const { count } = await this.repo.remove('support', ideaId, actor.personId, manager);
      return { supported: false, supportCount: count };
    });
  }

  /** Anyone who may read the idea may follow it (its news reach them). */
  async follow(ideaId: string, actor: Actor): Promise<FollowStateDto> {
    await this.readable(this.repo.manager, ideaId, actor);
    return this.repo.transaction(async (manager) => {
      const { count } = await this.repo.add('idea_follow', ideaId, actor.personId, manager);
      return { following: true, followerCount: count };
    });
  }

  async unfollow(ideaId: string, actor: Actor): Promise<FollowStateDto> {
    await this.readable(this.repo.manager, ideaId, actor);
    return this.repo.transaction(async (manager) => {
      const { count } = await this.repo.remove('idea_follow', ideaId, actor.personId, manager);
      return { following: false, followerCount: count };
    });
  }

  private async readable(manager: EntityManager, ideaId: string, actor: Actor): Promise<LoadedIdea> {
    const idea = await this.ideas.load(manager, ideaId, actor);
    assertReadable(idea);
    return idea;
  }

  private async supportable(ideaId: string, actor: Actor): Promise<void> {
    const manager = this.repo.manager;
    const idea = await this.readable(manager, ideaId, actor);
    const features = await phaseFeaturesFor(manager, idea.idea.campaignId, new Date());
    assertDecision(canSupport(idea.state, idea.credited, features));
  }
}
