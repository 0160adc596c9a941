import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PORTFOLIO_COLUMNS, type Actor, type IdeaStatus } from '@eclore/domain';
import { AccessService } from '@eclore/server-identity';
import { consolidatedScorecards, deadlinesOf } from '@eclore/server-qualification';
import { decodePortfolioCursor, encodePortfolioCursor } from './portfolio-cursor';
import type {
  PortfolioBoardDto,
  PortfolioCardDto,
  PortfolioColumnPageDto,
  PortfolioColumnQuery,
  PortfolioFilters,
} from './portfolio.dto';
import { PortfolioRepository } from './portfolio.repository';
import { projectProgressOf } from '@eclore/server-realisation';
import { staffScope, type BoardRow, type CardRow, type PortfolioFilterValues } from './portfolio.sql';

const DEFAULT_LIMIT = 10;
/** Cards that show their implementation project's progress and status. */
const IMPLEMENTING = new Set(['implement', 'follow_up']);

function sqlFilters(q: PortfolioFilters): PortfolioFilterValues {
  return { campaignId: q.campaignId, orgUnitId: q.orgUnitId, theme: q.theme, kind: q.kind, assigneeId: q.assigneeId };
}

/** The earlier of an idea's running due dates. */
function nextDue(d: { firstAnswerDueAt: Date | null; qualificationDueAt: Date | null } | undefined): Date | null {
  const dates = [d?.firstAnswerDueAt, d?.qualificationDueAt].filter((x): x is Date => x instanceof Date);
  return dates.length ? new Date(Math.min(...dates.map((x) => x.getTime()))) : null;
}

/**
 * The portfolio board: every idea the viewer's network or committee scope covers, by lifecycle
 * status, with counts, filters and keyset pages per column. Read-only: stage changes go through the
 * lifecycle commands on the idea page.
 */
@Injectable()
export class PortfolioService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly repo: PortfolioRepository,
  ) {}

  async board(actor: Actor, query: PortfolioFilters): Promise<PortfolioBoardDto> {
    this.access.assert(actor, 'portfolio.read');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await this.repo.board(staffScope(actor), await this.filterValues(actor, query), limit);
    const cards = await this.cards(rows.filter((r) => Number(r.column_count) > 0));
    const byStatus = new Map<string, { rows: BoardRow[]; cards: PortfolioCardDto[] }>();
    rows.forEach((row, i) => {
      const entry = byStatus.get(row.status) ?? { rows: [], cards: [] };
      entry.rows.push(row);
      entry.cards.push(cards[i]!);
      byStatus.set(row.status, entry);
    });
    const columns = PORTFOLIO_COLUMNS.map(({ status, group }) => {
      const entry = byStatus.get(status);
      const shown = entry?.cards.slice(0, limit) ?? [];
      const last = entry?.rows[limit - 1];
      return {
        status,
        group,
        count: entry ? Number(entry.rows[0]!.column_count) : 0,
        items: shown,
        nextCursor:
          entry && entry.rows.length > limit && last
            ? encodePortfolioCursor({ status, key: last.since_key, id: last.id })
            : null,
      };
    });
    return { columns, total: columns.reduce((sum, c) => sum + c.count, 0) };
  }

  async column(actor: Actor, status: IdeaStatus, query: PortfolioColumnQuery): Promise<PortfolioColumnPageDto> {
    this.access.assert(actor, 'portfolio.read');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = query.cursor ? decodePortfolioCursor(query.cursor, status) : null;
    const rows = await this.repo.column(staffScope(actor), await this.filterValues(actor, query), {
      status,
      limit,
      after,
    });
    const shown = rows.slice(0, limit);
    const last = shown[shown.length - 1];
    return {
      status,
      items: await this.cards(shown),
      nextCursor:
        rows.length > limit && last ? encodePortfolioCursor({ status, key: last.since_key, id: last.id }) : null,
    };
  }

  /**
   * The SQL filters; "late" is decided by the answer-time guarantee's own rule (deadlinesOf, C3) on
   * the board's ideas, then applied as an id filter so that counts and keyset pages stay exact.
   */
  private async filterValues(actor: Actor, q: PortfolioFilters): Promise<PortfolioFilterValues> {
    const f = sqlFilters(q);
    if (q.late === undefined) return f;
    const ids = await this.repo.ids(staffScope(actor), f);
    const deadlines = await deadlinesOf(this.ds.manager, ids);
    const late = ids.filter((id) => deadlines.get(id)?.late === true);
    return { ...f, ids: { ids: late, include: q.late } };
  }

  /** Rows to cards, in the same order, with their due dates and consolidated scores. */
  private async cards(rows: readonly CardRow[]): Promise<PortfolioCardDto[]> {
    const ids = rows.map((r) => r.id);
    const [deadlines, scores, progress] = await Promise.all([
      deadlinesOf(this.ds.manager, ids),
      consolidatedScorecards(this.ds.manager, ids),
      projectProgressOf(
        this.ds.manager,
        ids.filter((_id, i) => IMPLEMENTING.has(rows[i]!.status)),
        new Date(),
      ),
    ]);
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      status: r.status as IdeaStatus,
      since: new Date(r.since).toISOString(),
      supportCount: r.support_count,
      orgUnit: r.org_unit_id ? { id: r.org_unit_id, name: r.org_unit_name ?? '' } : null,
      themes: r.themes,
      weightedScore: scores.get(r.id)?.weightedScore ?? null,
      reviewerCount: scores.get(r.id)?.reviewerCount ?? 0,
      dueAt: nextDue(deadlines.get(r.id))?.toISOString() ?? null,
      late: deadlines.get(r.id)?.late ?? false,
      progress: progress.get(r.id)?.progress ?? null,
      projectStatus: progress.get(r.id)?.status ?? null,
    }));
  }
}
