import type { EntityManager } from 'typeorm';
import type { JobName, JobPayloads } from '@eclore/server-platform';

type IdeaEventJob = { [N in JobName]: JobPayloads[N] extends { ideaEventId: string } ? N : never }[JobName];

/**
 * The jobs told of every new idea event, through the outbox in the event's own transaction (so an
 * event and its follow-ups commit together). A context that reacts to idea events adds one line.
 */
export const IDEA_EVENT_JOBS: readonly IdeaEventJob[] = [
  'webhooks.dispatch',
  'notifications.dispatch',
  // Any event may change which answer-time deadlines apply: the scheduler follows the idea's state.
  'qualification.schedule_deadlines',
  // The contribution ledger counts the acts the domain's CONTRIBUTION_RULES name.
  'recognition.record_contributions',
];

export interface NewIdeaEvent {
  ideaId: string;
  type: string;
  actorId: string | null;
  public: boolean;
  data: Record<string, unknown>;
  fromStatus?: string | null;
  toStatus?: string | null;
}

/**
 * The events and, for each, one outbox message per IDEA_EVENT_JOBS entry (payload { ideaEventId }),
 * in one statement: the outbox's contract (OutboxService: in the change's own transaction) holds,
 * since a statement is atomic and runs in the caller's transaction. Messages in event order, then
 * IDEA_EVENT_JOBS order.
 */
const APPEND_AND_ANNOUNCE = `
  WITH e AS (
    INSERT INTO idea_event (idea_id, type, actor_id, public, data, from_status, to_status)
    SELECT idea_id, type, actor_id, public, data::jsonb, from_status, to_status
    FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::boolean[], $5::text[], $6::text[], $7::text[])
      AS n (idea_id, type, actor_id, public, data, from_status, to_status)
    RETURNING id
  )
  INSERT INTO outbox_message (job_name, payload)
  SELECT j.job, jsonb_build_object('ideaEventId', e.id::text)
  FROM e CROSS JOIN unnest($8::text[]) WITH ORDINALITY AS j (job, position)
  ORDER BY e.id, j.position`;

/**
 * Appends to ideas' histories inside the caller's transaction, and tells IDEA_EVENT_JOBS of each
 * event: one round trip, whatever the number of events (every support and lifecycle command writes one).
 */
export async function appendIdeaEvents(manager: EntityManager, events: readonly NewIdeaEvent[]): Promise<void> {
  if (events.length === 0) return;
  if (!manager.queryRunner?.isTransactionActive)
    // The outbox's rule: a message outside a transaction could outlive a failed change.
    throw new Error('appendIdeaEvents must run inside a transaction');
  await manager.query(APPEND_AND_ANNOUNCE, [
    events.map((e) => e.ideaId),
    events.map((e) => e.type),
    events.map((e) => e.actorId),
    events.map((e) => e.public),
    events.map((e) => JSON.stringify(e.data)),
    events.map((e) => e.fromStatus ?? null),
    events.map((e) => e.toStatus ?? null),
    IDEA_EVENT_JOBS,
  ]);
}
