import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ContributionKind } from '@eclore/domain';
import { ideasByIds } from '@eclore/server-ideas';
import { Contribution } from '../entities';

export interface PersonContributionRow {
  ideaId: string;
  kind: ContributionKind;
  anonymous: boolean;
  claimedAt: Date | null;
  occurredAt: Date;
}

/** Reads of one person's ledger entries. */
@Injectable()
export class ContributionsRepository {
  constructor(private readonly ds: DataSource) {}

  latestOf(personId: string, limit: number): Promise<PersonContributionRow[]> {
    return this.ds.getRepository(Contribution).find({
      select: { ideaId: true, kind: true, anonymous: true, claimedAt: true, occurredAt: true },
      where: { personId },
      order: { occurredAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  async totalsOf(personId: string): Promise<{ kind: ContributionKind; count: number }[]> {
    const rows: { kind: ContributionKind; count: number }[] = await this.ds.query(
      'SELECT kind, count(*)::int AS count FROM contribution WHERE person_id = $1 GROUP BY kind',
      [personId],
    );
    return rows;
  }

  /** The titles of these ideas, read through the ideas context. */
  async ideaTitles(ids: readonly string[]): Promise<Map<string, string>> {
    const ideas = await ideasByIds(this.ds.manager, ids);
    return new Map(ideas.map((i) => [i.id, i.title]));
  }
}
