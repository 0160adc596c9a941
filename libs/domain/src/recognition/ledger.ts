/**
 * The contribution ledger (registre des contributions): every act that helped an idea, recorded from
 * the idea events already in the outbox. ONE table below says which event records which kind, whom
 * it credits and how it counts; adding a kind of contribution is adding one line to it.
 *
 * The domain does no I/O: the recorder (server) reads an event, finds the rules for its type with
 * `rulesForEvent`, resolves the people each rule's `person` source names (an anonymous author's acts
 * carry no actor in the event, so the recorder looks them up in the row the event points at), and
 * turns them into entries with `ledgerEntries`. Each entry has an idempotency key per
 * (event, kind, person): a replayed event records nothing twice.
 */
import type { IdeaStatus } from '../ideas/idea';

/** Where a rule finds the person it credits; resolved by the recorder, never guessed. */
export type PersonSource =
  /** The event's actor, or for an anonymous author's act (actor null) the author of the row it names. */
  | 'actor'
  /** The idea's first author (on whose behalf a captured idea was written). */
  | 'idea_author'
  /** The person named in the event's data (`data.personId`). */
  | 'data_person'
  /** The people listed in the event's data (`data.personIds`), e.g. the team placed at its formation. */
  | 'data_people'
  /** Nobody: the act is counted, never attributed (supports). */
  | 'nobody';

/** The credit-share group a kind places its person in (see credit.ts); null: no share of the credit. */
export type CreditGroup = 'authors' | 'team' | 'network';

export interface ContributionRule {
  /** The outbox (idea_event) types that record this kind. */
  eventTypes: readonly string[];
  /** Only events leaving one of these statuses count (e.g. a first submission, a committee decline). */
  fromStatuses?: readonly IdeaStatus[];
  /** Where the credited people are found; several sources: everyone any of them names (once each). */
  person: PersonSource | readonly PersonSource[];
  group: CreditGroup | null;
  /** Shown by name on the idea, the profile, recognitions (false: counted, never credited by name). */
  named: boolean;
  /** Counts its person among the year's distinct contributors (participation rate). */
  participation: boolean;
}

const DECISIONS = ['decide_prototype', 'decide_implement', 'park'] as const;

/**
 * The kinds of contribution, each with the idea events (idea_event.type) that record it, as the
 * contexts write them (realisation: team_member_joined, experiment_validated / experiment_stopped,
 * milestone_done, impact.measurement_validated, replication_adopted; qualification:
 * scorecard_submitted; engagement: comment_adopted). A kind whose event no feature writes yet is
 * marked (new) beside it, with the feature that is to write it.
 */
// One row per line reads as a table; prettier would fold the long rows.
// prettier-ignore
export const CONTRIBUTION_RULES = {
  authored:              { eventTypes: ['submit'], fromStatuses: ['emerge'], person: 'idea_author', group: 'authors', named: true, participation: true },
  co_authored:           { eventTypes: ['co_author_accepted'], person: 'actor', group: 'authors', named: true, participation: true },
  captured_on_behalf:    { eventTypes: ['captured'], person: 'actor', group: 'network', named: true, participation: false },
  commented:             { eventTypes: ['commented'], person: 'actor', group: null, named: true, participation: true },
  comment_adopted:       { eventTypes: ['comment_adopted'] /* the authors first mark a comment adopted; data.personId = its writer */, person: 'data_person', group: 'network', named: true, participation: true },
  supported:             { eventTypes: ['supported'], person: 'nobody', group: null, named: false, participation: false },
  reviewed:              { eventTypes: ['scorecard_submitted'] /* first submission of a scorecard */, person: 'actor', group: 'network', named: true, participation: false },
  qualified:             { eventTypes: ['qualify'], person: 'actor', group: 'network', named: true, participation: false },
  decided:               { eventTypes: [...DECISIONS, 'decline'], fromStatuses: ['decide', 'prototype'], person: 'actor', group: null, named: true, participation: false },
  team_member:           { eventTypes: ['team_member_joined', 'team_formed'] /* the joiner; the authors placed at formation */, person: ['actor', 'data_people'], group: 'team', named: true, participation: true },
  experiment_lead:       { eventTypes: ['experiment_validated', 'experiment_stopped'] /* data.personId = the lead */, person: 'data_person', group: 'team', named: true, participation: true },
  implementation_owner:  { eventTypes: ['complete_implementation'], person: 'actor', group: 'team', named: true, participation: true },
  milestone_done:        { eventTypes: ['milestone_done'], person: 'actor', group: 'team', named: true, participation: true },
  measurement_validated: { eventTypes: ['impact.measurement_validated'], person: 'actor', group: 'network', named: true, participation: false },
  replicated:            { eventTypes: ['replication_adopted'] /* the actor adopted it for their unit */, person: 'actor', group: 'team', named: true, participation: true },
} as const satisfies Record<string, ContributionRule>;

export type ContributionKind = keyof typeof CONTRIBUTION_RULES;
export const CONTRIBUTION_KINDS = Object.keys(CONTRIBUTION_RULES) as ContributionKind[];

export function isContributionKind(value: unknown): value is ContributionKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CONTRIBUTION_RULES, value);
}

export function ruleOf(kind: ContributionKind): ContributionRule {
  return CONTRIBUTION_RULES[kind];
}

/** Every event type the recorder must read: the outbox jobs it subscribes to. */
export const LEDGER_EVENT_TYPES: readonly string[] = [
  ...new Set(CONTRIBUTION_KINDS.flatMap((k) => ruleOf(k).eventTypes)),
].sort();

/** What the recorder knows of an outbox event. */
export interface LedgerEvent {
  id: string;
  type: string;
  fromStatus: IdeaStatus | null;
}

/** The kinds an event records (none for most events: edits, views, mentions...). */
export function rulesForEvent(event: LedgerEvent): { kind: ContributionKind; rule: ContributionRule }[] {
  return CONTRIBUTION_KINDS.map((kind) => ({ kind, rule: ruleOf(kind) })).filter(
    ({ rule }) =>
      rule.eventTypes.includes(event.type) &&
      (rule.fromStatuses === undefined || (event.fromStatus !== null && rule.fromStatuses.includes(event.fromStatus))),
  );
}

/** A person resolved by the recorder; `anonymousAuthor`: an anonymous author of this idea. */
export interface ResolvedPerson {
  personId: string;
  anonymousAuthor: boolean;
}

export interface LedgerEntry {
  idempotencyKey: string;
  eventId: string;
  kind: ContributionKind;
  /** Null for a kind credited to nobody (supports). */
  personId: string | null;
  /** Counted in every total, never shown with the person's identity until they claim it. */
  anonymous: boolean;
}

/**
 * The idempotency key of an entry: event id, kind and person ('-' when the kind credits nobody).
 * The database computes the same string from the row's columns (migration 1796614000000), so a
 * person moved by erasure keeps a key that a replay would compute.
 */
export function contributionKey(eventId: string, kind: ContributionKind, personId: string | null): string {
  return `${eventId}:${kind}:${personId ?? '-'}`;
}

/**
 * The entries one event records. `people(rule)` gives the persons of a rule's source (the recorder
 * resolves them); a person listed twice is recorded once. Every act of an anonymous author of the
 * idea is anonymous, whatever its kind: a "team member" entry would otherwise name the author.
 */
export function ledgerEntries(
  event: LedgerEvent,
  people: (rule: ContributionRule, kind: ContributionKind) => readonly ResolvedPerson[],
): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (const { kind, rule } of rulesForEvent(event)) {
    if (rule.person === 'nobody') {
      out.push({
        idempotencyKey: contributionKey(event.id, kind, null),
        eventId: event.id,
        kind,
        personId: null,
        anonymous: false,
      });
      continue;
    }
    const seen = new Set<string>();
    for (const p of people(rule, kind)) {
      if (seen.has(p.personId)) continue;
      seen.add(p.personId);
      out.push({
        idempotencyKey: contributionKey(event.id, kind, p.personId),
        eventId: event.id,
        kind,
        personId: p.personId,
        anonymous: p.anonymousAuthor,
      });
    }
  }
  return out;
}

/** A recorded entry as the reads see it. */
export interface RecordedContribution {
  ideaId: string;
  kind: ContributionKind;
  personId: string | null;
  anonymous: boolean;
  claimedAt: Date | null;
}

/** How an entry may be shown to a viewer: the person, "an anonymous author", or a bare count. */
export type ContributorShown =
  { kind: 'person'; personId: string } | { kind: 'anonymous_author' } | { kind: 'counted_only' };

/**
 * Anonymity: an anonymous, unclaimed entry is shown with its person only to that person; to
 * everyone else it is "an anonymous author". Kinds credited by no name (supports) are a count.
 */
export function showContributor(entry: RecordedContribution, viewerId: string | null): ContributorShown {
  if (entry.personId === null || !ruleOf(entry.kind).named) return { kind: 'counted_only' };
  if (entry.anonymous && entry.claimedAt === null && entry.personId !== viewerId) return { kind: 'anonymous_author' };
  return { kind: 'person', personId: entry.personId };
}

/**
 * Claiming: the person claims ALL their anonymous entries on one idea at once (through the anonymity
 * guardian, audited). Claiming only some would still name them as an author of that idea, so a claim
 * never leaves half an idea anonymous. Returns the entries to mark claimed; empty when none is theirs.
 */
export function entriesToClaim<T extends RecordedContribution>(
  entries: readonly T[],
  personId: string,
  ideaId: string,
): T[] {
  return entries.filter((e) => e.ideaId === ideaId && e.personId === personId && e.anonymous && e.claimedAt === null);
}

/** Totals per kind: every entry counts, anonymous or not, named or not. */
export function totalsByKind(entries: readonly Pick<RecordedContribution, 'kind'>[]): Record<ContributionKind, number> {
  const totals = Object.fromEntries(CONTRIBUTION_KINDS.map((k) => [k, 0])) as Record<ContributionKind, number>;
  for (const e of entries) totals[e.kind] += 1;
  return totals;
}

/** The distinct contributors of a set of entries (participation): anonymous people count, unnamed kinds do not. */
export function distinctContributors(entries: readonly Pick<RecordedContribution, 'kind' | 'personId'>[]): number {
  const people = new Set<string>();
  for (const e of entries) if (e.personId !== null && ruleOf(e.kind).participation) people.add(e.personId);
  return people.size;
}
