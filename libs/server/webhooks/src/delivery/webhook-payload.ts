import type { EntityManager } from 'typeorm';
import { actsAsHiddenAuthor, isPublic } from '@eclore/domain';
import { Person } from '@eclore/server-identity';
import { Idea, IdeaAuthor, IdeaEvent, toIdeaState } from '@eclore/server-ideas';
import { isWebhookEventType } from './event-types';

/** Who did it, as an integration may know it. An anonymous author is only ever "the author". */
export type WebhookActor =
  { kind: 'system' } | { kind: 'author' } | { kind: 'person'; id: string; givenName: string; familyName: string };

export interface WebhookIdeaRef {
  id: string;
  title: string;
  kind: string;
  status: string;
  url: string;
}

/** The JSON body POSTed to a subscription. */
export interface WebhookBody {
  /** The idea event's id (the same for every subscription); `X-Eclore-Delivery` identifies the delivery. */
  id: string;
  type: string;
  occurredAt: string;
  idea: WebhookIdeaRef | null;
  data: Record<string, unknown>;
}

// Free texts an integration may show, and only when the event is on the public timeline.
const PUBLIC_TEXT_KEYS = ['answer', 'rationale', 'learnings', 'reason'] as const;

/**
 * Builds the body for one idea event, or null when the event must not leave Éclore: the idea is not
 * (or no longer) on the public wall. Like the ideas context's presenter, it names no author: the idea
 * reference has no author field at all, and an act by an author of an anonymous idea (or by the
 * person who captured it for them) is attributed to "the author" without an id. Event `data` is never
 * copied whole (it holds recipients, mentioned people, flags); only listed fields pass.
 */
export async function buildEventBody(
  manager: EntityManager,
  ideaEventId: string,
  publicUrl: string,
): Promise<WebhookBody | null> {
  const event = await manager.findOneBy(IdeaEvent, { id: ideaEventId });
  if (!event || !isWebhookEventType(event.type)) return null;
  const idea = await manager.findOneBy(Idea, { id: event.ideaId });
  if (!idea || !isPublic(toIdeaState(idea))) return null;

  const data: Record<string, unknown> = {
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    actor: await actorOf(manager, event, idea),
  };
  if (event.public) {
    for (const key of PUBLIC_TEXT_KEYS) {
      if (typeof event.data[key] === 'string') {
        data['text'] = event.data[key];
        break;
      }
    }
  }
  if (event.type === 'field_review_answered' && event.public) {
    for (const key of ['whatHappened', 'unexpected', 'whoUsesIt', 'monthsAfterGoLive'] as const)
      if (event.data[key] !== undefined) data[key] = event.data[key];
  }
  if (event.type === 'commented' && typeof event.data['commentId'] === 'string')
    data['commentId'] = event.data['commentId'];
  if (event.type === 'impact.measurement_validated') {
    // The figure only: never who recorded it, nor the recipients the event lists.
    for (const key of ['indicatorId', 'category', 'unit', 'value', 'measuredOn'] as const)
      if (event.data[key] !== undefined) data[key] = event.data[key];
  }
  if (event.type === 'merged') {
    const target = event.data['targetId'] ?? null;
    const from = event.data['fromIdeaId'] ?? null;
    if (typeof target === 'string') data['mergedIntoIdeaId'] = target;
    if (typeof from === 'string') data['mergedFromIdeaId'] = from;
  }
  return {
    id: String(event.id),
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    idea: {
      id: idea.id,
      title: idea.title,
      kind: idea.kind,
      status: idea.status,
      url: `${publicUrl.replace(/\/+$/, '')}/ideas/${idea.id}`,
    },
    data,
  };
}

async function actorOf(manager: EntityManager, event: IdeaEvent, idea: Idea): Promise<WebhookActor> {
  if (event.data['byAnonymousAuthor'] === true) return { kind: 'author' };
  if (event.actorId === null) return { kind: 'system' };
  const authors = await manager.findBy(IdeaAuthor, { ideaId: idea.id });
  // The same rule as the notification texts: an anonymous idea's authors and capturer, and on any
  // idea a credit kept anonymous by a merge, are only ever "the author".
  const identities = {
    anonymousIdea: idea.anonymous,
    authorIds: authors.map((a) => a.personId),
    capturerId: idea.capturedBy,
    anonymousCreditIds: authors.filter((a) => a.anonymous).map((a) => a.personId),
  };
  if (actsAsHiddenAuthor(identities, event.actorId)) return { kind: 'author' };
  const person = await manager.findOneBy(Person, { id: event.actorId });
  if (!person) return { kind: 'system' };
  return { kind: 'person', id: person.id, givenName: person.givenName, familyName: person.familyName };
}

export function pingBody(deliveryId: string, subscriptionId: string, now: Date): WebhookBody {
  return { id: deliveryId, type: 'ping', occurredAt: now.toISOString(), idea: null, data: { subscriptionId } };
}
