import { Injectable } from '@nestjs/common';
import { canReadIdea, Forbidden, isPublic, NotFound, ValidationFailed, type Actor } from '@eclore/domain';
import { AuditService } from '@eclore/server-identity';
import { IdeaAccess, type LoadedIdea } from '../ideas/idea-access.service';
import { ideaCard } from './idea-card';
import { canLinkIdea } from './link-policy';
import type { CreateLinkInput, IdeaLinkDto, LinkedIdeasDto, LinkKind } from './wall.dto';
import { WallRepository } from './wall.repository';

/** Links between ideas: "see also" (similar) and "this solution answers that problem" (addresses). */
@Injectable()
export class IdeaLinks {
  constructor(
    private readonly wall: WallRepository,
    private readonly ideas: IdeaAccess,
    private readonly audit: AuditService,
  ) {}

  /**
   * Links an idea to a public one. No side effect on either idea (no stage change, no counter): a
   * link only says "see also" (similar) or "this solution answers that problem" (addresses).
   */
  async link(actor: Actor, id: string, input: CreateLinkInput, requestId: string | null): Promise<IdeaLinkDto> {
    const from = await this.linkable(id, actor);
    if (input.toId === id)
      throw new ValidationFailed([{ field: 'toId', code: 'sameIdea', message: 'An idea cannot be linked to itself.' }]);
    const to = await this.find(input.toId, actor);
    if (!to || !isPublic(to.state))
      throw new ValidationFailed([{ field: 'toId', code: 'notOnWall', message: 'Link to an idea on the wall.' }]);
    if (input.kind === 'addresses' && !(from.state.kind === 'solution' && to.state.kind === 'problem'))
      throw new ValidationFailed([
        { field: 'kind', code: 'addressesSolutionToProblem', message: 'Only a solution addresses a problem.' },
      ]);
    const link = { fromId: id, toId: input.toId, kind: input.kind };
    await this.wall.transaction(async (manager) => {
      if (await this.wall.linkExists(link, manager)) return;
      await this.wall.insertLink(link, actor.personId, manager);
      await this.audit.append(manager, {
        actorId: actor.personId,
        action: 'idea.linked',
        subjectType: 'idea',
        subjectId: id,
        data: { toId: input.toId, kind: input.kind },
        requestId,
      });
    });
    return link;
  }

  async unlink(actor: Actor, id: string, kind: LinkKind, toId: string, requestId: string | null): Promise<void> {
    await this.linkable(id, actor);
    await this.wall.transaction(async (manager) => {
      if (!(await this.wall.deleteLink({ fromId: id, toId, kind }, manager))) throw new NotFound('idea_link');
      await this.audit.append(manager, {
        actorId: actor.personId,
        action: 'idea.unlinked',
        subjectType: 'idea',
        subjectId: id,
        data: { toId, kind },
        requestId,
      });
    });
  }

  async linked(actor: Actor, id: string): Promise<LinkedIdeasDto> {
    await this.readable(id, actor);
    const rows = await this.wall.linkedIdeas(id);
    return {
      items: rows.map((r) => ({ ...ideaCard(r, r.idea_kind), linkKind: r.kind, direction: r.direction })),
    };
  }

  private find(id: string, actor: Actor): Promise<LoadedIdea | null> {
    return this.ideas.find(this.wall.manager, id, actor);
  }

  /** The idea, if this person may read it (404 otherwise: no hint that a private draft exists). */
  private async readable(id: string, actor: Actor): Promise<LoadedIdea> {
    const idea = await this.find(id, actor);
    if (!idea || !canReadIdea(idea.state, idea.credited).allowed) throw new NotFound('idea', id);
    return idea;
  }

  private async linkable(id: string, actor: Actor): Promise<LoadedIdea> {
    const from = await this.readable(id, actor);
    if (!canLinkIdea(actor, { isAuthor: from.credited.isAuthor, target: from.credited.target }))
      throw new Forbidden('not_author_or_network', 'Only the idea’s authors or the innovation network may link it.');
    return from;
  }
}
