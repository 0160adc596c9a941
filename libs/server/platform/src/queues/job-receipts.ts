import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Records that a job's side effect happened, under a unique key (e.g. `notification.email:<id>`).
 * `recordOnce` answers true only to the first caller for a key: a retried or re-delivered job asks
 * first and skips the effect. Pass the transaction's manager when the effect is a database change
 * so the receipt and the effect commit (or roll back) together.
 */
@Injectable()
export class JobReceipts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async recordOnce(key: string, job: Pick<Job, 'name' | 'id'>, manager?: EntityManager): Promise<boolean> {
    return recordJobReceipt(manager ?? this.dataSource.manager, key, job);
  }

  async has(key: string, manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (manager ?? this.dataSource.manager).query('SELECT 1 FROM job_receipt WHERE key = $1', [key]);
    return rows.length > 0;
  }
}

/** Inserts the receipt unless one exists; true when this call inserted it. */
export async function recordJobReceipt(manager: EntityManager, key: string, job: Pick<Job, 'name' | 'id'>): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    'INSERT INTO job_receipt (key, job_name, job_id) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING RETURNING key',
    [key, job.name, job.id ?? null],
  );
  return rows.length === 1;
}
