import type { DataSource } from 'typeorm';
import { LedgerRecorder, LedgerRepository, LedgerReplay, type ReplayResult } from '@eclore/server-recognition';

/**
 * `npm run recognition:replay-ledger`: rebuilds the contribution ledger from the ideas' whole event
 * history (idea_event). Safe to run at any time and any number of times: an entry already recorded
 * is recorded nothing the second time (docs/recognition.md §1).
 */
export function replayLedger(dataSource: DataSource, onBatch?: (progress: ReplayResult) => void): Promise<ReplayResult> {
  const repo = new LedgerRepository(dataSource);
  return new LedgerReplay(new LedgerRecorder(repo), repo).replay({ onBatch });
}
