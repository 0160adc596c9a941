import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { assertDeciding, Conflict, decisionCommand, NotFound, type Actor } from '@eclore/domain';
import { AccessService } from '@eclore/server-identity';
import { IdeaAccess } from '@eclore/server-ideas';
import { CommitteeAgendaItem, CommitteeSession } from '../entities';
import type { DecisionInputDto, CommitteeSessionDto } from '../sessions/sessions.dto';
import { SessionsService } from '../sessions';

/**
 * A decision on an agenda item is the idea's lifecycle command (decide_prototype, decide_implement,
 * park, decline) run by IdeaAccess: the committee member's scope, the required rationale and the
 * parking date are the lifecycle's rules, and the rationale becomes the idea's answer (public at once
 * on a published idea; authors and followers are notified through the outbox). The agenda item
 * records the decision in the same transaction.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly ideas: IdeaAccess,
    private readonly sessions: SessionsService,
  ) {}

  async decide(actor: Actor, sessionId: string, itemId: string, input: DecisionInputDto): Promise<CommitteeSessionDto> {
    // Any committee scope reaches the item; the lifecycle then checks the scope covers the idea.
    this.access.assert(actor, 'committee.decide');
    const session = await this.ds.getRepository(CommitteeSession).findOneBy({ id: sessionId });
    if (!session) throw new NotFound('committee_session', sessionId);
    assertDeciding(session.status);
    const item = await this.sessions.item(this.ds.manager, sessionId, itemId);
    if (item.decision !== null) throw new Conflict('already_decided', 'This agenda item has its decision.');
    const until = input.until === undefined ? null : new Date(input.until);
    await this.ideas.runCommand(
      actor,
      item.ideaId,
      decisionCommand({ kind: input.kind, rationale: input.rationale, until }),
      {
        effects: async (manager, _loaded, result) => {
          const res = await manager.getRepository(CommitteeAgendaItem).update(
            { id: itemId, decision: IsNull() },
            {
              decision: input.kind,
              rationale: result.event.details.rationale ?? null,
              parkedUntil: result.event.details.until ?? null,
              decidedBy: actor.personId,
              decidedAt: result.event.at,
            },
          );
          // Two members deciding at once: the second finds the item decided and nothing changes.
          if (res.affected !== 1) throw new Conflict('already_decided', 'This agenda item has its decision.');
        },
      },
    );
    return this.sessions.get(actor, sessionId);
  }
}
