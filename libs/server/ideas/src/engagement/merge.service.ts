import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { canReadIdea, Conflict, transition, ValidationFailed, type Actor, type TransitionResult } from '@eclore/domain';
import { AuditService } from '@eclore/server-identity';
import { IdeaAccess, type LoadedIdea } from '../ideas/idea-access.service';
import { IdeaCommandHooks } from '../ideas/idea-command-hooks';
import { appendIdeaEvents } from './events';
import type { MergedEventData } from './comments.service';
import { assertReadable } from './decisions';
import type { MergeIdeaDto, MergeResultDto } from './engagement.dto';
import { EngagementRepository, type MergeMove } from './engagement.repository';

type Merged = Extract<TransitionResult, { ok: true }>;

/** What moved to the target, as the merge answers it (and audits it). */
interface MergeOutcome {
  supportsMoved: number;
  followersMoved: number;
  commentsMoved: number;
  coAuthorsCredited: number;
}

/** Who is told of the merge: the duplicate's supporters and followers (its authors by reference). */
interface MergeAudience {
  supporterIds: string[];
  followerIds: string[];
}

/**
 * Merging a duplicate into another idea (the domain's `merge` command), in ONE transaction: the
 * duplicate ends as `merged`; its supports and followers move to the target (once per person), its
 * comments move with their threads (and a note of origin), its authors are credited as co-authors of
 * the target keeping their anonymity, and both ideas get a `merged` event.
 */
@Injectable()
export class MergeService {
  constructor(
    private readonly repo: EngagementRepository,
    private readonly ideas: IdeaAccess,
    private readonly audit: AuditService,
    private readonly hooks: IdeaCommandHooks,
  ) {}

  merge(sourceId: string, input: MergeIdeaDto, actor: Actor): Promise<MergeResultDto> {
    return this.repo.transaction(async (manager) => {
      await this.repo.lockIdeas([sourceId, input.targetId], manager);
      const source = await this.ideas.load(manager, sourceId, actor);
      assertReadable(source);
      const target = await this.loadTarget(manager, input.targetId, actor);
      const move: MergeMove = { sourceId, targetId: target.idea.id };

      const command = { type: 'merge' as const, targetId: target.idea.id, targetStatus: target.idea.status };
      const result = transition(source.state, command, source.credited, new Date());
      if (!result.ok) throw result.error;
      if (!(await this.repo.markMerged(move, result.next.status, source.idea.version, manager)))
        throw new Conflict('idea_changed', 'The idea changed meanwhile; reload it.');

      const audience: MergeAudience = {
        supporterIds: await this.repo.supporterIds(sourceId, manager),
        followerIds: await this.repo.followerIds(sourceId, manager),
      };
      // The target's authors (and the duplicate's, now co-authors) do not support their own idea.
      const targetCredits = [...new Set([...target.authorIds, ...source.authorIds])];
      const supportsMoved = await this.repo.moveSupports(move, targetCredits, manager);
      const followersMoved = await this.repo.moveFollows(move, manager);
      const movedCommentIds = await this.repo.moveComments(move, manager);
      const coAuthorsCredited = await this.creditAuthors(manager, source, target, actor);
      await this.repo.recount([sourceId, target.idea.id], manager);

      const reason = input.reason.trim();
      const outcome = { supportsMoved, followersMoved, commentsMoved: movedCommentIds.length, coAuthorsCredited };
      await this.appendEvents(manager, { source, target, result, actor, reason, audience, movedCommentIds, outcome });
      await this.hooks.run(manager, {
        ideaId: sourceId,
        command: 'merge',
        from: result.event.from,
        to: result.event.to,
        actorId: actor.personId,
      });
      await this.audit.append(manager, {
        actorId: actor.personId,
        action: 'idea.merged',
        subjectType: 'idea',
        subjectId: sourceId,
        data: { targetId: target.idea.id, reason, ...outcome },
      });
      return { targetId: target.idea.id, ...outcome };
    });
  }

  /** The duplicate's authors become co-authors of the target; answers how many credits are new. */
  private async creditAuthors(
    manager: EntityManager,
    source: LoadedIdea,
    target: LoadedIdea,
    actor: Actor,
  ): Promise<number> {
    let credited = 0;
    for (const personId of source.authorIds) {
      if (personId === target.idea.authorId) continue;
      // Anonymous on the duplicate stays anonymous on the target, whatever the target's own setting.
      const anonymous = source.hiddenAuthorIds.has(personId);
      if (await this.repo.creditCoAuthor(target.idea.id, personId, actor.personId, anonymous, manager)) credited += 1;
    }
    return credited;
  }

  private async appendEvents(
    manager: EntityManager,
    m: {
      source: LoadedIdea;
      target: LoadedIdea;
      result: Merged;
      actor: Actor;
      reason: string;
      audience: MergeAudience;
      movedCommentIds: string[];
      outcome: MergeOutcome;
    },
  ): Promise<void> {
    const sourceId = m.source.idea.id;
    const target = m.target.idea;
    const targetEvent: MergedEventData & Record<string, unknown> = {
      fromIdeaId: sourceId,
      reason: m.reason,
      movedCommentIds: m.movedCommentIds,
      supportsMoved: m.outcome.supportsMoved,
      followersMoved: m.outcome.followersMoved,
    };
    await appendIdeaEvents(manager, [
      {
        ideaId: sourceId,
        type: 'merged',
        fromStatus: m.result.event.from,
        toStatus: m.result.event.to,
        actorId: m.actor.personId,
        public: m.result.event.public,
        data: {
          targetId: target.id,
          reason: m.reason,
          // Everyone to tell. Authors by reference: the notifier reads them from the idea and keeps
          // an anonymous author's identity out of what others receive.
          recipients: { authorsOfIdeaId: sourceId, ...m.audience },
        },
      },
      {
        ideaId: target.id,
        type: 'merged',
        fromStatus: null,
        toStatus: null,
        actorId: m.actor.personId,
        public: target.publishedAt !== null && target.hiddenAt === null,
        data: { ...targetEvent },
      },
    ]);
  }

  /** The target must exist and be readable by the actor; otherwise the field is wrong, not the route. */
  private async loadTarget(manager: EntityManager, targetId: string, actor: Actor): Promise<LoadedIdea> {
    const target = await this.ideas.find(manager, targetId, actor);
    if (!target || !canReadIdea(target.state, target.credited).allowed) {
      throw new ValidationFailed([
        { field: 'targetId', code: 'unknown_target', message: 'No such idea to merge into.' },
      ]);
    }
    return target;
  }
}
