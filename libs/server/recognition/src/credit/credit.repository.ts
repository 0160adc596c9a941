import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ContributionKind, CreditShares } from '@eclore/domain';
import { CreditShareOverride } from '../entities';

export interface IdeaContributionRow {
  personId: string | null;
  kind: ContributionKind;
  anonymous: boolean;
  claimedAt: Date | null;
}

/** Credit shares' SQL: the idea's ledger entries and its override history. */
@Injectable()
export class CreditRepository {
  constructor(private readonly ds: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  /** The named entries of an idea (supports carry no person and no share). */
  async contributionsOf(ideaId: string, manager = this.ds.manager): Promise<IdeaContributionRow[]> {
    return manager.query(
      `SELECT DISTINCT person_id AS "personId", kind, anonymous, claimed_at AS "claimedAt"
         FROM contribution WHERE idea_id = $1 AND person_id IS NOT NULL`,
      [ideaId],
    );
  }

  /** The override in force: the latest row of the idea (none: the default shares). */
  latestOverride(ideaId: string, manager = this.ds.manager): Promise<CreditShareOverride | null> {
    return manager.findOne(CreditShareOverride, { where: { ideaId }, order: { setAt: 'DESC', id: 'DESC' } });
  }

  async insertOverride(
    row: { ideaId: string; shares: CreditShares; reason: string; setBy: string },
    manager: EntityManager,
  ): Promise<void> {
    await manager.insert(CreditShareOverride, {
      ideaId: row.ideaId,
      ...row.shares,
      reason: row.reason,
      setBy: row.setBy,
    });
  }
}
