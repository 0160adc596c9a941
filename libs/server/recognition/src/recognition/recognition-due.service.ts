import { Injectable } from '@nestjs/common';
import {
  CONTRIBUTION_KINDS,
  milestoneOfEvent,
  RECOGNITION_MILESTONES,
  ruleOf,
  type CreditGroup,
  type RecognitionMilestone,
} from '@eclore/domain';
import { ledgerReads, type LedgerEventRow } from '@eclore/server-ideas';
import { RecognitionRepository, type NewDueItem } from './recognition.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The milestones' event types: the only events the opener reads. */
const MILESTONE_EVENT_TYPES: readonly string[] = Object.values(RECOGNITION_MILESTONES).map((m) => m.eventType);

/**
 * Opens "recognition due" items from milestone events (docs/recognition.md §3), in the same worker
 * job as the contribution ledger and right after it, so the people the milestone's event credits
 * (the implementation owner of `complete_implementation`) are already in the ledger. One item per
 * idea, milestone, occurrence and person: the due key makes a retried or replayed event open nothing
 * twice. A person is whoever the ledger credits in the milestone's groups; an anonymous author's
 * item is flagged anonymous (never named to the recogniser).
 */
@Injectable()
export class RecognitionDueOpener {
  constructor(private readonly repo: RecognitionRepository) {}

  async open(eventIds: readonly string[]): Promise<{ opened: number }> {
    const m = this.repo.manager;
    const events = (await ledgerReads.events(m, eventIds)).filter((e) => MILESTONE_EVENT_TYPES.includes(e.type));
    if (events.length === 0) return { opened: 0 };
    const settings = await this.repo.settings(m);
    let opened = 0;
    for (const event of events) {
      const milestone = milestoneOfEvent(event.type, settings);
      if (milestone === null) continue;
      opened += (await this.repo.openDue(await this.itemsOf(event, milestone), m)).length;
    }
    return { opened };
  }

  private async itemsOf(event: LedgerEventRow, milestone: RecognitionMilestone): Promise<NewDueItem[]> {
    const m = this.repo.manager;
    const groups: readonly CreditGroup[] = RECOGNITION_MILESTONES[milestone].groups;
    const credited = await this.repo.creditedPeople(event.ideaId, m);
    const people = new Map<string, boolean>();
    for (const row of credited) {
      const group = CONTRIBUTION_KINDS.includes(row.kind) ? ruleOf(row.kind).group : null;
      if (group !== null && groups.includes(group)) people.set(row.personId, row.anonymous);
    }
    // An idea whose authorship predates the ledger still has its author (the idea's own fact).
    if (groups.includes('authors')) {
      const facts = (await ledgerReads.creditFacts(m, [event.ideaId])).get(event.ideaId);
      if (facts && !people.has(facts.authorId)) people.set(facts.authorId, facts.hiddenIds.has(facts.authorId));
    }
    const occurrence = milestone === 'replicated' ? occurrenceOf(event) : '-';
    return [...people].map(([personId, anonymous]) => ({
      ideaId: event.ideaId,
      milestone,
      occurrence,
      personId,
      anonymous,
    }));
  }
}

/** A replication is a milestone per adopting unit: its id when the event names it, else the event's. */
function occurrenceOf(event: LedgerEventRow): string {
  const id = event.data['replicationId'];
  return typeof id === 'string' && UUID.test(id) ? id.toLowerCase() : `event-${event.id}`;
}
