import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler, type JobPayloads } from '@eclore/server-platform';
import { LedgerRecorder } from '@eclore/server-recognition';

/** After any idea event: its contributions enter the ledger (nothing twice on a retry). */
@HandlesJob('recognition.record_contributions')
@Injectable()
export class RecognitionRecordContributionsHandler implements JobHandler<'recognition.record_contributions'> {
  constructor(private readonly recorder: LedgerRecorder) {}

  handle(payload: JobPayloads['recognition.record_contributions']): Promise<{ events: number; recorded: number }> {
    return this.recorder.record([payload.ideaEventId]);
  }
}
