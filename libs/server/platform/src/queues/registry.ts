/**
 * The one closed registry of queues and job names, with the payload each job carries.
 * Payloads hold ids only: a processor re-reads the state it needs, so a job never acts on stale data.
 * Adding a job = one line in JobPayloads, one in JOB_QUEUE, and exactly one handler in the worker
 * (the worker refuses to start otherwise).
 */
export const QUEUE_NAMES = ['platform', 'identity', 'webhooks', 'notifications'] as const;
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
  /** Writes the in-app notifications of an idea event (unique per recipient) and the immediate e-mails to send. */
  'notifications.dispatch': { ideaEventId: string };
  /** Sends one notification e-mail (immediate or digest), recorded under its unique key. */
  'notifications.deliver': { deliveryId: string };
  /** Gathers everything not yet e-mailed into daily/weekly digests; `now` (ISO) is the test clock. */
  'notifications.digest': { frequency: 'daily' | 'weekly'; now?: string };
}

export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { readonly [N in JobName]: QueueName } = {
  'platform.probe': 'platform',
  'directory.import': 'identity',
  'webhooks.dispatch': 'webhooks',
  'webhooks.deliver': 'webhooks',
  'notifications.dispatch': 'notifications',
  'notifications.deliver': 'notifications',
  'notifications.digest': 'notifications',
};

export const JOB_NAMES = Object.keys(JOB_QUEUE) as JobName[];

export function isJobName(value: string): value is JobName {
  return Object.prototype.hasOwnProperty.call(JOB_QUEUE, value);
}

/** Deterministic job id for an outbox row: re-enqueueing the same row never creates a second job. */
export function outboxJobId(outboxId: string): string {
  return `outbox-${outboxId}`;
}
