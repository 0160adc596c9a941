import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { NotificationCategory } from '@eclore/domain';
import { GROUP_TITLE_SQL, ROLE_REQUEST_ACTOR_SQL } from '../engine/actor.sql';

/** One group of the centre: an idea, an announced campaign or a role request. */
export interface NotificationGroupRow {
  idea_id: string | null;
  announcement_id: string | null;
  role_request_id: string | null;
  campaign_id: string | null;
  needs: boolean;
  last_id: string;
  unread: number;
  title: string;
  anonymous: boolean;
  captured_by: string | null;
}

/** One notification of a group, with its event's actor (unfiltered: the service decides who is named). */
export interface NotificationItemRow {
  id: string;
  idea_id: string | null;
  announcement_id: string | null;
  role_request_id: string | null;
  event_type: string;
  category: NotificationCategory;
  needs_action: boolean;
  created_at: Date;
  read_at: Date | null;
  actor_id: string | null;
  data: Record<string, unknown>;
  public: boolean;
  given_name: string | null;
  family_name: string | null;
}

/** An accepted author of an idea, as the anonymity rule needs it. */
export interface IdeaCreditRow {
  idea_id: string;
  person_id: string;
  anonymous: boolean;
}

/** Keyset position in the centre: "needs my action" (1, 0), then the group's latest notification id. */
export interface GroupsAfter {
  needs: number;
  lastId: string;
}

const GROUPS_SQL = `WITH g AS (
     SELECT n.idea_id, n.announcement_id, n.role_request_id,
            bool_or(n.needs_action AND n.read_at IS NULL) AS needs,
            max(n.id) AS last_id, count(*) FILTER (WHERE n.read_at IS NULL)::int AS unread
       FROM notification n WHERE n.recipient_id = $1 GROUP BY n.idea_id, n.announcement_id, n.role_request_id)
   SELECT g.idea_id, g.announcement_id::text AS announcement_id, g.role_request_id, ca.campaign_id, g.needs,
          g.last_id::text AS last_id, g.unread,
          ${GROUP_TITLE_SQL} AS title,
          COALESCE(i.anonymous, false) AS anonymous, i.captured_by
     FROM g LEFT JOIN idea i ON i.id = g.idea_id
     LEFT JOIN campaign_announcement ca ON ca.id = g.announcement_id
     LEFT JOIN campaign c ON c.id = ca.campaign_id
     LEFT JOIN role_grant_request rr ON rr.id = g.role_request_id
     LEFT JOIN person rg ON rg.id = rr.person_id
    WHERE $2::int IS NULL OR (g.needs::int, g.last_id) < ($2::int, $3::bigint)
    ORDER BY g.needs DESC, g.last_id DESC
    LIMIT $4`;

const ITEMS_SQL = `SELECT x.* FROM (
     SELECT n.id::text AS id, n.idea_id, n.announcement_id::text AS announcement_id, n.role_request_id,
            n.event_type, n.category, n.needs_action, n.created_at, n.read_at,
            COALESCE(e.actor_id, ${ROLE_REQUEST_ACTOR_SQL}) AS actor_id, COALESCE(e.data, '{}'::jsonb) AS data,
            COALESCE(e.public, false) AS public, ap.given_name, ap.family_name,
            row_number() OVER (PARTITION BY n.idea_id, n.announcement_id, n.role_request_id ORDER BY n.id DESC) AS rn
       FROM notification n
       LEFT JOIN idea_event e ON e.id = n.event_id
       LEFT JOIN role_grant_request rr ON rr.id = n.role_request_id
       LEFT JOIN person ap ON ap.id = COALESCE(e.actor_id, ${ROLE_REQUEST_ACTOR_SQL})
      WHERE n.recipient_id = $1
        AND (n.idea_id = ANY($2::uuid[]) OR n.announcement_id = ANY($3::bigint[]) OR n.role_request_id = ANY($5::uuid[]))) x
    WHERE x.rn <= $4 ORDER BY x.id::bigint DESC`;

/** The reads and writes of a person's notification centre. */
@Injectable()
export class CentreRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Up to `limit` groups after the keyset position, needing my action first, then the most recent. */
  groups(recipientId: string, after: GroupsAfter | null, limit: number, m?: EntityManager): Promise<NotificationGroupRow[]> {
    return (m ?? this.ds.manager).query(GROUPS_SQL, [recipientId, after?.needs ?? null, after?.lastId ?? null, limit]);
  }

  /** The latest `perGroup` notifications of each of these groups, newest first. */
  items(
    recipientId: string,
    groups: { ideaIds: string[]; announcementIds: string[]; roleRequestIds: string[] },
    perGroup: number,
    m?: EntityManager,
  ): Promise<NotificationItemRow[]> {
    return (m ?? this.ds.manager).query(ITEMS_SQL, [
      recipientId,
      groups.ideaIds,
      groups.announcementIds,
      perGroup,
      groups.roleRequestIds,
    ]);
  }

  /** The accepted authors of these ideas. */
  credits(ideaIds: readonly string[], m?: EntityManager): Promise<IdeaCreditRow[]> {
    return (m ?? this.ds.manager).query(
      `SELECT idea_id, person_id, anonymous FROM idea_author WHERE idea_id = ANY($1::uuid[]) AND status = 'accepted'`,
      [ideaIds],
    );
  }

  async unreadCount(recipientId: string, m?: EntityManager): Promise<number> {
    const [row] = (await (m ?? this.ds.manager).query(
      'SELECT count(*)::int AS n FROM notification WHERE recipient_id = $1 AND read_at IS NULL',
      [recipientId],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  /** Marks the listed (or, with null, all) unread notifications of the recipient read; how many were. */
  async markRead(recipientId: string, ids: readonly string[] | null, m?: EntityManager): Promise<number> {
    const [, affected] = (await (m ?? this.ds.manager).query(
      `UPDATE notification SET read_at = now()
        WHERE recipient_id = $1 AND read_at IS NULL AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))`,
      [recipientId, ids],
    )) as [unknown, number];
    return affected;
  }
}
