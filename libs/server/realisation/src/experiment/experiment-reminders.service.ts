import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
const DAY_MS = 86_400_000;
import { peopleWithRoleCovering } from '@eclore/server-identity';
import { appendIdeaEvents, ideaScopeTarget } from '@eclore/server-ideas';
import type { JobPayloads } from '@eclore/server-platform';
import { Experiment, IdeaTeamMember } from '../entities';
import { dayDate, REALISATION_CLOCK, systemClock, type RealisationClock } from './clock';

/** The lead hears this many days before the end date; the network the day after, if no outcome. */
export const EXPERIMENT_REMIND_LEAD_DAYS_BEFORE = 3;
export const EXPERIMENT_TELL_NETWORK_DAYS_AFTER = 1;

export type ExperimentReminderKind = JobPayloads['realisation.experiment_reminder']['kind'];
export type ReminderFireResult = { sent: number } | { skipped: 'gone' | 'concluded' | 'end_date_moved' };

const JOB = 'realisation.experiment_reminder' as const;
const OPTIONS: Readonly<JobsOptions> = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { age: 30 * 86_400 },
  removeOnFail: { age: 30 * 86_400 },
};

export const reminderJobId = (experimentId: string, kind: ExperimentReminderKind): string =>
  `experiment-${kind}-${experimentId}`;

/** When each reminder fires for an end date (08:00 UTC on its day). */
export function reminderFireAt(endsOn: string, kind: ExperimentReminderKind): Date {
  const offset = kind === 'lead_before' ? -EXPERIMENT_REMIND_LEAD_DAYS_BEFORE : EXPERIMENT_TELL_NETWORK_DAYS_AFTER;
  return new Date(dayDate(endsOn).getTime() + offset * DAY_MS + 8 * 3_600_000);
}

/**
 * The experiment's end-date reminders as BullMQ delayed jobs with deterministic ids: scheduled when it
 * is created, moved when the end date changes, removed by an outcome. A job that fires re-checks the
 * experiment (still running, same end date) and does nothing otherwise.
 */
@Injectable()
export class ExperimentReminders {
  private readonly clock: RealisationClock;

  constructor(
    private readonly ds: DataSource,
    @InjectQueue('realisation') private readonly queue: Queue,
    @Optional() @Inject(REALISATION_CLOCK) clock?: RealisationClock,
  ) {
    this.clock = clock ?? systemClock;
  }

  /** Makes the idea's reminder jobs match its experiment now. */
  async sync(ideaId: string): Promise<void> {
    const experiments = await this.ds.manager.find(Experiment, { where: { ideaId } });
    for (const e of experiments) {
      for (const kind of ['lead_before', 'network_after'] as const) await this.syncOne(e, kind);
    }
  }

  private async syncOne(e: Experiment, kind: ExperimentReminderKind): Promise<void> {
    const jobId = reminderJobId(e.id, kind);
    const job = await this.queue.getJob(jobId);
    if (e.status !== 'running') {
      if (job) await job.remove().catch(() => undefined);
      return;
    }
    // Already sent for this very end date: not again.
    if (job && job.data.endsOn === e.endsOn && (await job.isCompleted())) return;
    const delay = Math.max(0, reminderFireAt(e.endsOn, kind).getTime() - this.clock.now().getTime());
    if (job && (await job.isDelayed())) {
      await job.updateData({ experimentId: e.id, kind, endsOn: e.endsOn });
      await job.changeDelay(delay);
      return;
    }
    // A reminder whose day has passed before the experiment even existed is not sent late to the lead.
    if (kind === 'lead_before' && delay === 0 && !job) return;
    if (job) await job.remove().catch(() => undefined);
    await this.queue.add(JOB, { experimentId: e.id, kind, endsOn: e.endsOn }, { ...OPTIONS, jobId, delay });
  }

  /** The job fired: tells the lead (before) or the network in scope (after) if it still applies. */
  async fire(payload: JobPayloads['realisation.experiment_reminder']): Promise<ReminderFireResult> {
    return this.ds.transaction(async (m) => {
      const e = await m.findOne(Experiment, {
        where: { id: payload.experimentId },
        lock: { mode: 'pessimistic_read' },
      });
      if (!e) return { skipped: 'gone' as const };
      if (e.status !== 'running') return { skipped: 'concluded' as const };
      if (e.endsOn !== payload.endsOn) return { skipped: 'end_date_moved' as const };
      let type: string;
      let data: Record<string, unknown>;
      if (payload.kind === 'lead_before') {
        const leads = await m.find(IdeaTeamMember, { where: { ideaId: e.ideaId, role: 'lead' } });
        type = 'experiment_end_reminder';
        data = { leadIds: leads.map((l) => l.personId), experimentId: e.id, dueAt: e.endsOn };
      } else {
        const target = await ideaScopeTarget(m, e.ideaId);
        const network = target ? await peopleWithRoleCovering(m, 'network_member', target) : [];
        type = 'experiment_overdue';
        data = { networkIds: network, experimentId: e.id, dueAt: e.endsOn };
      }
      await appendIdeaEvents(m, [{ ideaId: e.ideaId, type, actorId: null, public: false, data }]);
      return { sent: ((data['leadIds'] ?? data['networkIds']) as string[]).length };
    });
  }
}
