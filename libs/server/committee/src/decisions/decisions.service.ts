import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { assertDeciding, Conflict, decisionCommand, decisionKindOf, NotFound, type Actor } from '@eclore/domain';
import { AccessService } from '@eclore/server-identity';
import { ideaAnswerOf, IdeaAccess, IdeaCommandHooks, type IdeaCommandApplied } from '@eclore/server-ideas';
import type { DecisionInputDto, CommitteeSessionDto } from '../sessions/sessions.dto';
import { SessionsRepository } from '../sessions/sessions.repository';
import { SessionsService } from '../sessions/sessions.service';

/** The statuses an agenda item's idea is decided from: qualified, or a prototype whose experiment is validated. */
const DECIDED_FROM = new Set<string>(['decide', 'prototype']);

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
    private readonly repo: SessionsRepository,
    private readonly access: AccessService,
    private readonly ideas: IdeaAccess,
    private readonly sessions: SessionsService,
    private readonly hooks: IdeaCommandHooks,
  ) {}

  onModuleInit(): void {
    this.hooks.register((manager, applied) => this.recordOnOpenAgenda(manager, applied));
  }

  async decide(actor: Actor, sessionId: string, itemId: string, input: DecisionInputDto): Promise<CommitteeSessionDto> {
    // Any committee scope reaches the item; the lifecycle then checks the scope covers the idea.
    this.access.assert(actor, 'committee.decide');
    const session = await this.repo.find(sessionId);
    if (!session) throw new NotFound('committee_session', sessionId);
    assertDeciding(session.status);
    const item = await this.repo.item(sessionId, itemId);
    if (!item) throw new NotFound('agenda_item', itemId);
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
          const recorded = await this.repo.itemById(itemId, manager);
          if (recorded?.decision !== input.kind)
            throw new Conflict('already_decided', 'This agenda item has its decision.');
        },
      },
    );
    return this.sessions.get(actor, sessionId);
  }

  /**
   * Runs inside every lifecycle command: a decision from `decide` (or on a validated prototype, back
   * for decide_implement) lands on the idea's agenda item in a session not yet closed (at most one: an
   * idea is on one open agenda at a time). The rationale and parking date are the idea's answer and
   * parked_until, just written by the same command.
   */
  private async recordOnOpenAgenda(manager: EntityManager, applied: IdeaCommandApplied): Promise<void> {
    const kind = decisionKindOf(applied.command);
    if (!DECIDED_FROM.has(applied.from) || kind === null) return;
    const idea = await ideaAnswerOf(manager, applied.ideaId);
    await this.repo.recordOnOpenAgenda(
      applied.ideaId,
      {
        decision: kind,
        rationale: idea?.answerText ?? null,
        parkedUntil: kind === 'park' ? (idea?.parkedUntil ?? null) : null,
        decidedBy: applied.actorId,
      },
      manager,
    );
  }
}
