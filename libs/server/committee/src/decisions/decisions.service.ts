import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertDeciding, Conflict, decisionCommand, decisionKindOf, NotFound, type Actor } from '@eclore/domain';
import { AccessService } from '@eclore/server-identity';
import { IdeaAccess, IdeaCommandHooks, type IdeaCommandApplied } from '@eclore/server-ideas';
import { CommitteeAgendaItem, CommitteeSession } from '../entities';
import type { DecisionInputDto, CommitteeSessionDto } from '../sessions/sessions.dto';
import { SessionsService } from '../sessions';

/**
 * A decision on an agenda item is the idea's lifecycle command (decide_prototype, decide_implement,
 * park, decline) run by IdeaAccess: the committee member's scope, the required rationale and the
 * parking date are the lifecycle's rules, and the rationale becomes the idea's answer (public at once
 * on a published idea; authors and followers are notified through the outbox). The agenda item
 * records the decision in the same transaction, through a lifecycle hook: so a decision taken
 * elsewhere (on the idea's page) is recorded on the idea's open agenda item too, instead of leaving
 * it undecided.
 */
@Injectable()
export class DecisionsService implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly ideas: IdeaAccess,
    private readonly sessions: SessionsService,
    private readonly hooks: IdeaCommandHooks,
  ) {}

  onModuleInit(): void {
    this.hooks.register(recordOnOpenAgenda);
  }

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
        effects: async (manager) => {
          // Two members deciding at once: the second one's command already fails (the idea left
          // `decide`); here the hook must have recorded this item.
          const recorded = await manager.getRepository(CommitteeAgendaItem).findOneBy({ id: itemId });
          if (recorded?.decision !== input.kind)
            throw new Conflict('already_decided', 'This agenda item has its decision.');
        },
      },
    );
    return this.sessions.get(actor, sessionId);
  }
}

/**
 * Runs inside every lifecycle command: a decision from `decide` lands on the idea's agenda item in a
 * session not yet closed (at most one: an idea is on one open agenda at a time). The rationale and
 * parking date are the idea's answer and parked_until, just written by the same command.
 */
async function recordOnOpenAgenda(manager: EntityManager, applied: IdeaCommandApplied): Promise<void> {
  const kind = decisionKindOf(applied.command);
  if (applied.from !== 'decide' || kind === null) return;
  const [idea] = (await manager.query('SELECT answer_text, parked_until FROM idea WHERE id = $1', [
    applied.ideaId,
  ])) as {
    answer_text: string | null;
    parked_until: Date | null;
  }[];
  await manager
    .createQueryBuilder()
    .update(CommitteeAgendaItem)
    .set({
      decision: kind,
      rationale: idea?.answer_text ?? null,
      parkedUntil: kind === 'park' ? (idea?.parked_until ?? null) : null,
      decidedBy: applied.actorId,
      decidedAt: new Date(),
    })
    .where('idea_id = :ideaId AND decision IS NULL', { ideaId: applied.ideaId })
    .andWhere(`session_id IN (SELECT id FROM committee_session WHERE status <> 'closed')`)
    .execute();
}
