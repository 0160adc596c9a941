import { Injectable } from '@nestjs/common';
import { In, Not, type EntityManager } from 'typeorm';
import { Idea, IdeaAuthor, IdeaEvent, IdeaLink, Theme } from '../entities';
import { IdeasContextRepository } from '../repository';
import { SIMILAR_IDEAS, type SimilarRow } from '../wall/sql/similar.sql';

/** An idea waiting in the network's intake, and since when (its latest submission). */
export interface IntakeRow {
  id: string;
  waiting_since: Date;
}

/** Where the network member's intake looks: everywhere, or their units' subtrees and themes. */
export interface IntakeScope {
  everywhere: boolean;
  orgUnitIds: string[];
  themes: string[];
}

/** Oldest first by the latest submission (a resubmitted idea waits from its resubmission). */
const INTAKE_QUEUE = `
  SELECT i.id, COALESCE(w.at, i.submitted_at) AS waiting_since
    FROM idea i
    LEFT JOIN org_unit ou ON ou.id = i.org_unit_id
    LEFT JOIN LATERAL (SELECT max(e.occurred_at) AS at FROM idea_event e
                        WHERE e.idea_id = i.id AND e.type = 'submit') w ON true
   WHERE i.status = 'collect'
     AND ($1::boolean OR ou.path && $2::uuid[] OR i.themes && $3::text[])
   ORDER BY waiting_since ASC, i.id ASC
   LIMIT $4`;

/** An author row to write: the idea's author at creation, or an invited co-author. */
export type NewIdeaAuthor = Pick<
  IdeaAuthor,
  'ideaId' | 'personId' | 'role' | 'status' | 'invitedBy' | 'invitedAt' | 'respondedAt'
>;

/**
 * Every query on the idea aggregate's own tables (idea, idea_author, idea_link's "addresses",
 * idea_event reads, theme). Each method runs in the caller's transaction when given its manager.
 */
@Injectable()
export class IdeasRepository extends IdeasContextRepository {
  findById(id: string, options: { lock?: boolean } = {}, manager = this.ds.manager): Promise<Idea | null> {
    return manager.getRepository(Idea).findOne({
      where: { id },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async findByIds(ids: readonly string[], manager = this.ds.manager): Promise<Idea[]> {
    return ids.length ? manager.getRepository(Idea).findBy({ id: In([...ids]) }) : [];
  }

  findByIdsRecentFirst(ids: readonly string[], manager = this.ds.manager): Promise<Idea[]> {
    return manager.getRepository(Idea).find({ where: { id: In([...ids]) }, order: { updatedAt: 'DESC' } });
  }

  /** Inserts a new idea and answers its id. */
  async insert(values: Partial<Idea>, manager: EntityManager): Promise<string> {
    // TypeORM's deep-partial type cannot express the jsonb and enum columns of a partial row.
    const inserted = await manager.insert(Idea, values as never);
    return (inserted.identifiers[0] as { id: string }).id;
  }

  /** Updates the row only if nobody changed it since it was read; answers whether it did. */
  async updateVersioned(idea: Idea, changes: Partial<Idea>, manager: EntityManager): Promise<boolean> {
    const res = await manager
      .createQueryBuilder()
      .update(Idea)
      .set(changes as never)
      .where('id = :id AND version = :version', { id: idea.id, version: idea.version })
      .execute();
    return res.affected === 1;
  }

  // ---- authors

  /** The author rows (any status) of these ideas, with each person's name. */
  authorsWithPeople(ideaIds: readonly string[], manager = this.ds.manager): Promise<IdeaAuthor[]> {
    return manager.getRepository(IdeaAuthor).find({ where: { ideaId: In([...ideaIds]) }, relations: { person: true } });
  }

  acceptedAuthors(ideaId: string, manager = this.ds.manager): Promise<IdeaAuthor[]> {
    return manager.getRepository(IdeaAuthor).find({ where: { ideaId, status: 'accepted' } });
  }

  /** The person's authorships still open or taken (invited or accepted). */
  authorshipsOf(personId: string, manager = this.ds.manager): Promise<IdeaAuthor[]> {
    return manager.getRepository(IdeaAuthor).find({ where: { personId, status: In(['invited', 'accepted']) } });
  }

  async capturedBy(personId: string, manager = this.ds.manager): Promise<string[]> {
    const rows = await manager.getRepository(Idea).find({ where: { capturedBy: personId }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  async insertAuthor(author: NewIdeaAuthor, manager: EntityManager): Promise<void> {
    await manager.insert(IdeaAuthor, author);
  }

  /** An invitation replaces a declined one (same idea and person). */
  async upsertAuthor(author: NewIdeaAuthor, manager: EntityManager): Promise<void> {
    await manager.upsert(IdeaAuthor, author, ['ideaId', 'personId']);
  }

  findOpenInvitationForUpdate(ideaId: string, personId: string, manager: EntityManager): Promise<IdeaAuthor | null> {
    return manager.getRepository(IdeaAuthor).findOne({
      where: { ideaId, personId, role: 'co_author', status: 'invited' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async answerInvitation(
    ideaId: string,
    personId: string,
    answer: 'accepted' | 'declined',
    manager: EntityManager,
  ): Promise<void> {
    await manager.update(IdeaAuthor, { ideaId, personId }, { status: answer, respondedAt: new Date() });
  }

  // ---- "addresses" links

  addressedProblems(ideaIds: readonly string[], manager = this.ds.manager): Promise<IdeaLink[]> {
    return manager
      .getRepository(IdeaLink)
      .find({ where: { fromId: In([...ideaIds]), kind: 'addresses' }, order: { createdAt: 'ASC' } });
  }

  async replaceAddressedProblems(
    ideaId: string,
    problemIds: readonly string[],
    createdBy: string,
    manager: EntityManager,
  ): Promise<void> {
    await manager.delete(IdeaLink, { fromId: ideaId, kind: 'addresses' });
    if (problemIds.length === 0) return;
    await manager.insert(
      IdeaLink,
      problemIds.map((toId) => ({ fromId: ideaId, toId, kind: 'addresses' as const, createdBy })),
    );
  }

  // ---- history, intake, themes

  /** The idea's events in order: all but `excludedTypes`, or only the public ones. */
  timeline(
    ideaId: string,
    filter: { excludedTypes: string[] } | { publicOnly: true },
    manager = this.ds.manager,
  ): Promise<IdeaEvent[]> {
    return manager.getRepository(IdeaEvent).find({
      where: 'publicOnly' in filter ? { ideaId, public: true } : { ideaId, type: Not(In(filter.excludedTypes)) },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
  }

  intakeQueue(scope: IntakeScope, limit: number, manager = this.ds.manager): Promise<IntakeRow[]> {
    return manager.query<IntakeRow[]>(INTAKE_QUEUE, [scope.everywhere, scope.orgUnitIds, scope.themes, limit]);
  }

  activeThemes(manager = this.ds.manager): Promise<Theme[]> {
    return manager.getRepository(Theme).find({ where: { active: true }, order: { labelFr: 'ASC' } });
  }

  activeThemesAmong(keys: readonly string[], manager = this.ds.manager): Promise<Theme[]> {
    return manager.getRepository(Theme).findBy({ key: In([...keys]), active: true });
  }

  /** Public ideas similar to a title (and text) being typed, most similar first (similar.sql.ts). */
  similar(
    title: string,
    text: string,
    kind: string | null,
    excludeId: string | null,
    limit: number,
  ): Promise<SimilarRow[]> {
    return this.ds.query<SimilarRow[]>(SIMILAR_IDEAS, [title, text, kind, excludeId, limit]);
  }
}
