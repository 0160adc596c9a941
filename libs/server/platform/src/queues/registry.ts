/**
 * The one closed registry of queues and job names, with the payload each job carries.
 * Payloads hold ids only: a processor re-reads the state it needs, so a job never acts on stale data.
 * Adding a job = one line in JobPayloads, one in JOB_QUEUE, and exactly one handler in the worker
 * (the worker refuses to start otherwise).
 */
export const QUEUE_NAMES = ['platform', 'identity', 'webhooks'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface JobPayloads {
  /**
   * Operations probe: proves the pipeline api → outbox → relay → queue → worker end to end and
   * records a receipt. `holdMs` keeps the job busy (used to test crash recovery).
   */
  'platform.probe': { probeId: string; holdMs?: number };
  /** Validate and apply an uploaded HR directory CSV (the DirectoryImport row says which file). */
  'directory.import': { importId: string };
  /** Creates one webhook delivery per matching active subscription for an idea event (unique per pair). */
  'webhooks.dispatch': { ideaEventId: string };
  /** POSTs one signed webhook delivery; retried with backoff on network errors, 5xx and 429. */
  'webhooks.deliver': { deliveryId: string };
}

export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { readonly [N in JobName]: QueueName } = {
  'platform.probe': 'platform',
  'directory.import': 'identity',
  'webhooks.dispatch': 'webhooks',
  'webhooks.deliver': 'webhooks',
};

export const JOB_NAMES = Object.keys(JOB_QUEUE) as JobName[];

export function isJobName(value: string): value is JobName {
  return Object.prototype.hasOwnProperty.call(JOB_QUEUE, value);
}

/** Deterministic job id for an outbox row: re-enqueueing the same row never creates a second job. */
export function outboxJobId(outboxId: string): string {
  return `outbox-${outboxId}`;
}
