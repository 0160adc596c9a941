import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler, type JobPayloads } from '@eclore/server-platform';
import { LedgerRecorder, RecognitionDueOpener } from '@eclore/server-recognition';

/**
 * After any idea event: its contributions enter the ledger, then a milestone event opens its
 * "recognition due" items for the people the ledger credits (nothing twice on a retry: both are keyed).
 */
@HandlesJob('recognition.record_contributions')
@Injectable()
export class RecognitionRecordContributionsHandler implements JobHandler<'recognition.record_contributions'> {
  constructor(
    private readonly recorder: LedgerRecorder,
    private readonly opener: RecognitionDueOpener,
  ) {}

  async handle(
    payload: JobPayloads['recognition.record_contributions'],
  ): Promise<{ events: number; recorded: number; opened: number }> {
    const ledger = await this.recorder.record([payload.ideaEventId]);
    const due = await this.opener.open([payload.ideaEventId]);
    return { ...ledger, opened: due.opened };
  }
}
