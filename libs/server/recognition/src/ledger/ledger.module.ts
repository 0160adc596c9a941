import { Module } from '@nestjs/common';
import { LedgerRecorder } from './ledger-recorder.service';
import { LedgerReplay } from './ledger-replay.service';
import { LedgerRepository } from './ledger.repository';

/** The contribution ledger's recorder (worker) and replay (script); no route of its own. */
@Module({
  providers: [LedgerRepository, LedgerRecorder, LedgerReplay],
  exports: [LedgerRecorder, LedgerReplay],
})
export class LedgerModule {}
