import { actorVisibleTo, eventDetail, notificationPath } from '@eclore/domain';
import type { NotificationGroupDto, NotificationItemDto } from './centre.dto';
import type { IdeaCreditRow, NotificationGroupRow, NotificationItemRow } from './centre.repository';

type Identities = Omit<Parameters<typeof actorVisibleTo>[0], 'actorId' | 'recipientId'>;

/** The group a notification belongs to, as the centre keys it. */
const inGroup = (g: NotificationGroupRow, r: NotificationItemRow): boolean =>
  g.idea_id
    ? r.idea_id === g.idea_id
    : g.role_request_id
      ? r.role_request_id === g.role_request_id
      : r.announcement_id === g.announcement_id;

/** One notification as its recipient may read it: an anonymous author is never named. */
function presentItem(
  r: NotificationItemRow,
  g: NotificationGroupRow,
  identities: Identities,
  recipientId: string,
): NotificationItemDto {
  const visible = actorVisibleTo({ ...identities, actorId: r.actor_id, recipientId });
  const hiddenAuthor = r.actor_id === null ? r.data['byAnonymousAuthor'] === true : !visible;
  const commentId = r.data['commentId'];
  const detail = eventDetail(r.data);
  return {
    id: r.id,
    eventType: r.event_type,
    category: r.category,
    needsAction: r.needs_action,
    actor:
      visible && r.actor_id && r.given_name !== null
        ? { id: r.actor_id, givenName: r.given_name, familyName: r.family_name ?? '' }
        : null,
    actorIsAnonymousAuthor: hiddenAuthor,
    commentId: typeof commentId === 'string' ? commentId : null,
    // Reasons are for the people concerned (authors, a comment's author, reviewers); a
    // follower reads the public ones (a decision's reasoned answer) only.
    detail: detail && (r.category !== 'followed_ideas' || r.public) ? detail : null,
    link: notificationPath({ eventType: r.event_type, ideaId: r.idea_id, campaignId: g.campaign_id, data: r.data }),
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at ? r.read_at.toISOString() : null,
  };
}

/** One group of the centre with its latest notifications. */
export function presentGroup(
  g: NotificationGroupRow,
  rows: readonly NotificationItemRow[],
  authors: readonly IdeaCreditRow[],
  recipientId: string,
): NotificationGroupDto {
  const credits = authors.filter((a) => a.idea_id === g.idea_id);
  const identities: Identities = {
    anonymousIdea: g.anonymous,
    authorIds: credits.map((a) => a.person_id),
    capturerId: g.captured_by,
    anonymousCreditIds: credits.filter((a) => a.anonymous).map((a) => a.person_id),
  };
  return {
    key: g.idea_id ?? (g.role_request_id ? `role-request:${g.role_request_id}` : `campaign:${g.campaign_id}`),
    ideaId: g.idea_id,
    campaignId: g.campaign_id,
    ideaTitle: g.title,
    link: notificationPath({
      eventType: g.role_request_id ? 'role_grant_requested' : '',
      ideaId: g.idea_id,
      campaignId: g.campaign_id,
      data: {},
    }),
    needsAction: g.needs,
    unread: g.unread,
    items: rows.filter((r) => inGroup(g, r)).map((r) => presentItem(r, g, identities, recipientId)),
  };
}
