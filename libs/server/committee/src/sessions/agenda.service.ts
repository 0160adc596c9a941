import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AGENDA_STATUSES, assertAgendaEditable, Conflict, NotFound, reorderAgenda, type Actor } from '@eclore/domain';
import { AccessService } from '@eclore/server-identity';
import { appendIdeaEvents, IdeaAccess } from '@eclore/server-ideas';
import { attachEvidenceToAgendaItem, validatedExperimentOf } from '@eclore/server-realisation';
import type { CommitteeSession } from '../entities';
import { SessionIdeas } from './session-ideas';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import type { CommitteeSessionDto } from './sessions.dto';

/**
 * A session's agenda: adding a qualified idea, removing an undecided one, reordering. Writes lock the
 * session row so that two members editing the agenda at once keep a gapless order.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: SessionsRepository,
    private readonly sessionIdeas: SessionIdeas,
    private readonly ideas: IdeaAccess,
    private readonly access: AccessService,
    private readonly sessions: SessionsService,
  ) {}

  async addItem(actor: Actor, id: string, ideaId: string): Promise<CommitteeSessionDto> {
    this.access.assert(actor, 'committee.manage');
    await this.ds.transaction(async (manager) => {
      const session = await this.lockEditable(manager, id);
      const idea = await this.ideas.loadReadable(manager, ideaId, actor);
      this.access.assert(actor, 'committee.manage', { target: idea.viewer.target });
      // A prototype comes back for decide_implement once its experiment is validated, with its evidence.
      const evidence = idea.idea.status === 'prototype' ? await validatedExperimentOf(manager, ideaId) : null;
      if (!AGENDA_STATUSES.includes(idea.idea.status) && !evidence)
        throw new Conflict(
          'not_qualified',
          'Only ideas qualified by the network, or prototypes with a validated experiment, can be put on an agenda.',
        );
      if (await this.repo.onOpenAgenda(ideaId, manager))
        throw new Conflict('already_on_agenda', 'This idea is already on the agenda of an open session.');
      const itemId = await this.repo.appendItem(id, ideaId, actor.personId, manager);
      if (evidence) await attachEvidenceToAgendaItem(manager, evidence.experimentId, itemId);
      const members = await this.repo.memberRows(id, manager);
      // The members are told an idea is coming up (notifications: needs action).
      await appendIdeaEvents(manager, [
        {
          ideaId,
          type: 'committee_agenda_added',
          actorId: actor.personId,
          public: false,
          data: {
            sessionId: id,
            memberIds: members.map((m) => m.personId),
            sessionDate: session.scheduledAt.toISOString(),
          },
        },
      ]);
    });
    return this.sessions.get(actor, id);
  }

  async removeItem(actor: Actor, id: string, itemId: string): Promise<CommitteeSessionDto> {
    this.access.assert(actor, 'committee.manage');
    await this.ds.transaction(async (manager) => {
      await this.lockEditable(manager, id);
      const item = await this.repo.item(id, itemId, manager);
      if (!item) throw new NotFound('agenda_item', itemId);
      const idea = await this.ideas.load(manager, item.ideaId, actor);
      this.access.assert(actor, 'committee.manage', { target: idea.viewer.target });
      if (item.decision !== null) throw new Conflict('already_decided', 'A decided item stays on the agenda.');
      await this.repo.deleteItem(itemId, manager);
      const rest = await this.repo.items(id, manager);
      await this.repo.renumber(
        rest.map((r) => r.id),
        manager,
      );
    });
    return this.sessions.get(actor, id);
  }

  async reorder(actor: Actor, id: string, itemIds: readonly string[]): Promise<CommitteeSessionDto> {
    this.access.assert(actor, 'committee.manage');
    await this.ds.transaction(async (manager) => {
      await this.lockEditable(manager, id);
      await this.sessionIdeas.assertManagesAgenda(manager, actor, id);
      const current = await this.repo.items(id, manager);
      await this.repo.renumber(
        reorderAgenda(
          current.map((c) => c.id),
          itemIds,
        ),
        manager,
      );
    });
    return this.sessions.get(actor, id);
  }

  /** Locks the session (404 when unknown) and checks its agenda may still change. */
  private async lockEditable(manager: EntityManager, id: string): Promise<CommitteeSession> {
    const session = await this.repo.lock(id, manager);
    if (!session) throw new NotFound('committee_session', id);
    assertAgendaEditable(session.status);
    return session;
  }
}
