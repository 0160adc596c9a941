import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { HandlesJob, JobReceipts, type JobHandler, type JobPayloads } from '@eclore/server-platform';

type Probe = JobPayloads['platform.probe'];

/** Longest a probe may hold a worker slot: it is an operations check, not a way to park workers. */
export const PROBE_MAX_HOLD_MS = 60_000;

/**
 * The operations probe: proves api → outbox → relay → queue → worker end to end. It holds the job
 * for `holdMs` (crash and shutdown tests kill or stop the worker meanwhile), then records the
 * receipt `platform.probe:<probeId>` once, however many times the job runs.
 */
@HandlesJob('platform.probe')
@Injectable()
export class PlatformProbeHandler implements JobHandler<'platform.probe'> {
  constructor(private readonly receipts: JobReceipts) {}

  async handle(payload: Probe, job: Job<Probe>): Promise<{ firstRun: boolean }> {
    const hold = Math.min(Math.max(0, payload.holdMs ?? 0), PROBE_MAX_HOLD_MS);
    if (hold > 0) await sleep(hold);
    const firstRun = await this.receipts.recordOnce(`platform.probe:${payload.probeId}`, job);
    return { firstRun };
  }
}
