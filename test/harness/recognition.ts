// Factories for the recognition context (docs/recognition.md): an idea's dated history of events,
// ledger entries, recorded recognitions and accepted replications, so a test can build a whole year
// of activity with the dates it needs. Rows go in through the product's entities.
import type { DataSource, EntityManager } from 'typeorm';
import { ruleOf, type ContributionKind, type IdeaStatus, type RecognitionForm } from '@eclore/domain';
import type { OrgUnit, Person } from '@eclore/server-identity';
import { IdeaEvent, type Idea } from '@eclore/server-ideas';
import { Replication, type ImplementationProject } from '@eclore/server-realisation';
import { Contribution, Recognition } from '@eclore/server-recognition';

type Db = DataSource | EntityManager;
const managerOf = (db: Db): EntityManager => ('manager' in db ? db.manager : db);

export interface HistoryStep {
  /** The command (`submit`, `accept`, `qualify`…) or event type. */
  type: string;
  from?: IdeaStatus | null;
  to?: IdeaStatus | null;
  at: Date;
  actor?: Person | null;
  data?: Record<string, unknown>;
}

/**
 * Dated events of an idea, in order (the idea's own row is left as the caller made it: makeIdea sets
 * the status). Returns the events' ids, in the same order.
 */
export async function makeIdeaHistory(
  db: Db,
  idea: Pick<Idea, 'id'>,
  steps: readonly HistoryStep[],
): Promise<string[]> {
  const m = managerOf(db);
  const ids: string[] = [];
  for (const s of steps) {
    const event = m.create(IdeaEvent, {
      ideaId: idea.id,
      type: s.type,
      fromStatus: s.from ?? null,
      toStatus: s.to ?? null,
      actorId: s.actor?.id ?? null,
      public: false,
      data: s.data ?? {},
      occurredAt: s.at,
    });
    // save, not insert: insert's typing refuses a jsonb column typed as a record.
    ids.push(String((await m.save(IdeaEvent, event)).id));
  }
  return ids;
}

/**
 * A ledger entry dated `at`. Without `eventId`, an event of the kind's type without statuses is
 * written for it (so it moves no idea through the funnel); an authorship needs its real `submit`.
 */
export async function makeContribution(
  db: Db,
  options: {
    idea: Pick<Idea, 'id'>;
    kind: ContributionKind;
    person: Person | null;
    at: Date;
    anonymous?: boolean;
    eventId?: string;
  },
): Promise<Contribution> {
  const m = managerOf(db);
  const type = ruleOf(options.kind).eventTypes[0]!;
  if (options.eventId === undefined && type === 'submit') throw new Error('an authorship needs its submit event');
  const eventId =
    options.eventId ?? (await makeIdeaHistory(m, options.idea, [{ type, at: options.at, actor: options.person }]))[0]!;
  const result = await m.insert(Contribution, {
    eventId,
    eventType: type,
    ideaId: options.idea.id,
    kind: options.kind,
    personId: options.person?.id ?? null,
    anonymous: options.anonymous ?? false,
    occurredAt: options.at,
  });
  return m.findOneByOrFail(Contribution, { id: (result.identifiers[0] as { id: string }).id });
}

/** A recognition recorded at `at` for `person` (private, milestone "implemented"). */
export async function makeRecognition(
  db: Db,
  options: { idea: Pick<Idea, 'id'>; person: Person; by: Person; form: RecognitionForm; at: Date; occurrence?: string },
): Promise<Recognition> {
  const m = managerOf(db);
  const row = m.create(Recognition, {
    ideaId: options.idea.id,
    milestone: 'implemented',
    occurrence: options.occurrence ?? '-',
    personId: options.person.id,
    status: 'recorded',
    openedAt: options.at,
    form: options.form,
    message: 'Thank you for carrying this idea.',
    recordedBy: options.by.id,
    recordedAt: options.at,
  });
  await m.insert(Recognition, row);
  return m.findOneByOrFail(Recognition, { id: row.id });
}

/** A replication of `original` accepted at `at` by the adopting `unit` (its replica project given). */
export async function makeReplication(
  db: Db,
  options: { original: ImplementationProject; replica: ImplementationProject; unit: OrgUnit; by: Person; at: Date },
): Promise<Replication> {
  const m = managerOf(db);
  const row = m.create(Replication, {
    originalProjectId: options.original.id,
    replicaProjectId: options.replica.id,
    orgUnitId: options.unit.id,
    requestedBy: options.by.id,
    status: 'active',
    createdAt: options.at,
    decidedAt: options.at,
  });
  await m.insert(Replication, row);
  return m.findOneByOrFail(Replication, { id: row.id });
}
