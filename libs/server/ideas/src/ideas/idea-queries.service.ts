import { Injectable } from '@nestjs/common';
import type { Actor } from '@eclore/domain';
import { findPeople } from '@eclore/server-identity';
import type { IdeaEvent } from '../entities';
import { IdeaAccess } from './idea-access.service';
import { hiddenActorIds, isStaffInScope } from './idea-presenter';
import type { IdeaDto, MyIdeaDto, TimelineDto, TimelineEventDto } from './ideas.dto';
import { IdeasRepository } from './ideas.repository';
import { ideaCard } from '../wall/idea-card';
import type { SimilarIdeasDto, SimilarQuery } from '../wall/wall.dto';

/** The answer of a field review, when the event is one (its data is written by the realisation context). */
function fieldReviewOf(e: IdeaEvent): TimelineEventDto['fieldReview'] {
  if (e.type !== 'field_review_answered') return null;
  const text = (key: string): string => (typeof e.data[key] === 'string' ? (e.data[key] as string) : '');
  const months = e.data['monthsAfterGoLive'];
  return {
    monthsAfterGoLive: typeof months === 'number' ? months : 0,
    whatHappened: text('whatHappened'),
    unexpected: text('unexpected'),
    whoUsesIt: text('whoUsesIt'),
  };
}

/** Private idea events about the network's work that an idea's authors do not see in its history. */
const STAFF_ONLY_EVENTS = ['assigned', 'unassigned', 'private_note_mention', 'field_review_late'];

/**
 * Events that exist for a notification or the contribution ledger and are told on the timeline by
 * another event, or not at all: an accepted team invitation is `team_member_joined` (and its `answer`
 * is a code, not words to show); a stopped experiment is the lifecycle's `stop`; a submitted
 * scorecard is the network's work, read in the qualification panel (who scored is never the
 * authors' to see).
 */
const NOTIFICATION_ONLY_EVENTS = [
  'supported',
  'team_invitation_answered',
  'recognition_recorded',
  'experiment_stopped',
  'scorecard_submitted',
  // The thread shows the mark; the act is the writer's notification and the ledger's.
  'comment_adopted',
];

/** The words an event carries for the timeline (a reason, an answer...), if any. */
function eventText(data: Record<string, unknown>): string | null {
  for (const key of ['reason', 'answer', 'rationale', 'guidance', 'learnings']) {
    const value = data[key];
    if (typeof value === 'string') return value;
  }
  return null;
}

/** How many similar ideas the submission form shows. */
const SIMILAR_LIMIT = 5;

/** The idea page's reads: the idea, its history, the person's own ideas, the themes, similar ideas. */
@Injectable()
export class IdeaQueries {
  constructor(
    private readonly repo: IdeasRepository,
    private readonly ideas: IdeaAccess,
  ) {}

  get(actor: Actor, id: string): Promise<IdeaDto> {
    return this.ideas.read(id, actor);
  }

  async themes(): Promise<{ key: string; labelFr: string; labelEn: string }[]> {
    const rows = await this.repo.activeThemes();
    return rows.map(({ key, labelFr, labelEn }) => ({ key, labelFr, labelEn }));
  }

  async mine(actor: Actor): Promise<MyIdeaDto[]> {
    const manager = this.repo.manager;
    const rows = await this.repo.authorshipsOf(actor.personId, manager);
    const captured = await this.repo.capturedBy(actor.personId, manager);
    const ids = [...new Set([...rows.map((r) => r.ideaId), ...captured])];
    if (ids.length === 0) return [];
    const ideas = await this.repo.findByIdsRecentFirst(ids, manager);
    const loaded = await this.ideas.complete(manager, ideas, actor);
    return loaded.map((l) => {
      const row = rows.find((r) => r.ideaId === l.idea.id);
      return {
        role: row ? row.role : 'capturer',
        relation: row?.status === 'invited' ? 'invited' : 'accepted',
        idea: this.ideas.present(l),
      };
    });
  }

  async timeline(actor: Actor, id: string): Promise<TimelineDto> {
    const manager = this.repo.manager;
    const loaded = await this.ideas.loadReadable(manager, id, actor);
    const staff = isStaffInScope(loaded.viewer);
    const full = loaded.viewer.isAuthor || staff;
    // Supports are a count, not history: their events exist for notifications only. The network's own
    // work on the idea (who reviews it, mentions in its private notes) is for the network and committee.
    const excludedTypes = staff ? NOTIFICATION_ONLY_EVENTS : [...NOTIFICATION_ONLY_EVENTS, ...STAFF_ONLY_EVENTS];
    const events = await this.repo.timeline(id, full ? { excludedTypes } : { publicOnly: true }, manager);
    const hiddenActors = hiddenActorIds(loaded.idea, loaded.authors, loaded.viewer);
    const actorIds = [...new Set(events.map((e) => e.actorId).filter((a): a is string => a !== null))];
    const people = new Map((await findPeople(manager, actorIds)).map((p) => [p.id, p]));
    const actorOf = (e: IdeaEvent): TimelineEventDto['actor'] => {
      if (e.actorId === null) return { kind: 'system', person: null };
      const person = people.get(e.actorId);
      // An anonymous author's (and their capturer's) acts are "the author's", never a name.
      if (hiddenActors.has(e.actorId) || !person) return { kind: 'author', person: null };
      return { kind: 'person', person: { id: person.id, givenName: person.givenName, familyName: person.familyName } };
    };
    return {
      full,
      events: events.map((e): TimelineEventDto => ({
        id: String(e.id),
        type: e.type,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        at: e.occurredAt.toISOString(),
        public: e.public,
        actor: actorOf(e),
        text: eventText(e.data),
        fieldReview: fieldReviewOf(e),
      })),
    };
  }

  /** Public ideas like the one being written (title and summary), for the submission form. */
  async similar(query: SimilarQuery): Promise<SimilarIdeasDto> {
    const text = `${query.title} ${query.summary ?? ''}`;
    const rows = await this.repo.similar(query.title, text, query.kind ?? null, query.excludeId ?? null, SIMILAR_LIMIT);
    return { items: rows.map((r) => ideaCard(r, r.kind)) };
  }
}
