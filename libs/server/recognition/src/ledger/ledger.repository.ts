import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { LedgerEntry } from '@eclore/domain';

/** An entry ready to insert: the domain's entry and the facts of its event (its date is read from the event). */
export interface LedgerRow extends LedgerEntry {
  eventType: string;
  ideaId: string;
}

/**
 * The ledger's SQL. The idempotency key is computed by the database from the row's columns, so
 * `ON CONFLICT (idempotency_key) DO NOTHING` makes a retried or replayed event record nothing twice.
 */
@Injectable()
export class LedgerRepository {
  constructor(private readonly ds: DataSource) {}

  get manager(): EntityManager {
    return this.ds.manager;
  }

  /** Inserts the rows not yet recorded; answers how many were new. */
  async insert(rows: readonly LedgerRow[], manager = this.ds.manager): Promise<number> {
    if (rows.length === 0) return 0;
    // The entry's date is its event's, read by the database: a JavaScript Date would cut the
    // event's microseconds (an act at 23:59:59.9995 on 31 December belongs to that year).
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO contribution (event_id, event_type, idea_id, kind, person_id, anonymous, occurred_at)
       SELECT u.event_id, u.event_type, u.idea_id, u.kind, u.person_id, u.anonymous, e.occurred_at
         FROM unnest($1::bigint[], $2::text[], $3::uuid[], $4::text[], $5::uuid[], $6::boolean[])
              AS u(event_id, event_type, idea_id, kind, person_id, anonymous)
         JOIN idea_event e ON e.id = u.event_id
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id`,
      [
        rows.map((r) => r.eventId),
        rows.map((r) => r.eventType),
        rows.map((r) => r.ideaId),
        rows.map((r) => r.kind),
        rows.map((r) => r.personId),
        rows.map((r) => r.anonymous),
      ],
    );
    return inserted.length;
  }

  /** The ids among these that are people (a person named in an event's data may be mistyped). */
  async existingPeople(ids: readonly string[], manager = this.ds.manager): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Set();
    const rows: { id: string }[] = await manager.query('SELECT id FROM person WHERE id = ANY($1::uuid[])', [unique]);
    return new Set(rows.map((r) => r.id));
  }
}
