import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { canReadIdea, Conflict, transition, ValidationFailed, type Actor } from '@eclore/domain';
import { AuditService } from '@eclore/server-identity';
import { Idea } from '../entities';
import { IdeaCommandHooks } from '../ideas/idea-command-hooks';
import { appendIdeaEvents } from './events';
import type { MergedEventData } from './comments.service';
import { recount } from './counters';
import { assertReadable } from './decisions';
import type { MergeIdeaDto, MergeResultDto } from './engagement.dto';
import { loadIdea } from './idea-context';

const ids = (rows: { person_id?: string; id?: string }[]) => rows.map((r) => (r.person_id ?? r.id)!);

/**
 * Merging a duplicate into another idea (the domain's `merge` command), in ONE transaction: the
 * duplicate ends as `merged`; its supports and followers move to the target (once per person), its
 * comments move with their threads (and a note of origin), its authors are credited as co-authors of
 * the target keeping their anonymity, and both ideas get a `merged` event.
 */
@Injectable()
export class MergeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly hooks: IdeaCommandHooks,
  ) {}

  merge(sourceId: string, input: MergeIdeaDto, actor: Actor): Promise<MergeResultDto> {
    return this.dataSource.transaction(async (manager) => {
      // Both rows locked, in a fixed order, so two merges touching the same ideas cannot deadlock.
      await manager.query('SELECT id FROM idea WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [
        [sourceId, input.targetId],
      ]);
      const source = await loadIdea(manager, sourceId, actor);
      assertReadable(source);
      const target = await this.loadTarget(manager, input.targetId, actor);

      const now = new Date();
      const result = transition(
        source.state,
        { type: 'merge', targetId: target.row.id, targetStatus: target.row.status },
        source.ctx,
        now,
      );
      if (!result.ok) throw result.error;

      const updated = (await manager.query(
        `UPDATE idea SET status = $2, merged_into_id = $3, version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $4 RETURNING id`,
        [sourceId, result.next.status, target.row.id, source.row.version],
      )) as [unknown[], number];
      if (updated[0].length === 0) throw new Conflict('idea_changed', 'The idea changed meanwhile; reload it.');

      const supporterIds = ids(await manager.query('SELECT person_id FROM support WHERE idea_id = $1', [sourceId]));
      const followerIds = ids(await manager.query('SELECT person_id FROM idea_follow WHERE idea_id = $1', [sourceId]));

      // The target's authors (and the duplicate's, now co-authors) do not support their own idea.
      const targetCredits = [...new Set([...target.authorIds, ...source.authorIds])];
      const supportsMoved = (
        (await manager.query(
          `INSERT INTO support (idea_id, person_id, created_at)
           SELECT $2, person_id, created_at FROM support WHERE idea_id = $1 AND person_id <> ALL($3::uuid[])
           ON CONFLICT DO NOTHING RETURNING person_id`,
          [sourceId, target.row.id, targetCredits],
        )) as unknown[]
      ).length;
      await manager.query('DELETE FROM support WHERE idea_id = $1', [sourceId]);

      const followersMoved = (
        (await manager.query(
          `INSERT INTO idea_follow (idea_id, person_id, created_at)
           SELECT $2, person_id, created_at FROM idea_follow WHERE idea_id = $1
           ON CONFLICT DO NOTHING RETURNING person_id`,
          [sourceId, target.row.id],
        )) as unknown[]
      ).length;
      await manager.query('DELETE FROM idea_follow WHERE idea_id = $1', [sourceId]);

      // Replies keep their parent: the whole thread moves together.
      const movedCommentIds = ids(
        (
          (await manager.query('UPDATE idea_comment SET idea_id = $2 WHERE idea_id = $1 RETURNING id', [
            sourceId,
            target.row.id,
          ])) as [{ id: string }[], number]
        )[0],
      );

      let coAuthorsCredited = 0;
      for (const personId of source.authorIds) {
        if (personId === target.row.authorId) continue;
        // Anonymous on the duplicate stays anonymous on the target, whatever the target's own setting.
        const anonymous = source.hiddenAuthorIds.has(personId);
        const credited = (await manager.query(
          `INSERT INTO idea_author (idea_id, person_id, role, status, invited_by, invited_at, responded_at, anonymous)
           VALUES ($1, $2, 'co_author', 'accepted', $3, now(), now(), $4)
           ON CONFLICT (idea_id, person_id) DO UPDATE
             SET status = 'accepted', responded_at = now(), anonymous = idea_author.anonymous OR EXCLUDED.anonymous
             WHERE idea_author.status <> 'accepted' OR (EXCLUDED.anonymous AND NOT idea_author.anonymous)
           RETURNING person_id`,
          [target.row.id, personId, actor.personId, anonymous],
        )) as unknown[];
        coAuthorsCredited += credited.length;
      }

      await recount(manager, [sourceId, target.row.id]);

      const reason = input.reason.trim();
      const targetEvent: MergedEventData & Record<string, unknown> = {
        fromIdeaId: sourceId,
        reason,
        movedCommentIds,
        supportsMoved,
        followersMoved,
      };
      await appendIdeaEvents(manager, [
        {
          ideaId: sourceId,
          type: 'merged',
          fromStatus: result.event.from,
          toStatus: result.event.to,
          actorId: actor.personId,
          public: result.event.public,
          data: {
            targetId: target.row.id,
            reason,
            // Everyone to tell. Authors by reference: the notifier reads them from the idea and keeps
            // an anonymous author's identity out of what others receive.
            recipients: { authorsOfIdeaId: sourceId, supporterIds, followerIds },
          },
        },
        {
          ideaId: target.row.id,
          type: 'merged',
          fromStatus: null,
          toStatus: null,
          actorId: actor.personId,
          public: target.row.publishedAt !== null && target.row.hiddenAt === null,
          data: { ...targetEvent },
        },
      ]);

      await this.hooks.run(manager, {
        ideaId: sourceId,
        command: 'merge',
        from: result.event.from,
        to: result.event.to,
        actorId: actor.personId,
      });

      const outcome = { supportsMoved, followersMoved, commentsMoved: movedCommentIds.length, coAuthorsCredited };
      await this.audit.append(manager, {
        actorId: actor.personId,
        action: 'idea.merged',
        subjectType: 'idea',
        subjectId: sourceId,
        data: { targetId: target.row.id, reason, ...outcome },
      });
      return { targetId: target.row.id, ...outcome };
    });
  }

  /** The target must exist and be readable by the actor; otherwise the field is wrong, not the route. */
  private async loadTarget(manager: EntityManager, targetId: string, actor: Actor) {
    const row = await manager.findOne(Idea, { where: { id: targetId }, select: { id: true } });
    const target = row ? await loadIdea(manager, targetId, actor) : null;
    if (!target || !canReadIdea(target.state, target.ctx).allowed) {
      throw new ValidationFailed([
        { field: 'targetId', code: 'unknown_target', message: 'No such idea to merge into.' },
      ]);
    }
    return target;
  }
}
