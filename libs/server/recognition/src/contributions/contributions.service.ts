import { Injectable } from '@nestjs/common';
import { CONTRIBUTION_KINDS, type Actor } from '@eclore/domain';
import { AccessService } from '@eclore/server-identity';
import type { MyContributionsDto } from './contributions.dto';
import { ContributionsRepository } from './contributions.repository';

export const MY_CONTRIBUTIONS_LIMIT = 500;

/**
 * "My contributions": the person's own entries, their anonymous ones included (shown to them alone;
 * this route only ever answers with the caller's own rows).
 */
@Injectable()
export class ContributionsService {
  constructor(
    private readonly repo: ContributionsRepository,
    private readonly access: AccessService,
  ) {}

  async mine(actor: Actor): Promise<MyContributionsDto> {
    this.access.assert(actor, 'contribution.read_own', { subjectPersonId: actor.personId });
    const [rows, totals] = await Promise.all([
      this.repo.latestOf(actor.personId, MY_CONTRIBUTIONS_LIMIT),
      this.repo.totalsOf(actor.personId),
    ]);
    const titles = await this.repo.ideaTitles(rows.map((r) => r.ideaId));
    const counted = new Map(totals.map((t) => [t.kind, t.count]));
    return {
      // Every kind, in the domain's order, so the screen's table never changes shape.
      totals: CONTRIBUTION_KINDS.filter((k) => counted.has(k)).map((kind) => ({ kind, count: counted.get(kind)! })),
      items: rows.map((r) => ({
        ideaId: r.ideaId,
        ideaTitle: titles.get(r.ideaId) ?? '',
        kind: r.kind,
        anonymous: r.anonymous,
        claimedAt: r.claimedAt?.toISOString() ?? null,
        occurredAt: r.occurredAt.toISOString(),
      })),
    };
  }
}
