import { createHash } from 'node:crypto';

/** The previous hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * One link: SHA-256 (hex) over the previous row's hash followed by this row's canonical content.
 * The canonical content is PostgreSQL's jsonb text of the whole row minus `hash` and `prev_hash`
 * and minus null values (jsonb sorts keys, so every column is in it, a new one included, and a
 * nullable column added later leaves older rows' content unchanged), timestamps in UTC; the insert
 * trigger hashes the same text (SQL function `audit_event_hash`, migration AuditChain). The verifier
 * recomputes it here, so a forged trigger or function cannot vouch for itself.
 */
export function chainHash(prevHash: string, canonicalContent: string): string {
  return createHash('sha256').update(prevHash + canonicalContent, 'utf8').digest('hex');
}

export interface ChainRow {
  id: string;
  seq: string;
  prevHash: string;
  hash: string;
  /** Canonical content, as audit-chain.repository.ts reads it. */
  content: string;
}

export type ChainVerdict =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entries: number; brokenAt: { id: string | null; seq: string; reason: ChainBreak } };

export type ChainBreak =
  /** The row's content no longer gives its hash: the row was edited. */
  | 'content_changed'
  /** The row does not follow the previous one: a row before it was removed, added or edited. */
  | 'link_broken'
  /** The chain head is not the last row: rows were cut from the end (or the head was moved). */
  | 'head_mismatch';

/**
 * Walks the rows in chain order (seq), checking each link; stops at the first break. `entries` counts
 * the rows checked before the break (all of them when whole).
 */
export class ChainWalker {
  private prev = GENESIS_HASH;
  private prevSeq = 0n;
  private count = 0;
  private broken: ChainVerdict | null = null;

  /** Feeds the next row; false once the chain is broken (stop reading). */
  next(row: ChainRow): boolean {
    if (this.broken) return false;
    if (row.prevHash !== this.prev || BigInt(row.seq) !== this.prevSeq + 1n) return this.fail(row.id, row.seq, 'link_broken');
    if (chainHash(row.prevHash, row.content) !== row.hash) return this.fail(row.id, row.seq, 'content_changed');
    this.prev = row.hash;
    this.prevSeq = BigInt(row.seq);
    this.count += 1;
    return true;
  }

  /** The verdict once every row was fed, given the chain head as stored. */
  finish(head: { seq: string; hash: string } | null): ChainVerdict {
    if (this.broken) return this.broken;
    const headSeq = head ? BigInt(head.seq) : 0n;
    const headHash = head ? head.hash : GENESIS_HASH;
    if (headSeq !== this.prevSeq || headHash !== this.prev) {
      return { ok: false, entries: this.count, brokenAt: { id: null, seq: String(headSeq), reason: 'head_mismatch' } };
    }
    return { ok: true, entries: this.count, headHash: this.prev };
  }

  private fail(id: string, seq: string, reason: ChainBreak): false {
    this.broken = { ok: false, entries: this.count, brokenAt: { id, seq, reason } };
    return false;
  }
}

/** One line for people and logs: `ok, N entries` or the first broken row. */
export function describeVerdict(verdict: ChainVerdict): string {
  if (verdict.ok) return `ok, ${verdict.entries} entries (head ${verdict.headHash})`;
  const { id, seq, reason } = verdict.brokenAt;
  const where = id === null ? `after entry #${verdict.entries} (chain head says #${seq})` : `at row id ${id} (#${seq})`;
  return `BROKEN ${where}: ${reason}; ${verdict.entries} entries verified before it`;
}
