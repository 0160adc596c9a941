import { Injectable } from '@nestjs/common';
import { DataSource, In, type DeepPartial, type EntityManager } from 'typeorm';
import type { DecisionKind } from '@eclore/domain';
import { CommitteeAgendaItem, CommitteeSession, CommitteeSessionMember } from '../entities';

/** How many items a session's agenda has, and how many are decided. */
export interface AgendaCountRow {
  session_id: string;
  total: string;
  decided: string;
}

/** A decision as the lifecycle hook records it on an open agenda item. */
export interface RecordedDecision {
  decision: DecisionKind;
  rationale: string | null;
  parkedUntil: Date | null;
  decidedBy: string | null;
}

const AGENDA_COUNTS_SQL = `SELECT session_id, count(*) AS total, count(decision) AS decided
  FROM committee_agenda_item WHERE session_id = ANY($1) GROUP BY session_id`;

/** Undecided agenda items of sessions that are not closed (an idea is on one open agenda at a time). */
const OPEN_AGENDA_FROM = `FROM committee_agenda_item a JOIN committee_session s ON s.id = a.session_id
  WHERE a.decision IS NULL AND s.status <> 'closed'`;

/** The committee's tables: sessions, their members and their agenda items. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly ds: DataSource) {}

  // ---- sessions

  /** Every session, latest scheduled first. */
  all(manager = this.ds.manager): Promise<CommitteeSession[]> {
    return manager.find(CommitteeSession, { order: { scheduledAt: 'DESC' } });
  }

  find(id: string, manager = this.ds.manager): Promise<CommitteeSession | null> {
    return manager.findOneBy(CommitteeSession, { id });
  }

  /** The session, row-locked (inside a transaction). */
  lock(id: string, manager: EntityManager): Promise<CommitteeSession | null> {
    return manager.findOne(CommitteeSession, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Inserts a new session; returns it with its id. */
  create(fields: DeepPartial<CommitteeSession>, manager = this.ds.manager): Promise<CommitteeSession> {
    return manager.save(manager.create(CommitteeSession, fields));
  }

  async save(session: CommitteeSession, manager = this.ds.manager): Promise<void> {
    await manager.save(session);
  }

  // ---- members

  /** The session's members, with their person. */
  members(sessionId: string, manager = this.ds.manager): Promise<CommitteeSessionMember[]> {
    return manager.find(CommitteeSessionMember, { where: { sessionId }, relations: { person: true } });
  }

  memberRows(sessionId: string, manager = this.ds.manager): Promise<CommitteeSessionMember[]> {
    return manager.findBy(CommitteeSessionMember, { sessionId });
  }

  /** The chairs of these sessions, with their person. */
  chairs(sessionIds: readonly string[], manager = this.ds.manager): Promise<CommitteeSessionMember[]> {
    return manager.find(CommitteeSessionMember, {
      where: { sessionId: In([...sessionIds]), chair: true },
      relations: { person: true },
    });
  }

  async replaceMembers(
    sessionId: string,
    memberIds: readonly string[],
    chairId: string,
    manager = this.ds.manager,
  ): Promise<void> {
    await manager.delete(CommitteeSessionMember, { sessionId });
    await manager.insert(
      CommitteeSessionMember,
      memberIds.map((personId) => ({ sessionId, personId, chair: personId === chairId, present: null })),
    );
  }

  async setPresence(sessionId: string, personId: string, present: boolean, manager = this.ds.manager): Promise<void> {
    await manager.update(CommitteeSessionMember, { sessionId, personId }, { present });
  }

  // ---- agenda

  /** The session's agenda, in order. */
  items(sessionId: string, manager = this.ds.manager): Promise<CommitteeAgendaItem[]> {
    return manager.find(CommitteeAgendaItem, { where: { sessionId }, order: { position: 'ASC' } });
  }

  item(sessionId: string, itemId: string, manager = this.ds.manager): Promise<CommitteeAgendaItem | null> {
    return manager.findOneBy(CommitteeAgendaItem, { id: itemId, sessionId });
  }

  itemById(itemId: string, manager = this.ds.manager): Promise<CommitteeAgendaItem | null> {
    return manager.findOneBy(CommitteeAgendaItem, { id: itemId });
  }

  async agendaCounts(sessionIds: readonly string[], manager = this.ds.manager): Promise<AgendaCountRow[]> {
    return manager.query(AGENDA_COUNTS_SQL, [[...sessionIds]]);
  }

  /** Appends the idea at the end of the agenda. */
  /** Appends the idea at the end of the agenda; answers the new item's id. */
  async appendItem(sessionId: string, ideaId: string, addedBy: string, manager = this.ds.manager): Promise<string> {
    const position = await manager.countBy(CommitteeAgendaItem, { sessionId });
    const inserted = await manager.insert(CommitteeAgendaItem, {
      sessionId,
      ideaId,
      position,
      addedBy,
      addedAt: new Date(),
    });
    return String(inserted.identifiers[0]!['id']);
  }

  async deleteItem(itemId: string, manager = this.ds.manager): Promise<void> {
    await manager.delete(CommitteeAgendaItem, { id: itemId });
  }

  /** Gives the items these positions (0, 1, …) in the order given. */
  async renumber(orderedIds: readonly string[], manager = this.ds.manager): Promise<void> {
    for (const [position, id] of orderedIds.entries()) {
      await manager.update(CommitteeAgendaItem, { id }, { position });
    }
  }

  /** The ideas on the agenda of a session not yet closed, undecided. */
  async ideaIdsOnOpenAgenda(manager = this.ds.manager): Promise<string[]> {
    const rows: { idea_id: string }[] = await manager.query(`SELECT DISTINCT a.idea_id ${OPEN_AGENDA_FROM}`);
    return rows.map((r) => r.idea_id);
  }

  async onOpenAgenda(ideaId: string, manager = this.ds.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 ${OPEN_AGENDA_FROM} AND a.idea_id = $1 LIMIT 1`, [ideaId]);
    return rows.length > 0;
  }

  /** Records the decision on the idea's undecided item in a session not yet closed (if any). */
  async recordOnOpenAgenda(ideaId: string, decision: RecordedDecision, manager = this.ds.manager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(CommitteeAgendaItem)
      .set({ ...decision, decidedAt: new Date() })
      .where('idea_id = :ideaId AND decision IS NULL', { ideaId })
      .andWhere(`session_id IN (SELECT id FROM committee_session WHERE status <> 'closed')`)
      .execute();
  }
}
