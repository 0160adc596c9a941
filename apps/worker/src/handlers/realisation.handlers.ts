import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler, type JobPayloads } from '@eclore/server-platform';
import { ExperimentReminders, type ReminderFireResult } from '@eclore/server-realisation';

/** Fires at an experiment's end-date reminder: tells the lead or the network if it still applies. */
@HandlesJob('realisation.experiment_reminder')
@Injectable()
export class RealisationExperimentReminderHandler implements JobHandler<'realisation.experiment_reminder'> {
  constructor(private readonly reminders: ExperimentReminders) {}

  handle(payload: JobPayloads['realisation.experiment_reminder']): Promise<ReminderFireResult> {
    return this.reminders.fire(payload);
  }
}
