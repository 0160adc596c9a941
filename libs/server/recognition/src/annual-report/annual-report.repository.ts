import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AnnualReportRun } from '../entities';
import { newLinkSecret } from './download-links';

const NO_UNIT = '00000000-0000-0000-0000-000000000000';

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  path: string[];
}

/** The annual report runs' SQL (one row per request; at most one queued or running per year and scope). */
@Injectable()
export class AnnualReportRepository {
  constructor(private readonly ds: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  /**
   * The queued or running run of (year, scope), or a new queued one: the partial unique index decides
   * between two requests at once, so there is never a second.
   */
  async insertOrActive(
    year: number,
    scopeUnitId: string | null,
    requestedBy: string | null,
    manager: EntityManager,
  ): Promise<{ run: AnnualReportRun; created: boolean }> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const inserted = (await manager.query(
        `INSERT INTO annual_report_run (year, scope_unit_id, requested_by, link_secret) VALUES ($1, $2, $3, $4)
         ON CONFLICT (year, coalesce(scope_unit_id, '${NO_UNIT}'::uuid)) WHERE status IN ('queued', 'running') DO NOTHING
         RETURNING id`,
        [year, scopeUnitId, requestedBy, newLinkSecret()],
      )) as { id: string }[];
      if (inserted[0]) return { run: (await this.find(inserted[0].id, manager))!, created: true };
      const active = await manager
        .createQueryBuilder(AnnualReportRun, 'r')
        .where('r.year = :year', { year })
        .andWhere(scopeUnitId === null ? 'r.scope_unit_id IS NULL' : 'r.scope_unit_id = :scopeUnitId', { scopeUnitId })
        .andWhere(`r.status IN ('queued', 'running')`)
        .getOne();
      if (active) return { run: active, created: false };
      // It finished between the two statements: ask again.
    }
    throw new Error('annual report run: no active run and no insert after 3 attempts');
  }

  find(id: string, manager: EntityManager = this.ds.manager): Promise<AnnualReportRun | null> {
    return manager.findOne(AnnualReportRun, { where: { id } });
  }

  async linkSecret(id: string, manager: EntityManager = this.ds.manager): Promise<string | null> {
    const [row] = (await manager.query(`SELECT link_secret FROM annual_report_run WHERE id = $1`, [id])) as {
      link_secret: string | null;
    }[];
    return row?.link_secret ?? null;
  }

  recent(limit: number, manager: EntityManager = this.ds.manager): Promise<AnnualReportRun[]> {
    return manager.find(AnnualReportRun, { order: { requestedAt: 'DESC', id: 'ASC' }, take: limit });
  }

  async units(ids: string[], manager: EntityManager = this.ds.manager): Promise<UnitRow[]> {
    if (ids.length === 0) return [];
    return manager.query(`SELECT id, code, name, path::text[] AS path FROM org_unit WHERE id = ANY($1)`, [ids]);
  }

  /** The units directly below a unit (or the top units, for the whole organisation), by code. */
  childrenOf(scopeUnitId: string | null, manager: EntityManager = this.ds.manager): Promise<UnitRow[]> {
    return manager.query(
      `SELECT id, code, name, path::text[] AS path FROM org_unit
        WHERE active AND parent_id IS NOT DISTINCT FROM $1::uuid ORDER BY code LIMIT 200`,
      [scopeUnitId],
    );
  }

  async unit(id: string, manager: EntityManager = this.ds.manager): Promise<UnitRow | null> {
    return (await this.units([id], manager))[0] ?? null;
  }

  /** The job starts (or starts again after a crash): running, one more attempt, progress from 0. */
  async start(id: string, manager: EntityManager = this.ds.manager): Promise<void> {
    await manager.query(
      `UPDATE annual_report_run SET status = 'running', started_at = coalesce(started_at, greatest(now(), requested_at)),
              attempts = attempts + 1, progress = 0 WHERE id = $1 AND status IN ('queued', 'running')`,
      [id],
    );
  }

  async progress(id: string, progress: number, manager: EntityManager = this.ds.manager): Promise<void> {
    await manager.query(`UPDATE annual_report_run SET progress = $2 WHERE id = $1 AND status = 'running'`, [
      id,
      Math.max(0, Math.min(99, Math.round(progress))),
    ]);
  }

  async finish(
    id: string,
    done: { figures: object; pdfFrKey: string; pdfEnKey: string; xlsxKey: string },
    manager: EntityManager = this.ds.manager,
  ): Promise<void> {
    await manager.query(
      `UPDATE annual_report_run SET status = 'done', progress = 100, figures = $2, pdf_fr_key = $3, pdf_en_key = $4,
              xlsx_key = $5, finished_at = greatest(now(), started_at), error = NULL
        WHERE id = $1 AND status = 'running'`,
      [id, JSON.stringify(done.figures), done.pdfFrKey, done.pdfEnKey, done.xlsxKey],
    );
  }

  async fail(id: string, error: string, manager: EntityManager = this.ds.manager): Promise<void> {
    await manager.query(
      `UPDATE annual_report_run SET status = 'failed', error = $2,
              started_at = coalesce(started_at, greatest(now(), requested_at)),
              finished_at = greatest(now(), coalesce(started_at, requested_at))
        WHERE id = $1 AND status IN ('queued', 'running')`,
      [id, error.slice(0, 2000)],
    );
  }
}
