import type { DataSource, EntityManager } from 'typeorm';
import type { ChainRow } from './audit-chain';

const BATCH = 2000;

/**
 * The canonical content of a row (see audit-chain.ts): the same expression as the SQL function
 * `audit_event_hash`, in a transaction whose time zone and float format are pinned like that function's.
 */
const ROWS_AFTER = `
  SELECT e.id::text AS id, e.seq::text AS seq, e.prev_hash AS "prevHash", e.hash,
         jsonb_strip_nulls((to_jsonb(e) - 'hash') - 'prev_hash')::text AS content
    FROM audit_event e
   WHERE e.seq > $1
   ORDER BY e.seq
   LIMIT ${BATCH}`;

const HEAD = `SELECT seq::text AS seq, hash FROM audit_chain_head WHERE id`;

/** Reads the audit chain for the verifier, in one snapshot (rows and head agree). */
export class AuditChainRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Calls `visit` with each batch in chain order until it returns false; returns the head. */
  async walk(visit: (rows: ChainRow[]) => boolean): Promise<{ seq: string; hash: string } | null> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager: EntityManager) => {
      await manager.query(`SET LOCAL timezone = 'UTC'`);
      await manager.query(`SET LOCAL extra_float_digits = 3`);
      const head = ((await manager.query(HEAD)) as { seq: string; hash: string }[])[0] ?? null;
      let after = '0';
      for (;;) {
        const rows = (await manager.query(ROWS_AFTER, [after])) as ChainRow[];
        if (rows.length === 0 || !visit(rows)) break;
        after = rows[rows.length - 1]!.seq;
        if (rows.length < BATCH) break;
      }
      return head;
    });
  }
}
