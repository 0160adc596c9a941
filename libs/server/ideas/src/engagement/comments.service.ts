import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IdeaComment } from '../entities';
import { canComment, decide, hasRole, NotFound, ValidationFailed, type Actor, type Decision } from '@eclore/domain';
import { plainText, sanitizeRichText } from '@eclore/server-platform';
import { findPeople, type Person } from '@eclore/server-identity';
import { IdeaAccess, type LoadedIdea } from '../ideas/idea-access.service';
import { CommentsRepository } from './comments.repository';
import { assertDecision, assertReadable } from './decisions';
import type { PersonRefDto } from '@eclore/server-platform';
import type { CommentDto, CommentThreadDto, CreateCommentDto } from './engagement.dto';
import { appendIdeaEvents, type NewIdeaEvent } from './events';
import { phaseFeaturesFor } from './idea-context';
import { MAX_MENTIONS, mentionIds, renderMentions } from './mentions';

/** What a comment-moving merge records on the target's `merged` event (read back for the note of origin). */
export interface MergedEventData {
  fromIdeaId: string;
  movedCommentIds: string[];
}

const personDto = (p: Person): PersonRefDto => ({ id: p.id, givenName: p.givenName, familyName: p.familyName });

/**
 * Who may see that `personId` wrote something on this idea. Authors hidden by the idea's anonymity
 * are known to themselves and their fellow authors; an author whose credit came anonymous from a
 * merge, to themselves only.
 */
export function identityVisibleTo(
  idea: LoadedIdea,
  viewerId: string,
  personId: string,
  anonymousCredits: ReadonlySet<string>,
): boolean {
  if (!idea.hiddenAuthorIds.has(personId)) return true;
  if (viewerId === personId) return true;
  return idea.idea.anonymous && idea.credited.isAuthor && !anonymousCredits.has(personId);
}

/** Credits kept anonymous by a merge: known to their holder only. */
function anonymousCreditsOf(idea: LoadedIdea): Set<string> {
  return new Set(idea.authors.filter((a) => a.status === 'accepted' && a.anonymous).map((a) => a.personId));
}

/** Threaded comments with @mentions; hidden ones keep their place in the thread, without their text. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly repo: CommentsRepository,
    private readonly ideas: IdeaAccess,
  ) {}

  async list(ideaId: string, actor: Actor): Promise<CommentThreadDto> {
    const manager = this.repo.manager;
    const idea = await this.ideas.load(manager, ideaId, actor);
    assertReadable(idea);
    const comments = await this.repo.commentsOf(ideaId, manager);
    const personIds = [...new Set(comments.flatMap((c) => [c.authorId, ...c.mentions]))];
    const people = new Map((await findPeople(manager, personIds)).map((p) => [p.id, p]));
    const anonymousCredits = anonymousCreditsOf(idea);
    const origins = await this.origins(manager, ideaId);
    const moderator = hasRole(actor, 'network_member', idea.credited.target);
    const adoption = (c: IdeaComment) => adoptDecision(idea, actor, c).allowed;

    const dtos = new Map<string, CommentDto>();
    for (const c of comments) {
      // The capturer of an anonymous idea writes as its author: the same badge, the same hiding.
      const byIdeaAuthor = idea.authorIds.includes(c.authorId) || idea.hiddenAuthorIds.has(c.authorId);
      const author = people.get(c.authorId);
      const showsAuthor = author !== undefined && identityVisibleTo(idea, actor.personId, c.authorId, anonymousCredits);
      // A hidden comment's text and the moderator's reason are for its author and the network.
      const privileged = moderator || c.authorId === actor.personId;
      const showsBody = c.hiddenAt === null || privileged;
      dtos.set(c.id, {
        id: c.id,
        parentId: c.parentId,
        author: showsAuthor ? personDto(author) : null,
        byIdeaAuthor,
        bodyHtml: showsBody ? c.bodyHtml : null,
        mentions: showsBody ? c.mentions.flatMap((id) => (people.has(id) ? [personDto(people.get(id)!)] : [])) : [],
        createdAt: c.createdAt.toISOString(),
        hidden: c.hiddenAt ? { hiddenAt: c.hiddenAt.toISOString(), reason: privileged ? c.hiddenReason : null } : null,
        mergedFrom: origins.get(c.id) ?? null,
        // A hidden comment shows no mark; moderation restoring it brings the mark back.
        adopted: c.adoptedAt !== null && c.hiddenAt === null,
        canAdopt: adoption(c),
        replies: [],
      });
    }
    const roots: CommentDto[] = [];
    for (const dto of dtos.values()) {
      const parent = dto.parentId ? dtos.get(dto.parentId) : undefined;
      if (parent) parent.replies.push(dto);
      else roots.push(dto);
    }
    return { items: roots, commentCount: idea.idea.commentCount };
  }

  /** Comments moved here by merges: comment id → the idea they came from. */
  private async origins(
    manager: EntityManager,
    ideaId: string,
  ): Promise<Map<string, { ideaId: string; ideaTitle: string }>> {
    // The target's `merged` events carry `fromIdeaId` (the merged idea's own carries `targetId`).
    const events = (await this.repo.mergedEvents(ideaId, manager)).filter(
      (e) => typeof e.data['fromIdeaId'] === 'string',
    );
    const result = new Map<string, { ideaId: string; ideaTitle: string }>();
    if (events.length === 0) return result;
    const titles = await this.repo.titles(
      events.map((e) => (e.data as unknown as MergedEventData).fromIdeaId),
      manager,
    );
    for (const e of events) {
      const data = e.data as unknown as MergedEventData;
      for (const id of data.movedCommentIds ?? []) {
        result.set(id, { ideaId: data.fromIdeaId, ideaTitle: titles.get(data.fromIdeaId) ?? '' });
      }
    }
    return result;
  }

  async create(ideaId: string, input: CreateCommentDto, actor: Actor): Promise<CommentDto> {
    const id = await this.repo.transaction(async (manager) => {
      const idea = await this.ideas.load(manager, ideaId, actor);
      assertReadable(idea);
      assertDecision(
        canComment(idea.state, idea.credited, await phaseFeaturesFor(manager, idea.idea.campaignId, new Date())),
      );

      if (input.parentId) await this.checkParent(manager, ideaId, input.parentId);
      const { bodyHtml, mentions } = await this.body(manager, input.bodyHtml);
      const parentId = input.parentId ?? null;
      const commentId = await this.repo.insert(
        { ideaId, parentId, authorId: actor.personId, bodyHtml, mentions },
        manager,
      );

      // An anonymous author's act carries no identity, not even in the private history.
      const hidden = idea.hiddenAuthorIds.has(actor.personId);
      const actorId = hidden ? null : actor.personId;
      const events: NewIdeaEvent[] = [
        {
          ideaId,
          type: 'commented',
          actorId,
          public: false,
          data: { commentId, parentId, byAnonymousAuthor: hidden },
        },
        // One per person so the notifications can tell each of them.
        ...mentions
          .filter((pid) => pid !== actor.personId)
          .map((pid) => ({
            ideaId,
            type: 'mentioned',
            actorId,
            public: false,
            data: { commentId, personId: pid, byAnonymousAuthor: hidden },
          })),
      ];
      await appendIdeaEvents(manager, events);
      return commentId;
    });
    return findComment((await this.list(ideaId, actor)).items, id)!;
  }

  /**
   * The idea's authors mark a comment adopted (retenu) or withdraw the mark; both idempotent. The
   * first adoption of a comment appends `comment_adopted` (data: the comment and its writer) and so
   * credits the writer once in the ledger (network group) and tells them; withdrawing the mark keeps
   * the credit (the ledger only grows) and adopting it again appends nothing. An anonymous author's
   * act records no actor, as every act of theirs.
   */
  async setAdoption(ideaId: string, commentId: string, adopted: boolean, actor: Actor): Promise<CommentDto> {
    await this.repo.transaction(async (manager) => {
      const idea = await this.ideas.load(manager, ideaId, actor);
      assertReadable(idea);
      // Who asks first: someone who is not an author learns nothing of the comment.
      assertDecision(
        decide(actor, 'comment.adopt', { target: idea.credited.target, isAuthor: idea.credited.isAuthor }),
      );
      const comment = await this.repo.lockOnIdea(commentId, ideaId, manager);
      if (!comment) throw new NotFound('comment', commentId);
      assertDecision(adoptDecision(idea, actor, comment));
      if ((comment.adoptedAt !== null) === adopted) return;
      await this.repo.setAdopted(commentId, adopted ? new Date() : null, manager);
      if (!adopted || (await this.repo.everAdopted(ideaId, commentId, manager))) return;
      const hidden = idea.hiddenAuthorIds.has(actor.personId);
      await appendIdeaEvents(manager, [
        {
          ideaId,
          type: 'comment_adopted',
          actorId: hidden ? null : actor.personId,
          public: false,
          data: { commentId, personId: comment.authorId, byAnonymousAuthor: hidden },
        },
      ]);
    });
    return findComment((await this.list(ideaId, actor)).items, commentId)!;
  }

  /** A reply goes under a visible comment of the same idea. */
  private async checkParent(manager: EntityManager, ideaId: string, parentId: string): Promise<void> {
    const parent = await this.repo.findOnIdea(parentId, ideaId, manager);
    if (!parent) {
      throw new ValidationFailed([
        { field: 'parentId', code: 'unknown_parent', message: 'The parent comment is not on this idea.' },
      ]);
    }
    if (parent.hiddenAt) {
      throw new ValidationFailed([
        { field: 'parentId', code: 'parent_hidden', message: 'A hidden comment takes no replies.' },
      ]);
    }
  }

  /** The sanitised body with its @mentions resolved to active people (named in the text). */
  private async body(manager: EntityManager, html: string): Promise<{ bodyHtml: string; mentions: string[] }> {
    const clean = sanitizeRichText(html);
    if (plainText(clean) === '') {
      throw new ValidationFailed([{ field: 'bodyHtml', code: 'isNotEmpty', message: 'The comment is empty.' }]);
    }
    const asked = mentionIds(clean);
    if (asked.length > MAX_MENTIONS) {
      throw new ValidationFailed([
        { field: 'bodyHtml', code: 'too_many_mentions', message: `At most ${MAX_MENTIONS} people may be mentioned.` },
      ]);
    }
    const mentioned = (await findPeople(manager, asked)).filter((p) => p.active);
    const names = new Map(mentioned.map((p) => [p.id, `${p.givenName} ${p.familyName}`]));
    return { bodyHtml: renderMentions(clean, names), mentions: asked.filter((pid) => names.has(pid)) };
  }
}

/** May the actor mark this comment adopted (or withdraw the mark)? The domain decides. */
function adoptDecision(idea: LoadedIdea, actor: Actor, c: IdeaComment): Decision {
  return decide(actor, 'comment.adopt', {
    target: idea.credited.target,
    isAuthor: idea.credited.isAuthor,
    comment: {
      byActor: c.authorId === actor.personId,
      // The capturer of an anonymous idea writes as its author.
      byIdeaAuthor: idea.authorIds.includes(c.authorId) || idea.hiddenAuthorIds.has(c.authorId),
      hidden: c.hiddenAt !== null,
    },
  });
}

/** A comment anywhere in the threads. */
function findComment(items: readonly CommentDto[], id: string): CommentDto | undefined {
  for (const c of items) {
    if (c.id === id) return c;
    const inner = findComment(c.replies, id);
    if (inner) return inner;
  }
  return undefined;
}
