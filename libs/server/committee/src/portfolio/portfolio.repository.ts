import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  boardIdsQuery,
  boardQuery,
  columnQuery,
  type BoardRow,
  type CardRow,
  type PortfolioFilterValues,
  type StaffScope,
} from './portfolio.sql';

/** The portfolio board's reads (the SQL is built in portfolio.sql.ts from fixed fragments). */
@Injectable()
export class PortfolioRepository {
  constructor(private readonly ds: DataSource) {}

  /** Every column's first `limit + 1` cards with the column's count. */
  board(
    scope: StaffScope,
    filters: PortfolioFilterValues,
    limit: number,
    manager = this.ds.manager,
  ): Promise<BoardRow[]> {
    const { text, values } = boardQuery(scope, filters, limit);
    return manager.query(text, values);
  }

  /** One column's next `limit + 1` cards after the keyset. */
  column(
    scope: StaffScope,
    filters: PortfolioFilterValues,
    page: { status: string; limit: number; after: { key: string; id: string } | null },
    manager = this.ds.manager,
  ): Promise<CardRow[]> {
    const { text, values } = columnQuery(scope, filters, page.status, page.limit, page.after);
    return manager.query(text, values);
  }

  /** The ids of every idea on the board. */
  async ids(scope: StaffScope, filters: PortfolioFilterValues, manager = this.ds.manager): Promise<string[]> {
    const { text, values } = boardIdsQuery(scope, filters);
    const rows: { id: string }[] = await manager.query(text, values);
    return rows.map((r) => r.id);
  }
}
