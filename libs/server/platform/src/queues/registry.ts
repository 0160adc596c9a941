/**
 * The one closed registry of queues and job names, with the payload each job carries.
 * Payloads hold ids only: a processor re-reads the state it needs, so a job never acts on stale data.
 * Adding a job = one line in JobPayloads, one in JOB_QUEUE, and exactly one handler in the worker
 * (the worker refuses to start otherwise).
 */
export const QUEUE_NAMES = [
  'platform',
  'identity',
  'webhooks',
  'notifications',
  'qualification',
  'realisation',
  'committee',
  'recognition',
] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface JobPayloads {
  /**
   * Operations probe: proves the pipeline api → outbox → relay → queue → worker end to end and
   * records a receipt. `holdMs` keeps the job busy (used to test crash recovery).
   */
  'platform.probe': { probeId: string; holdMs?: number };
  /** Validate and apply an uploaded HR directory CSV (the DirectoryImport row says which file). */
  'directory.import': { importId: string };
  /** Builds one person's "download my data" archive with progress (the PersonalDataExport row says whose). */
  'personal_data.export': { exportId: string };
  /**
   * Daily: erases people deactivated longer than ERASE_AFTER_DEACTIVATION_DAYS (when set) and removes
   * expired export archives (the schedule carries no data).
   */
  'personal_data.retention': Record<string, never>;
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
  /**
   * Recomputes one idea's answer-time deadlines after any of its events and adds, moves or removes
   * its delayed reminder/escalation jobs (docs/qualification.md, "Answer-time guarantee").
   */
  'qualification.schedule_deadlines': { ideaEventId: string };
  /** The same for every idea with a deadline or a scheduled job (the settings changed). */
  'qualification.reschedule_deadlines': { reason: 'settings_changed' };
  /** Delayed until `remindBeforeDays` before the due date: reminds the open assignees (re-checks the state). */
  'qualification.deadline_reminder': DeadlineJobPayload;
  /** Delayed until the due date: tells the network lead(s) whose scope covers the idea (re-checks the state). */
  'qualification.deadline_escalation': DeadlineJobPayload;
  /** Fans a campaign announcement out to its audience in batches (resumes from its recorded cursor). */
  'notifications.announce': { announcementId: string };
  /** Tells every active admin that a guardian grant was asked for, or took effect (in-app + e-mail). */
  'notifications.role_request': { requestId: string; stage: 'requested' | 'granted' };
  /** Sends a batch of recorded e-mails (a fan-out's), each under its own key and sending protocol. */
  'notifications.deliver_batch': { deliveryIds: string[] };
  /**
   * Delayed to an experiment's end date: reminds the team lead before it (`lead_before`) or tells the
   * network after it without an outcome (`network_after`); re-checks status and end date when it fires.
   */
  'realisation.experiment_reminder': { experimentId: string; kind: 'lead_before' | 'network_after'; endsOn: string };
  /** Adds (or moves) the delayed ask / remind / late jobs of a project's field reviews (docs/realisation.md §5). */
  'realisation.schedule_field_reviews': { projectId: string };
  /** Delayed until the step's date: asks, reminds once, or reports late (re-checks the review when it fires). */
  'realisation.field_review': FieldReviewJobPayload;
  /** After a park: adds the delayed job that resumes the idea at its parkedUntil (docs/realisation.md §7). */
  'committee.schedule_resume': { ideaId: string };
  /** Delayed until parkedUntil: resumes the idea as the system if it is still parked and due. */
  'committee.resume_parked': { ideaId: string; parkedUntil: string };
  /** Records the contributions of one idea event in the ledger (idempotent per event, kind and person). */
  'recognition.record_contributions': { ideaEventId: string };
  /**
   * Builds one annual report run (figures, PDF fr/en, XLSX) with its progress; a retry overwrites the
   * same files (docs/recognition.md §5, "The report").
   */
  'recognition.annual_report': { runId: string };
  /** Yearly on 1 January: requests the organisation's report of the year just ended (the schedule carries no data). */
  'recognition.annual_report_schedule': Record<string, never>;
}

/** A field review job: which review, which step (ask at due, remind, report late). */
export interface FieldReviewJobPayload {
  reviewId: string;
  step: 'ask' | 'remind' | 'report_late';
}

/** A deadline job: the idea, which deadline, and the due date it was scheduled for (ISO). */
export interface DeadlineJobPayload {
  ideaId: string;
  deadline: 'first_answer' | 'qualification';
  dueAt: string;
}

export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { readonly [N in JobName]: QueueName } = {
  'platform.probe': 'platform',
  'directory.import': 'identity',
  'personal_data.export': 'identity',
  'personal_data.retention': 'identity',
  'webhooks.dispatch': 'webhooks',
  'webhooks.deliver': 'webhooks',
  'notifications.dispatch': 'notifications',
  'notifications.deliver': 'notifications',
  'notifications.digest': 'notifications',
  'qualification.schedule_deadlines': 'qualification',
  'qualification.reschedule_deadlines': 'qualification',
  'qualification.deadline_reminder': 'qualification',
  'qualification.deadline_escalation': 'qualification',
  'notifications.announce': 'notifications',
  'notifications.deliver_batch': 'notifications',
  'notifications.role_request': 'notifications',
  'realisation.experiment_reminder': 'realisation',
  'realisation.schedule_field_reviews': 'realisation',
  'realisation.field_review': 'realisation',
  'committee.schedule_resume': 'committee',
  'committee.resume_parked': 'committee',
  'recognition.record_contributions': 'recognition',
  'recognition.annual_report': 'recognition',
  'recognition.annual_report_schedule': 'recognition',
};

export const JOB_NAMES = Object.keys(JOB_QUEUE) as JobName[];

export function isJobName(value: string): value is JobName {
  return Object.prototype.hasOwnProperty.call(JOB_QUEUE, value);
}

/** Deterministic job id for an outbox row: re-enqueueing the same row never creates a second job. */
export function outboxJobId(outboxId: string): string {
  return `outbox-${outboxId}`;
}
