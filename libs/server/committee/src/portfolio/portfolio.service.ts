import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PORTFOLIO_COLUMNS, type Actor, type IdeaStatus } from '@eclore/domain';
import { AccessService } from '@eclore/server-identity';
import { decodePortfolioCursor, encodePortfolioCursor } from './portfolio-cursor';
import type {
  PortfolioBoardDto,
  PortfolioCardDto,
  PortfolioColumnPageDto,
  PortfolioColumnQuery,
  PortfolioFilters,
} from './portfolio.dto';
import {
  boardQuery,
  columnQuery,
  staffScope,
  type BoardRow,
  type CardRow,
  type PortfolioFilterValues,
} from './portfolio.sql';

const DEFAULT_LIMIT = 10;

function filterValues(q: PortfolioFilters): PortfolioFilterValues {
  return { campaignId: q.campaignId, orgUnitId: q.orgUnitId, theme: q.theme, kind: q.kind };
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
  ) {}

  async board(actor: Actor, query: PortfolioFilters): Promise<PortfolioBoardDto> {
    this.access.assert(actor, 'portfolio.read');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const { text, values } = boardQuery(staffScope(actor), filterValues(query), limit);
    const rows = await this.ds.query<BoardRow[]>(text, values);
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
    const { text, values } = columnQuery(staffScope(actor), filterValues(query), status, limit, after);
    const rows = await this.ds.query<CardRow[]>(text, values);
    const shown = rows.slice(0, limit);
    const last = shown[shown.length - 1];
    return {
      status,
      items: await this.cards(shown),
      nextCursor:
        rows.length > limit && last ? encodePortfolioCursor({ status, key: last.since_key, id: last.id }) : null,
    };
  }

  /** Rows to cards, in the same order. */
  private async cards(rows: readonly CardRow[]): Promise<PortfolioCardDto[]> {
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      status: r.status as IdeaStatus,
      since: new Date(r.since).toISOString(),
      supportCount: r.support_count,
      orgUnit: r.org_unit_id ? { id: r.org_unit_id, name: r.org_unit_name ?? '' } : null,
      themes: r.themes,
      weightedScore: null,
      reviewerCount: 0,
      dueAt: null,
      late: false,
    }));
  }
}
