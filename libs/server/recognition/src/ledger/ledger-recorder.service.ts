import { readsOn } from '@eclore/server-platform';
import { Injectable } from '@nestjs/common';
import {
  ledgerEntries,
  LEDGER_EVENT_TYPES,
  rulesForEvent,
  type ContributionRule,
  type IdeaStatus,
  type LedgerEvent,
  type PersonSource,
  type ResolvedPerson,
} from '@eclore/domain';
import { ledgerReads, type IdeaCreditFacts, type LedgerEventRow } from '@eclore/server-ideas';
import { LedgerRepository, type LedgerRow } from './ledger.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidOf(value: unknown): string | null {
  return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : null;
}

/** The ids of a list in an event's data (anything else in it, or no list, names nobody). */
function uuidsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(uuidOf).filter((p): p is string => p !== null) : [];
}

/** What the recorder knows around a batch of events, read once per batch. */
interface BatchFacts {
  credits: Map<string, IdeaCreditFacts>;
  commentAuthors: Map<string, string>;
  people: Set<string>;
}

/**
 * Records the contributions of idea events into the ledger, from the domain's one table of rules
 * (CONTRIBUTION_RULES). Used by the worker for each new event and by the replay for past ones; both
 * are safe to repeat, since every entry's key is unique in the table.
 */
@Injectable()
export class LedgerRecorder {
  constructor(private readonly repo: LedgerRepository) {}

  /** Records the contributions of these idea events (unknown ids and events of no kind record nothing). */
  async record(eventIds: readonly string[]): Promise<{ events: number; recorded: number }> {
    const m = this.repo.manager;
    const events = (await ledgerReads.events(m, eventIds)).filter((e) => LEDGER_EVENT_TYPES.includes(e.type));
    if (events.length === 0) return { events: 0, recorded: 0 };
    const facts = await this.facts(events);
    const rows = events.flatMap((event) => this.rowsOf(event, facts));
    return { events: events.length, recorded: await this.repo.insert(rows, m) };
  }

  private async facts(events: readonly LedgerEventRow[]): Promise<BatchFacts> {
    const m = this.repo.manager;
    const commentIds = events.map((e) => e.data['commentId']).filter((c): c is string => typeof c === 'string');
    const [credits, commentAuthors] = await readsOn(m, [
      () =>
        ledgerReads.creditFacts(
          m,
          events.map((e) => e.ideaId),
        ),
      () => ledgerReads.commentAuthors(m, commentIds),
    ]);
    const named = events
      .flatMap((e) => [e.actorId, uuidOf(e.data['personId']), ...uuidsOf(e.data['personIds'])])
      .filter((p): p is string => p !== null);
    const people = await this.repo.existingPeople([...named, ...commentAuthors.values()], m);
    for (const c of credits.values()) people.add(c.authorId);
    return { credits, commentAuthors, people };
  }

  private rowsOf(event: LedgerEventRow, facts: BatchFacts): LedgerRow[] {
    const credit = facts.credits.get(event.ideaId);
    if (!credit) return [];
    const ledgerEvent: LedgerEvent = {
      id: event.id,
      type: event.type,
      fromStatus: event.fromStatus as IdeaStatus | null,
    };
    if (rulesForEvent(ledgerEvent).length === 0) return [];
    const people = (rule: ContributionRule): ResolvedPerson[] =>
      [rule.person]
        .flat()
        .flatMap((source) => this.peopleOf(source, event, credit, facts))
        .filter((id) => facts.people.has(id))
        // Every act of an anonymous author of the idea is anonymous, whatever its kind.
        .map((id) => ({ personId: id, anonymousAuthor: credit.hiddenIds.has(id) }));
    return ledgerEntries(ledgerEvent, people).map((entry) => ({
      ...entry,
      eventType: event.type,
      ideaId: event.ideaId,
    }));
  }

  /**
   * The people a source names. An anonymous author's act carries no actor in its event: the person
   * is then the writer of the row the event names (a comment), never guessed.
   */
  private peopleOf(source: PersonSource, event: LedgerEventRow, credit: IdeaCreditFacts, facts: BatchFacts): string[] {
    switch (source) {
      case 'idea_author':
        return [credit.authorId];
      case 'data_person':
        return [uuidOf(event.data['personId'])].filter((p): p is string => p !== null);
      case 'data_people':
        return uuidsOf(event.data['personIds']);
      case 'actor': {
        if (event.actorId !== null) return [event.actorId];
        const commentId = event.data['commentId'];
        const writer = typeof commentId === 'string' ? facts.commentAuthors.get(commentId) : undefined;
        return writer ? [writer] : [];
      }
      case 'nobody':
        return [];
    }
  }
}
