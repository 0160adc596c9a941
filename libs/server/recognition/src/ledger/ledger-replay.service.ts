import { Injectable } from '@nestjs/common';
import { LEDGER_EVENT_TYPES } from '@eclore/domain';
import { ledgerReads } from '@eclore/server-ideas';
import { LedgerRecorder } from './ledger-recorder.service';
import { LedgerRepository } from './ledger.repository';

export interface ReplayResult {
  events: number;
  recorded: number;
}

/**
 * Rebuilds the ledger from the ideas' whole event history (idea_event), in id order and in batches.
 * Recording is idempotent, so a replay after a crash, or a second replay, records only what is missing.
 */
@Injectable()
export class LedgerReplay {
  constructor(
    private readonly recorder: LedgerRecorder,
    private readonly repo: LedgerRepository,
  ) {}

  async replay(options: { batchSize?: number; onBatch?: (r: ReplayResult) => void } = {}): Promise<ReplayResult> {
    const batchSize = options.batchSize ?? 2_000;
    const total: ReplayResult = { events: 0, recorded: 0 };
    let after = '0';
    for (;;) {
      const ids = await ledgerReads.eventIdsAfter(this.repo.manager, after, LEDGER_EVENT_TYPES, batchSize);
      if (ids.length === 0) return total;
      const batch = await this.recorder.record(ids);
      total.events += batch.events;
      total.recorded += batch.recorded;
      options.onBatch?.(total);
      after = ids[ids.length - 1]!;
    }
  }
}
