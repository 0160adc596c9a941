import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  BUILT_IN_NOTIFICATION_DEFAULTS,
  Conflict,
  NOTIFICATION_CATEGORIES,
  NotFound,
  ValidationFailed,
  actorVisibleTo,
  eventDetail,
  notificationPath,
  type Actor,
  type NotificationCategory,
  type NotificationFrequency,
} from '@eclore/domain';
import { AppConfig, OutboxService, cursorField, defineCursor } from '@eclore/server-platform';
import { AuditService } from '@eclore/server-identity';
import { ROLE_REQUEST_ACTOR_SQL } from '../engine/sender';
import type {
  CategoryFrequencyDto,
  DefaultsDto,
  DeliveryDto,
  DeliveryPageDto,
  NotificationGroupDto,
  NotificationItemDto,
  NotificationPageDto,
  PreferencesDto,
} from './notifications.dto';

const ITEMS_PER_GROUP = 20;
const DELIVERIES_PER_PAGE = 50;

/** The centre's groups: "needs my action" first (1, 0), then the group's latest notification id. */
const groupsCursor = defineCursor({ needs: cursorField.oneOf(['0', '1']), lastId: cursorField.serialId });
/** The admins' deliveries: creation time and id, newest first. */
const deliveriesCursor = defineCursor({ createdAt: cursorField.isoTimestamp, id: cursorField.uuid });

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The notification centre, preferences and the admin side of notifications. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  /** Grouped by idea (or announced campaign): groups with something unread needing my action first, then the most recent. */
  async list(actor: Actor, cursor: string | undefined, limit = 20): Promise<NotificationPageDto> {
    const after = cursor ? groupsCursor.decode(cursor) : null;
    const groups = (await this.ds.query(
      `WITH g AS (
         SELECT n.idea_id, n.announcement_id, n.role_request_id,
                bool_or(n.needs_action AND n.read_at IS NULL) AS needs,
                max(n.id) AS last_id, count(*) FILTER (WHERE n.read_at IS NULL)::int AS unread
           FROM notification n WHERE n.recipient_id = $1 GROUP BY n.idea_id, n.announcement_id, n.role_request_id)
       SELECT g.idea_id, g.announcement_id::text AS announcement_id, g.role_request_id, ca.campaign_id, g.needs,
              g.last_id::text AS last_id, g.unread,
              COALESCE(i.title, c.title, rg.given_name || ' ' || rg.family_name) AS title,
              COALESCE(i.anonymous, false) AS anonymous, i.captured_by
         FROM g LEFT JOIN idea i ON i.id = g.idea_id
         LEFT JOIN campaign_announcement ca ON ca.id = g.announcement_id
         LEFT JOIN campaign c ON c.id = ca.campaign_id
         LEFT JOIN role_grant_request rr ON rr.id = g.role_request_id
         LEFT JOIN person rg ON rg.id = rr.person_id
        WHERE $2::int IS NULL OR (g.needs::int, g.last_id) < ($2::int, $3::bigint)
        ORDER BY g.needs DESC, g.last_id DESC
        LIMIT $4`,
      [actor.personId, after ? Number(after.needs) : null, after?.lastId ?? null, limit + 1],
    )) as {
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
    }[];
    const page = groups.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor = groups.length > limit && last ? groupsCursor.encode({ needs: last.needs ? '1' : '0', lastId: last.last_id }) : null;
    if (page.length === 0) return { groups: [], nextCursor: null };
    const ideaIds = page.flatMap((g) => (g.idea_id ? [g.idea_id] : []));
    const announcementIds = page.flatMap((g) => (g.announcement_id ? [g.announcement_id] : []));
    const roleRequestIds = page.flatMap((g) => (g.role_request_id ? [g.role_request_id] : []));

    const rows = (await this.ds.query(
      `SELECT x.* FROM (
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
        WHERE x.rn <= $4 ORDER BY x.id::bigint DESC`,
      [actor.personId, ideaIds, announcementIds, ITEMS_PER_GROUP, roleRequestIds],
    )) as {
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
    }[];
    const authors = (await this.ds.query(
      `SELECT idea_id, person_id, anonymous FROM idea_author WHERE idea_id = ANY($1::uuid[]) AND status = 'accepted'`,
      [ideaIds],
    )) as { idea_id: string; person_id: string; anonymous: boolean }[];

    const out: NotificationGroupDto[] = page.map((g) => {
      const credits = authors.filter((a) => a.idea_id === g.idea_id);
      const identities = {
        anonymousIdea: g.anonymous,
        authorIds: credits.map((a) => a.person_id),
        capturerId: g.captured_by,
        anonymousCreditIds: credits.filter((a) => a.anonymous).map((a) => a.person_id),
      };
      const items: NotificationItemDto[] = rows
        .filter((r) =>
          g.idea_id
            ? r.idea_id === g.idea_id
            : g.role_request_id
              ? r.role_request_id === g.role_request_id
              : r.announcement_id === g.announcement_id,
        )
        .map((r) => {
          const visible = actorVisibleTo({ ...identities, actorId: r.actor_id, recipientId: actor.personId });
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
            link: notificationPath({
              eventType: r.event_type,
              ideaId: r.idea_id,
              campaignId: g.campaign_id,
              data: r.data,
            }),
            createdAt: r.created_at.toISOString(),
            readAt: iso(r.read_at),
          };
        });
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
        items,
      };
    });
    return { groups: out, nextCursor };
  }

  async unreadCount(actor: Actor): Promise<number> {
    const [row] = (await this.ds.query(
      'SELECT count(*)::int AS n FROM notification WHERE recipient_id = $1 AND read_at IS NULL',
      [actor.personId],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  async markRead(actor: Actor, ids: readonly string[] | null): Promise<number> {
    const [, affected] = (await this.ds.query(
      `UPDATE notification SET read_at = now()
        WHERE recipient_id = $1 AND read_at IS NULL AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))`,
      [actor.personId, ids],
    )) as [unknown, number];
    return affected;
  }

  // ---- preferences ----

  private async defaults(): Promise<Record<NotificationCategory, NotificationFrequency>> {
    const rows = (await this.ds.query(
      'SELECT category, frequency FROM notification_default',
    )) as CategoryFrequencyDto[];
    const out = { ...BUILT_IN_NOTIFICATION_DEFAULTS };
    for (const r of rows)
      if ((NOTIFICATION_CATEGORIES as readonly string[]).includes(r.category)) out[r.category] = r.frequency;
    return out;
  }

  async preferences(personId: string): Promise<PreferencesDto> {
    const defaults = await this.defaults();
    const mine = (await this.ds.query('SELECT category, frequency FROM notification_preference WHERE person_id = $1', [
      personId,
    ])) as CategoryFrequencyDto[];
    const chosen = new Map(mine.map((p) => [p.category, p.frequency]));
    return {
      emailEnabled: Boolean(this.config.SMTP_URL),
      preferences: NOTIFICATION_CATEGORIES.map((category) => ({
        category,
        frequency: chosen.get(category) ?? defaults[category],
        organisationDefault: defaults[category],
        personal: chosen.has(category),
      })),
    };
  }

  async setPreferences(personId: string, prefs: readonly CategoryFrequencyDto[]): Promise<PreferencesDto> {
    assertDistinct(prefs, 'preferences');
    if (prefs.length > 0) {
      await this.ds.query(
        `INSERT INTO notification_preference (person_id, category, frequency)
         SELECT $1, c, f FROM unnest($2::text[], $3::text[]) AS x(c, f)
         ON CONFLICT (person_id, category) DO UPDATE SET frequency = EXCLUDED.frequency, updated_at = now()`,
        [personId, prefs.map((p) => p.category), prefs.map((p) => p.frequency)],
      );
    }
    return this.preferences(personId);
  }

  async getDefaults(): Promise<DefaultsDto> {
    const d = await this.defaults();
    return { defaults: NOTIFICATION_CATEGORIES.map((category) => ({ category, frequency: d[category] })) };
  }

  async setDefaults(
    actor: Actor,
    prefs: readonly CategoryFrequencyDto[],
    requestId: string | null,
  ): Promise<DefaultsDto> {
    assertDistinct(prefs, 'preferences');
    await this.ds.transaction(async (m) => {
      if (prefs.length > 0) {
        await m.query(
          `INSERT INTO notification_default (category, frequency, updated_by)
           SELECT c, f, $1 FROM unnest($2::text[], $3::text[]) AS x(c, f)
           ON CONFLICT (category) DO UPDATE SET frequency = EXCLUDED.frequency, updated_by = EXCLUDED.updated_by, updated_at = now()`,
          [actor.personId, prefs.map((p) => p.category), prefs.map((p) => p.frequency)],
        );
      }
      await this.audit.append(m, {
        actorId: actor.personId,
        action: 'notification.defaults_set',
        subjectType: 'notification_default',
        subjectId: null,
        data: { defaults: prefs.map((p) => ({ category: p.category, frequency: p.frequency })) },
        requestId,
      });
    });
    return this.getDefaults();
  }

  // ---- deliveries (admins) ----

  async deliveries(status: string | undefined, cursor: string | undefined): Promise<DeliveryPageDto> {
    const after = cursor ? deliveriesCursor.decode(cursor) : null;
    const rows = (await this.ds.query(
      `SELECT d.id, d.kind, d.status, p.email, d.attempts, d.interrupted, d.message_id, d.last_error, d.created_at, d.sent_at, d.failed_at,
              (SELECT count(*)::int FROM notification_delivery_item i WHERE i.delivery_id = d.id) AS items
         FROM notification_delivery d JOIN person p ON p.id = d.recipient_id
        WHERE ($1::text IS NULL OR d.status = $1)
          AND ($2::timestamptz IS NULL OR (d.created_at, d.id) < ($2::timestamptz, $3::uuid))
        ORDER BY d.created_at DESC, d.id DESC LIMIT $4`,
      [status ?? null, after?.createdAt ?? null, after?.id ?? null, DELIVERIES_PER_PAGE + 1],
    )) as {
      id: string;
      kind: 'immediate' | 'digest';
      status: DeliveryDto['status'];
      email: string;
      attempts: number;
      interrupted: number;
      message_id: string;
      last_error: string | null;
      created_at: Date;
      sent_at: Date | null;
      failed_at: Date | null;
      items: number;
    }[];
    const page = rows.slice(0, DELIVERIES_PER_PAGE);
    const last = page[page.length - 1];
    return {
      deliveries: page.map((r) => ({
        id: r.id,
        kind: r.kind,
        status: r.status,
        recipientEmail: r.email,
        attempts: r.attempts,
        interrupted: r.interrupted,
        items: r.items,
        messageId: r.message_id,
        lastError: r.last_error,
        createdAt: r.created_at.toISOString(),
        sentAt: iso(r.sent_at),
        failedAt: iso(r.failed_at),
      })),
      nextCursor:
        rows.length > DELIVERIES_PER_PAGE && last ? deliveriesCursor.encode({ createdAt: last.created_at.toISOString(), id: last.id }) : null,
    };
  }

  /** Puts a failed delivery back to be sent (same key, same Message-ID), audited. */
  async replay(actor: Actor, id: string, requestId: string | null): Promise<void> {
    await this.ds.transaction(async (m) => {
      const [row] = (await m.query('SELECT status FROM notification_delivery WHERE id = $1 FOR UPDATE', [id])) as {
        status: string;
      }[];
      if (!row) throw new NotFound('delivery', id);
      if (row.status !== 'failed') {
        throw new Conflict('delivery_not_failed', `Only a failed delivery can be replayed; this one is ${row.status}.`);
      }
      await m.query(
        `UPDATE notification_delivery SET status = 'pending', interrupted = 0, failed_at = NULL WHERE id = $1`,
        [id],
      );
      await this.outbox.append(m, 'notifications.deliver', { deliveryId: id });
      await this.audit.append(m, {
        actorId: actor.personId,
        action: 'notification.delivery_replayed',
        subjectType: 'notification_delivery',
        subjectId: id,
        requestId,
      });
    });
  }

  /** Test clock: queues the digest job with a chosen `now` (only when NODE_ENV=test). */
  async runDigest(frequency: 'daily' | 'weekly', now: string): Promise<void> {
    if (this.config.NODE_ENV !== 'test') throw new NotFound('route', 'admin/digests/run');
    await this.ds.transaction((m) => this.outbox.append(m, 'notifications.digest', { frequency, now }));
  }
}

function assertDistinct(prefs: readonly CategoryFrequencyDto[], field: string): void {
  const seen = new Set<string>();
  prefs.forEach((p, i) => {
    if (seen.has(p.category)) {
      throw new ValidationFailed([
        { field: `${field}.${i}.category`, code: 'duplicate', message: 'Each category at most once.' },
      ]);
    }
    seen.add(p.category);
  });
}
