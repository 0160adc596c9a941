import type { EntityManager } from 'typeorm';
import {
  actorVisibleTo,
  actsAsHiddenAuthor,
  eventDetail,
  isNotificationCategory,
  notificationPath,
  type NotificationCategory,
} from '@eclore/domain';
import { ORGANISATION_LOCALE, type ActorLabel } from '../mail/messages';
import { renderDigest, renderImmediate, type MailItem, type RenderedMail } from '../mail/render';
import { sealUnsubscribe } from '../unsubscribe/unsubscribe-token';
import type { DeliveryRepository, DeliveryRow, MailItemRow } from './delivery.repository';

/** An e-mail ready to hand to the SMTP server. */
export interface ComposedMail {
  to: string;
  rendered: RenderedMail;
  /** The header's one-click link: it stops every category this e-mail carries (a digest's several). */
  unsubscribe: string;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** One notification as its recipient may read it in an e-mail: an anonymous author is never named. */
function mailItem(r: MailItemRow & { category: NotificationCategory }, recipientId: string, base: string): MailItem {
  const identities = {
    anonymousIdea: r.anonymous,
    authorIds: r.author_ids,
    capturerId: r.captured_by,
    anonymousCreditIds: r.anonymous_credit_ids,
  };
  const visible = actorVisibleTo({ ...identities, actorId: r.actor_id, recipientId });
  const actor: ActorLabel =
    visible && r.given_name !== null
      ? { kind: 'person', name: `${r.given_name} ${r.family_name ?? ''}`.trim() }
      : r.actor_id === null || r.author_ids.includes(r.actor_id) || actsAsHiddenAuthor(identities, r.actor_id)
        ? { kind: 'author' }
        : { kind: 'someone' };
  // Reasons and answers are for the people concerned; a follower reads the public ones only.
  const detail = r.category !== 'followed_ideas' || r.public ? eventDetail(r.data) : null;
  return {
    groupKey: r.idea_id ?? (r.role_request_id ? `role-request:${r.role_request_id}` : `campaign:${r.campaign_id}`),
    link: `${base}${notificationPath({ eventType: r.event_type, ideaId: r.idea_id, campaignId: r.campaign_id, data: r.data })}`,
    ideaTitle: r.title,
    question: r.question,
    type: r.event_type,
    actor,
    detail,
    extra: { dueAt: str(r.data['dueAt']), sessionDate: str(r.data['sessionDate']), unitName: str(r.data['unitName']) },
    category: r.category,
    needsAction: r.needs_action,
  };
}

/** Composes the e-mails of recorded deliveries: their items, rendered in each recipient's language. */
export class DeliveryMailComposer {
  private readonly base: string;

  constructor(
    private readonly repo: DeliveryRepository,
    publicUrl: string,
  ) {
    this.base = publicUrl.replace(/\/$/, '');
  }

  /** The e-mail of each delivery that still has something to carry, by delivery id. */
  async compose(m: EntityManager, rows: readonly DeliveryRow[]): Promise<Map<string, ComposedMail>> {
    const out = new Map<string, ComposedMail>();
    if (rows.length === 0) return out;
    const recipients = await this.repo.recipients([...new Set(rows.map((r) => r.recipient_id))], m);
    const people = new Map(recipients.map((p) => [p.id, p]));
    const items = await this.items(m, rows);
    const key = await this.repo.secret(m);
    for (const row of rows) {
      const person = people.get(row.recipient_id);
      const mine = items.get(row.id) ?? [];
      if (!person || mine.length === 0) continue;
      const locale = person.locale ?? ORGANISATION_LOCALE;
      // Opaque tokens: the link names no one (see unsubscribe-token.ts).
      const unsubscribeUrl = (categories: readonly NotificationCategory[]) =>
        `${this.base}/api/notifications/unsubscribe?token=${sealUnsubscribe(key, person.id, categories)}`;
      const links = { unsubscribe: (category: NotificationCategory) => unsubscribeUrl([category]) };
      const rendered =
        row.kind === 'immediate'
          ? renderImmediate(locale, mine[0]!, links)
          : renderDigest(locale, row.key.startsWith('digest:weekly') ? 'weekly' : 'daily', mine, links);
      out.set(row.id, {
        to: person.email,
        rendered,
        unsubscribe: unsubscribeUrl([...new Set(mine.map((i) => i.category))]),
      });
    }
    return out;
  }

  /** The notifications each e-mail carries, each with its actor named only as its recipient may know them. */
  private async items(m: EntityManager, deliveries: readonly DeliveryRow[]): Promise<Map<string, MailItem[]>> {
    const rows = await this.repo.items(
      deliveries.map((d) => d.id),
      m,
    );
    const recipientOf = new Map(deliveries.map((d) => [d.id, d.recipient_id]));
    const out = new Map<string, MailItem[]>();
    for (const r of rows) {
      const category = r.category;
      if (!isNotificationCategory(category)) continue;
      const item = mailItem({ ...r, category }, recipientOf.get(r.delivery_id)!, this.base);
      out.set(r.delivery_id, [...(out.get(r.delivery_id) ?? []), item]);
    }
    return out;
  }
}
