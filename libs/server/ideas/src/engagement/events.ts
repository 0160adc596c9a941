import type { EntityManager } from 'typeorm';
import { IdeaEvent } from '../entities';

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
  await manager.insert(
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
}
