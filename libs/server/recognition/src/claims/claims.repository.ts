import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, QueryFailedError, type EntityManager } from 'typeorm';
import { Conflict, type ContributionKind } from '@eclore/domain';
import { ideasByIds } from '@eclore/server-ideas';
import { Contribution, ContributionClaim } from '../entities';

/** Claims and the ledger rows they name (docs/recognition.md §1, "Anonymity"). */
@Injectable()
export class ClaimsRepository {
  constructor(private readonly ds: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  /** The person's anonymous entries of the idea not yet claimed: what a claim would name. */
  unclaimed(ideaId: string, personId: string, m: EntityManager = this.ds.manager): Promise<Contribution[]> {
    return m.getRepository(Contribution).find({
      where: { ideaId, personId, anonymous: true, claimedAt: IsNull() },
      order: { id: 'ASC' },
    });
  }

  pendingOf(ideaId: string, personId: string, m: EntityManager): Promise<ContributionClaim | null> {
    return m.getRepository(ContributionClaim).findOneBy({ ideaId, personId, status: 'pending' });
  }

  async insert(ideaId: string, personId: string, m: EntityManager): Promise<ContributionClaim> {
    const result = await m.insert(ContributionClaim, { ideaId, personId, status: 'pending' }).catch((e: unknown) => {
      // Two requests at once: the partial unique index keeps one pending claim per person and idea.
      if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505')
        throw new Conflict('claim_pending', 'Your claim on this idea is already waiting for the guardian.');
      throw e;
    });
    return m.findOneByOrFail(ContributionClaim, { id: (result.identifiers[0] as { id: string }).id });
  }

  /** The claim, locked for its decision. */
  lock(id: string, m: EntityManager): Promise<ContributionClaim | null> {
    return m.getRepository(ContributionClaim).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  mine(personId: string): Promise<ContributionClaim[]> {
    return this.ds.getRepository(ContributionClaim).find({ where: { personId }, order: { requestedAt: 'DESC' } });
  }

  pending(): Promise<ContributionClaim[]> {
    return this.ds
      .getRepository(ContributionClaim)
      .find({ where: { status: 'pending' }, order: { requestedAt: 'ASC' } });
  }

  /** Per pending claim, the kinds and number of entries it would name. */
  async pendingEntries(
    claims: readonly ContributionClaim[],
  ): Promise<Map<string, { kinds: ContributionKind[]; entries: number }>> {
    if (claims.length === 0) return new Map();
    const rows: { claimId: string; kind: ContributionKind; count: number }[] = await this.ds.query(
      `SELECT cl.id AS "claimId", c.kind, count(*)::int AS count
         FROM contribution_claim cl
         JOIN contribution c ON c.idea_id = cl.idea_id AND c.person_id = cl.person_id AND c.anonymous AND c.claimed_at IS NULL
        WHERE cl.id = ANY($1::uuid[])
        GROUP BY cl.id, c.kind`,
      [claims.map((c) => c.id)],
    );
    const out = new Map<string, { kinds: ContributionKind[]; entries: number }>();
    for (const r of rows) {
      const seen = out.get(r.claimId) ?? { kinds: [], entries: 0 };
      seen.kinds.push(r.kind);
      seen.entries += r.count;
      out.set(r.claimId, seen);
    }
    return out;
  }

  async decide(
    claim: ContributionClaim,
    decision: { status: 'granted' | 'refused'; by: string; reason: string | null; at: Date },
    m: EntityManager,
  ): Promise<void> {
    await m.update(
      ContributionClaim,
      { id: claim.id },
      { status: decision.status, decidedAt: decision.at, decidedBy: decision.by, reason: decision.reason },
    );
  }

  /** Names the entries: they are the claimant's, claimed at `at`. */
  async name(ids: readonly string[], at: Date, m: EntityManager): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await m
      .createQueryBuilder()
      .update(Contribution)
      .set({ claimedAt: at })
      .where('id IN (:...ids) AND claimed_at IS NULL', { ids })
      .execute();
    return result.affected ?? 0;
  }

  /** Titles and anonymity of these ideas, read through the ideas context. */
  async ideas(ids: readonly string[]): Promise<Map<string, { title: string; anonymous: boolean }>> {
    const ideas = await ideasByIds(this.ds.manager, [...new Set(ids)]);
    return new Map(ideas.map((i) => [i.id, { title: i.title, anonymous: i.anonymous }]));
  }
}
