import { Injectable } from '@nestjs/common';
import { CONTRIBUTION_KINDS, type Actor, type Locale } from '@eclore/domain';
import { contributionsFilename, renderContributionsPdf } from './contributions-pdf';
import { AccessService } from '@eclore/server-identity';
import type { MyContributionsDto } from './contributions.dto';
import { ContributionsRepository } from './contributions.repository';

export const MY_CONTRIBUTIONS_LIMIT = 500;
/** The printed statement lists at most this many entries (the most recent); its totals count all. */
export const MY_CONTRIBUTIONS_PDF_LIMIT = 2_000;

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

  /**
   * "My contributions" as a PDF for the annual review, in `locale` (else the person's preferred
   * language, else French). The caller's own entries only, their anonymous ones included (marked so).
   */
  async pdf(actor: Actor, locale: Locale | null, now = new Date()): Promise<{ filename: string; content: Buffer }> {
    this.access.assert(actor, 'contribution.read_own', { subjectPersonId: actor.personId });
    const [person, rows, totals, recognitions] = await Promise.all([
      this.repo.personOf(actor.personId),
      this.repo.latestOf(actor.personId, MY_CONTRIBUTIONS_PDF_LIMIT + 1),
      this.repo.totalsOf(actor.personId),
      this.repo.recognitionsOf(actor.personId),
    ]);
    const printed = rows.slice(0, MY_CONTRIBUTIONS_PDF_LIMIT);
    const titles = await this.repo.ideaTitles([...printed, ...recognitions].map((r) => r.ideaId));
    const language = locale ?? person?.locale ?? 'fr';
    const content = await renderContributionsPdf(
      {
        personName: person?.name ?? '',
        unitName: person?.unitName ?? null,
        generatedAt: now,
        totals,
        items: printed.map((r) => ({
          ideaTitle: titles.get(r.ideaId) ?? '',
          kind: r.kind,
          anonymous: r.anonymous,
          claimed: r.claimedAt !== null,
          occurredAt: r.occurredAt,
        })),
        truncated: rows.length > MY_CONTRIBUTIONS_PDF_LIMIT,
        recognitions: recognitions.map((r) => ({ ...r, ideaTitle: titles.get(r.ideaId) ?? '' })),
      },
      language,
    );
    return { filename: contributionsFilename(language, now), content };
  }
}
