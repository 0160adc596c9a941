import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import {
  AGENDA_STATUSES,
  assertAgendaEditable,
  Conflict,
  moveSession,
  NotFound,
  rankByWeightedScore,
  reorderAgenda,
  validateSession,
  ValidationFailed,
  type Actor,
} from '@eclore/domain';
import { AccessService, Person, RoleGrant } from '@eclore/server-identity';
import { appendIdeaEvents, Idea, IdeaAccess, type LoadedIdea } from '@eclore/server-ideas';
import { CommitteeAgendaItem, CommitteeSession, CommitteeSessionMember } from '../entities';
import { scorecardsOf } from './scorecards';
import type {
  AgendaItemDto,
  AgendaSuggestionDto,
  CloseSessionInput,
  CommitteeMemberDto,
  PreReadingPackDto,
  PrioritisationDto,
  CommitteeSessionDto,
  CommitteeSessionInput,
  CommitteeSessionSummaryDto,
  ScorecardSummaryDto,
} from './sessions.dto';

/** How many qualified ideas the suggestions and the prioritisation look at (a committee's backlog). */
const CANDIDATE_LIMIT = 200;

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());
const personRef = (p: Person) => ({ id: p.id, givenName: p.givenName, familyName: p.familyName });

/**
 * Committee sessions and their agendas. Writes lock the session row so that two members editing the
 * agenda at once keep a gapless order. Ideas are always answered through the ideas presenter, so an
 * anonymous author never reaches a committee screen.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly ideas: IdeaAccess,
  ) {}

  async list(actor: Actor): Promise<CommitteeSessionSummaryDto[]> {
    this.access.assert(actor, 'committee.read');
    const sessions = await this.ds.getRepository(CommitteeSession).find({ order: { scheduledAt: 'DESC' } });
    return this.summaries(this.ds.manager, sessions);
  }

  /** Active people holding the committee role (any scope): who may be invited to a session. */
  async committeeMembers(actor: Actor): Promise<CommitteeMemberDto[]> {
    this.access.assert(actor, 'committee.read');
    const people = await this.ds
      .getRepository(Person)
      .createQueryBuilder('p')
      .where('p.active')
      .andWhere(
        `EXISTS (SELECT 1 FROM role_grant g WHERE g.person_id = p.id AND g.role = 'committee_member' AND g.revoked_at IS NULL)`,
      )
      .orderBy('p.family_name')
      .addOrderBy('p.given_name')
      .getMany();
    return people.map(personRef);
  }

  async create(actor: Actor, input: CommitteeSessionInput): Promise<CommitteeSessionDto> {
    this.access.assert(actor, 'committee.manage');
    const { title, language } = validateSession({ ...input, scheduledAt: new Date(input.scheduledAt) });
    const id = await this.ds.transaction(async (manager) => {
      await this.assertCommitteeMembers(manager, input.memberIds);
      const session = manager.getRepository(CommitteeSession).create({
        title,
        language,
        scheduledAt: new Date(input.scheduledAt),
        status: 'planned',
        createdBy: actor.personId,
        startedAt: null,
        closedAt: null,
      });
      await manager.getRepository(CommitteeSession).save(session);
      await this.writeMembers(manager, session.id, input.memberIds, input.chairId);
      return session.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, input: CommitteeSessionInput): Promise<CommitteeSessionDto> {
    this.access.assert(actor, 'committee.manage');
    const { title, language } = validateSession({ ...input, scheduledAt: new Date(input.scheduledAt) });
    await this.ds.transaction(async (manager) => {
      const session = await this.lock(manager, id);
      await this.assertManagesAgenda(manager, actor, id);
      if (session.status !== 'planned')
        throw new Conflict('session_status', 'Only a planned session can be rescheduled or change members.');
      await this.assertCommitteeMembers(manager, input.memberIds);
      Object.assign(session, { title, language, scheduledAt: new Date(input.scheduledAt) });
      await manager.getRepository(CommitteeSession).save(session);
      await manager.getRepository(CommitteeSessionMember).delete({ sessionId: id });
      await this.writeMembers(manager, id, input.memberIds, input.chairId);
    });
    return this.get(actor, id);
  }

  async start(actor: Actor, id: string): Promise<CommitteeSessionDto> {
    this.access.assert(actor, 'committee.manage');
    await this.ds.transaction(async (manager) => {
      const session = await this.lock(manager, id);
      await this.assertManagesAgenda(manager, actor, id);
      session.status = moveSession(session.status, 'start');
      session.startedAt = new Date();
      await manager.getRepository(CommitteeSession).save(session);
    });
    return this.get(actor, id);
  }

  async close(actor: Actor, id: string, input: CloseSessionInput): Promise<CommitteeSessionDto> {
    this.access.assert(actor, 'committee.manage');
    await this.ds.transaction(async (manager) => {
      const session = await this.lock(manager, id);
      await this.assertManagesAgenda(manager, actor, id);
      session.status = moveSession(session.status, 'close');
      session.closedAt = new Date();
      const members = await manager.getRepository(CommitteeSessionMember).findBy({ sessionId: id });
      const memberIds = new Set(members.map((m) => m.personId));
      if (input.presentIds.some((p) => !memberIds.has(p)))
        throw new ValidationFailed([
          { field: 'presentIds', code: 'not_a_member', message: 'Only the session’s members can be present.' },
        ]);
      await manager.getRepository(CommitteeSession).save(session);
      for (const m of members) {
        await manager
          .getRepository(CommitteeSessionMember)
          .update({ sessionId: id, personId: m.personId }, { present: input.presentIds.includes(m.personId) });
      }
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<CommitteeSessionDto> {
    return (await this.view(actor, id)).session;
  }

  /**
   * The session as this person sees it, with the agenda ideas as loaded for them. An agenda idea they
   * may not read (the idea's own read policy: e.g. hidden by moderation, out of their scope) is not
   * presented to them at all.
   */
  private async view(
    actor: Actor,
    id: string,
  ): Promise<{ session: CommitteeSessionDto; ideas: Map<string, LoadedIdea> }> {
    this.access.assert(actor, 'committee.read');
    const manager = this.ds.manager;
    const session = await manager.getRepository(CommitteeSession).findOneBy({ id });
    if (!session) throw new NotFound('committee_session', id);
    const [summary] = await this.summaries(manager, [session]);
    const members = await manager
      .getRepository(CommitteeSessionMember)
      .find({ where: { sessionId: id }, relations: { person: true } });
    const items = await manager
      .getRepository(CommitteeAgendaItem)
      .find({ where: { sessionId: id }, order: { position: 'ASC' } });
    const loaded = await this.loadIdeas(
      manager,
      items.map((i) => i.ideaId),
      actor,
    );
    const readable = items.filter((item) => {
      const idea = loaded.get(item.ideaId);
      return idea !== undefined && this.ideas.canRead(idea);
    });
    const agenda: AgendaItemDto[] = readable.map((item) => {
      const idea = loaded.get(item.ideaId)!;
      return {
        id: item.id,
        position: item.position,
        idea: this.ideas.present(idea),
        decision: item.decision,
        rationale: item.rationale,
        parkedUntil: iso(item.parkedUntil),
        decidedAt: iso(item.decidedAt),
        inScope: this.access.can(actor, 'committee.decide', { target: idea.viewer.target }),
      };
    });
    const dto: CommitteeSessionDto = {
      ...summary!,
      version: session.version,
      members: members
        .filter((m) => m.person)
        .sort((a, b) => Number(b.chair) - Number(a.chair) || a.person!.familyName.localeCompare(b.person!.familyName))
        .map((m) => ({ ...personRef(m.person!), chair: m.chair, present: m.present })),
      agenda,
    };
    return { session: dto, ideas: loaded };
  }

  /** Qualified ideas within the viewer's scope that are on no open agenda (oldest qualified first). */
  async suggestions(actor: Actor, id: string): Promise<AgendaSuggestionDto> {
    this.access.assert(actor, 'committee.read');
    await this.find(this.ds.manager, id);
    const candidates = await this.qualifiedIdeas(this.ds.manager, actor, { excludeOnOpenAgenda: true });
    return { items: candidates.map((c) => this.ideas.present(c)) };
  }

  async addItem(actor: Actor, id: string, ideaId: string): Promise<CommitteeSessionDto> {
    this.access.assert(actor, 'committee.manage');
    await this.ds.transaction(async (manager) => {
      const session = await this.lock(manager, id);
      assertAgendaEditable(session.status);
      const idea = await this.ideas.loadReadable(manager, ideaId, actor);
      this.access.assert(actor, 'committee.manage', { target: idea.viewer.target });
      if (!AGENDA_STATUSES.includes(idea.idea.status))
        throw new Conflict('not_qualified', 'Only ideas qualified by the network can be put on an agenda.');
      if (await this.onOpenAgenda(manager, ideaId))
        throw new Conflict('already_on_agenda', 'This idea is already on the agenda of an open session.');
      const items = manager.getRepository(CommitteeAgendaItem);
      const position = await items.countBy({ sessionId: id });
      await items.insert({ sessionId: id, ideaId, position, addedBy: actor.personId, addedAt: new Date() });
      const members = await manager.getRepository(CommitteeSessionMember).findBy({ sessionId: id });
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
    return this.get(actor, id);
  }

  async removeItem(actor: Actor, id: string, itemId: string): Promise<CommitteeSessionDto> {
    this.access.assert(actor, 'committee.manage');
    await this.ds.transaction(async (manager) => {
      const session = await this.lock(manager, id);
      assertAgendaEditable(session.status);
      const item = await this.item(manager, id, itemId);
      const idea = await this.ideas.load(manager, item.ideaId, actor);
      this.access.assert(actor, 'committee.manage', { target: idea.viewer.target });
      if (item.decision !== null) throw new Conflict('already_decided', 'A decided item stays on the agenda.');
      const items = manager.getRepository(CommitteeAgendaItem);
      await items.delete({ id: itemId });
      const rest = await items.find({ where: { sessionId: id }, order: { position: 'ASC' } });
      await this.renumber(
        manager,
        rest.map((r) => r.id),
      );
    });
    return this.get(actor, id);
  }

  async reorder(actor: Actor, id: string, itemIds: readonly string[]): Promise<CommitteeSessionDto> {
    this.access.assert(actor, 'committee.manage');
    await this.ds.transaction(async (manager) => {
      const session = await this.lock(manager, id);
      assertAgendaEditable(session.status);
      await this.assertManagesAgenda(manager, actor, id);
      const current = await manager
        .getRepository(CommitteeAgendaItem)
        .find({ where: { sessionId: id }, order: { position: 'ASC' } });
      await this.renumber(
        manager,
        reorderAgenda(
          current.map((c) => c.id),
          itemIds,
        ),
      );
    });
    return this.get(actor, id);
  }

  /** Each agenda idea with its summary, the network's answer and its consolidated scorecard. */
  async pack(actor: Actor, id: string): Promise<PreReadingPackDto> {
    const { session, ideas } = await this.view(actor, id);
    const cards = await this.scoresFor(actor, session.agenda.map((a) => ideas.get(a.idea.id)!));
    return {
      items: session.agenda.map((a) => ({ itemId: a.id, idea: a.idea, scorecard: cards.get(a.idea.id) ?? null })),
    };
  }

  /**
   * The consolidated scorecards of these ideas that this person may read (qualification's policy:
   * in scope, and never on an idea they authored — the reviews are the network's working papers).
   */
  private async scoresFor(actor: Actor, ideas: readonly LoadedIdea[]): Promise<Map<string, ScorecardSummaryDto>> {
    const allowed = ideas.filter(
      (l) =>
        this.access.can(actor, 'qualification.read_scores', {
          target: l.viewer.target,
          isAuthor: l.viewer.isAuthor,
        }),
    );
    return scorecardsOf(
      this.ds.manager,
      allowed.map((l) => l.idea.id),
    );
  }

  /**
   * Session-wide changes (reschedule, start, close, reorder) act on every idea of its agenda: the
   * actor's committee scope must cover each of them, as it must to add or remove one.
   */
  private async assertManagesAgenda(manager: EntityManager, actor: Actor, sessionId: string): Promise<void> {
    const items = await manager.getRepository(CommitteeAgendaItem).findBy({ sessionId });
    const loaded = await this.loadIdeas(
      manager,
      items.map((i) => i.ideaId),
      actor,
    );
    for (const idea of loaded.values()) this.access.assert(actor, 'committee.manage', { target: idea.viewer.target });
  }

  /** The agenda's ideas and the other qualified ideas in scope, ranked by weighted score. */
  async prioritisation(actor: Actor, id: string): Promise<PrioritisationDto> {
    const { session, ideas: agendaIdeas } = await this.view(actor, id);
    const others = await this.qualifiedIdeas(this.ds.manager, actor, { excludeOnOpenAgenda: false });
    const onAgenda = new Set(session.agenda.map((a) => a.idea.id));
    const loaded = [
      ...session.agenda.map((a) => agendaIdeas.get(a.idea.id)!),
      ...others.filter((o) => !onAgenda.has(o.idea.id)),
    ];
    const ideas = loaded.map((l) => ({ id: l.idea.id, title: l.idea.title }));
    const cards = await this.scoresFor(actor, loaded);
    const ranked = rankByWeightedScore(
      ideas.map((i) => {
        const card = cards.get(i.id);
        return {
          ideaId: i.id,
          title: i.title,
          weightedScore: card?.weightedScore ?? null,
          value: card?.value ?? null,
          effort: card?.effort ?? null,
          reviewerCount: card?.reviewerCount ?? 0,
          onAgenda: onAgenda.has(i.id),
        };
      }),
    );
    return { items: ranked };
  }

  private async summaries(
    manager: EntityManager,
    sessions: readonly CommitteeSession[],
  ): Promise<CommitteeSessionSummaryDto[]> {
    if (sessions.length === 0) return [];
    const ids = sessions.map((s) => s.id);
    const counts = await manager.query<{ session_id: string; total: string; decided: string }[]>(
      `SELECT session_id, count(*) AS total, count(decision) AS decided
         FROM committee_agenda_item WHERE session_id = ANY($1) GROUP BY session_id`,
      [ids],
    );
    const chairs = await manager
      .getRepository(CommitteeSessionMember)
      .find({ where: { sessionId: In(ids), chair: true }, relations: { person: true } });
    return sessions.map((s) => {
      const count = counts.find((c) => c.session_id === s.id);
      const chair = chairs.find((c) => c.sessionId === s.id)?.person;
      return {
        id: s.id,
        title: s.title,
        scheduledAt: s.scheduledAt.toISOString(),
        language: s.language,
        status: s.status,
        agendaCount: Number(count?.total ?? 0),
        decidedCount: Number(count?.decided ?? 0),
        chair: chair ? personRef(chair) : null,
      };
    });
  }

  private async qualifiedIdeas(
    manager: EntityManager,
    actor: Actor,
    options: { excludeOnOpenAgenda: boolean },
  ): Promise<LoadedIdea[]> {
    const query = manager
      .getRepository(Idea)
      .createQueryBuilder('i')
      .where('i.status IN (:...statuses)', { statuses: AGENDA_STATUSES })
      .andWhere('i.hidden_at IS NULL')
      .orderBy('i.answer_given_at', 'ASC', 'NULLS LAST')
      .addOrderBy('i.id')
      .take(CANDIDATE_LIMIT);
    if (options.excludeOnOpenAgenda) query.andWhere(`NOT EXISTS (${OPEN_AGENDA_SQL})`);
    const loaded = await this.ideas.complete(manager, await query.getMany(), actor);
    return loaded.filter(
      (l) => this.ideas.canRead(l) && this.access.can(actor, 'committee.manage', { target: l.viewer.target }),
    );
  }

  private async onOpenAgenda(manager: EntityManager, ideaId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM idea i WHERE i.id = $1 AND EXISTS (${OPEN_AGENDA_SQL})`,
      [ideaId],
    );
    return rows.length > 0;
  }

  private async loadIdeas(
    manager: EntityManager,
    ids: readonly string[],
    actor: Actor,
  ): Promise<Map<string, LoadedIdea>> {
    if (ids.length === 0) return new Map();
    const rows = await manager.getRepository(Idea).findBy({ id: In([...ids]) });
    return new Map((await this.ideas.complete(manager, rows, actor)).map((l) => [l.idea.id, l]));
  }

  private async renumber(manager: EntityManager, orderedIds: readonly string[]): Promise<void> {
    for (const [position, id] of orderedIds.entries()) {
      await manager.getRepository(CommitteeAgendaItem).update({ id }, { position });
    }
  }

  private async assertCommitteeMembers(manager: EntityManager, memberIds: readonly string[]): Promise<void> {
    const grants = await manager.getRepository(RoleGrant).find({
      where: { personId: In([...memberIds]), role: 'committee_member', revokedAt: IsNull(), person: { active: true } },
      relations: { person: true },
    });
    const ok = new Set(grants.map((g) => g.personId));
    if (memberIds.some((m) => !ok.has(m)))
      throw new ValidationFailed([
        {
          field: 'memberIds',
          code: 'not_committee_member',
          message: 'Every member must be an active committee member.',
        },
      ]);
  }

  private async writeMembers(manager: EntityManager, sessionId: string, memberIds: readonly string[], chairId: string) {
    await manager
      .getRepository(CommitteeSessionMember)
      .insert(memberIds.map((personId) => ({ sessionId, personId, chair: personId === chairId, present: null })));
  }

  private async find(manager: EntityManager, id: string): Promise<CommitteeSession> {
    const session = await manager.getRepository(CommitteeSession).findOneBy({ id });
    if (!session) throw new NotFound('committee_session', id);
    return session;
  }

  private async lock(manager: EntityManager, id: string): Promise<CommitteeSession> {
    const session = await manager
      .getRepository(CommitteeSession)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!session) throw new NotFound('committee_session', id);
    return session;
  }

  async item(manager: EntityManager, sessionId: string, itemId: string): Promise<CommitteeAgendaItem> {
    const item = await manager.getRepository(CommitteeAgendaItem).findOneBy({ id: itemId, sessionId });
    if (!item) throw new NotFound('agenda_item', itemId);
    return item;
  }
}

/** The idea `i` sits, undecided, on the agenda of a session that is not closed. */
const OPEN_AGENDA_SQL = `SELECT 1 FROM committee_agenda_item a JOIN committee_session s ON s.id = a.session_id
  WHERE a.idea_id = i.id AND a.decision IS NULL AND s.status <> 'closed'`;
