import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ContributionKind, Locale, RecognitionForm, RecognitionMilestone } from '@eclore/domain';
import { findOrgUnit, Person } from '@eclore/server-identity';
import { ideasByIds } from '@eclore/server-ideas';
import { Contribution, Recognition } from '../entities';

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

  /** The person's name, unit and preferred language, for the printed statement. */
  async personOf(personId: string): Promise<{ name: string; unitName: string | null; locale: Locale | null } | null> {
    const person = await this.ds.getRepository(Person).findOneBy({ id: personId });
    if (!person) return null;
    const unit = person.orgUnitId ? await findOrgUnit(this.ds.manager, person.orgUnitId) : null;
    return { name: `${person.givenName} ${person.familyName}`, unitName: unit?.name ?? null, locale: person.locale };
  }

  /** The person's recorded recognitions, most recent first (docs/recognition.md §3). */
  async recognitionsOf(
    personId: string,
  ): Promise<
    { ideaId: string; form: RecognitionForm; milestone: RecognitionMilestone; recordedAt: Date; message: string }[]
  > {
    const rows = await this.ds.getRepository(Recognition).find({
      where: { personId, status: 'recorded' },
      order: { recordedAt: 'DESC' },
    });
    return rows.map((r) => ({
      ideaId: r.ideaId,
      form: r.form!,
      milestone: r.milestone,
      recordedAt: r.recordedAt!,
      message: r.message ?? '',
    }));
  }

  /** The titles of these ideas, read through the ideas context. */
  async ideaTitles(ids: readonly string[]): Promise<Map<string, string>> {
    const ideas = await ideasByIds(this.ds.manager, ids);
    return new Map(ideas.map((i) => [i.id, i.title]));
  }
}
