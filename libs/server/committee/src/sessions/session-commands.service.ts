import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Conflict, moveSession, NotFound, validateSession, ValidationFailed, type Actor } from '@eclore/domain';
import { AccessService, activeHoldersAmong } from '@eclore/server-identity';
import type { CommitteeSession } from '../entities';
import { SessionIdeas } from './session-ideas';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import type { CloseSessionInput, CommitteeSessionDto, CommitteeSessionInput } from './sessions.dto';

/**
 * A session's own life: planning it (title, date, language, members and chair), starting and closing
 * it (with who was present). Writes lock the session row.
 */
@Injectable()
export class SessionCommandsService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: SessionsRepository,
    private readonly sessionIdeas: SessionIdeas,
    private readonly access: AccessService,
    private readonly sessions: SessionsService,
  ) {}

  async create(actor: Actor, input: CommitteeSessionInput): Promise<CommitteeSessionDto> {
    this.access.assert(actor, 'committee.manage');
    const { title, language } = validateSession({ ...input, scheduledAt: new Date(input.scheduledAt) });
    const id = await this.ds.transaction(async (manager) => {
      await this.assertCommitteeMembers(manager, input.memberIds);
      const session = await this.repo.create(
        {
          title,
          language,
          scheduledAt: new Date(input.scheduledAt),
          status: 'planned',
          createdBy: actor.personId,
          startedAt: null,
          closedAt: null,
        },
        manager,
      );
      await this.repo.replaceMembers(session.id, input.memberIds, input.chairId, manager);
      return session.id;
    });
    return this.sessions.get(actor, id);
  }

  async update(actor: Actor, id: string, input: CommitteeSessionInput): Promise<CommitteeSessionDto> {
    this.access.assert(actor, 'committee.manage');
    const { title, language } = validateSession({ ...input, scheduledAt: new Date(input.scheduledAt) });
    await this.ds.transaction(async (manager) => {
      const session = await this.lockManaged(manager, actor, id);
      if (session.status !== 'planned')
        throw new Conflict('session_status', 'Only a planned session can be rescheduled or change members.');
      await this.assertCommitteeMembers(manager, input.memberIds);
      Object.assign(session, { title, language, scheduledAt: new Date(input.scheduledAt) });
      await this.repo.save(session, manager);
      await this.repo.replaceMembers(id, input.memberIds, input.chairId, manager);
    });
    return this.sessions.get(actor, id);
  }

  async start(actor: Actor, id: string): Promise<CommitteeSessionDto> {
    this.access.assert(actor, 'committee.manage');
    await this.ds.transaction(async (manager) => {
      const session = await this.lockManaged(manager, actor, id);
      session.status = moveSession(session.status, 'start');
      session.startedAt = new Date();
      await this.repo.save(session, manager);
    });
    return this.sessions.get(actor, id);
  }

  async close(actor: Actor, id: string, input: CloseSessionInput): Promise<CommitteeSessionDto> {
    this.access.assert(actor, 'committee.manage');
    await this.ds.transaction(async (manager) => {
      const session = await this.lockManaged(manager, actor, id);
      session.status = moveSession(session.status, 'close');
      session.closedAt = new Date();
      const members = await this.repo.memberRows(id, manager);
      const memberIds = new Set(members.map((m) => m.personId));
      if (input.presentIds.some((p) => !memberIds.has(p)))
        throw new ValidationFailed([
          { field: 'presentIds', code: 'not_a_member', message: 'Only the session’s members can be present.' },
        ]);
      await this.repo.save(session, manager);
      for (const m of members) {
        await this.repo.setPresence(id, m.personId, input.presentIds.includes(m.personId), manager);
      }
    });
    return this.sessions.get(actor, id);
  }

  /** Locks the session (404 when unknown), then checks the actor's scope covers its whole agenda. */
  private async lockManaged(manager: EntityManager, actor: Actor, id: string): Promise<CommitteeSession> {
    const session = await this.repo.lock(id, manager);
    if (!session) throw new NotFound('committee_session', id);
    await this.sessionIdeas.assertManagesAgenda(manager, actor, id);
    return session;
  }

  private async assertCommitteeMembers(manager: EntityManager, memberIds: readonly string[]): Promise<void> {
    const ok = await activeHoldersAmong(manager, memberIds, 'committee_member');
    if (memberIds.some((m) => !ok.has(m)))
      throw new ValidationFailed([
        {
          field: 'memberIds',
          code: 'not_committee_member',
          message: 'Every member must be an active committee member.',
        },
      ]);
  }
}
