import type { EntityManager } from 'typeorm';
import { OutboxService, type JobName, type JobPayloads } from '@eclore/server-platform';
import { IdeaEvent } from '../entities';

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

const outbox = new OutboxService();

/** Appends one outbox message per IDEA_EVENT_JOBS entry for each of these new idea_event ids, in one statement. */
export async function announceIdeaEvents(manager: EntityManager, ideaEventIds: readonly string[]): Promise<void> {
  await outbox.appendMany(
    manager,
    ideaEventIds.flatMap((ideaEventId) => IDEA_EVENT_JOBS.map((jobName) => ({ jobName, payload: { ideaEventId } }))),
  );
}

export interface NewIdeaEvent {
  ideaId: string;
  type: string;
  actorId: string | null;
  public: boolean;
  data: Record<string, unknown>;
  fromStatus?: string | null;
  toStatus?: string | null;
}

/** Appends to ideas' histories inside the caller's transaction. */
export async function appendIdeaEvents(manager: EntityManager, events: readonly NewIdeaEvent[]): Promise<void> {
  if (events.length === 0) return;
  const inserted = await manager.insert(
    IdeaEvent,
    events.map((e) => ({
      ideaId: e.ideaId,
      type: e.type,
      actorId: e.actorId,
      public: e.public,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      // TypeORM's deep-partial type cannot express an open jsonb record.
      data: e.data as never,
    })),
  );
  await announceIdeaEvents(
    manager,
    inserted.identifiers.map((row) => String(row['id'])),
  );
}
