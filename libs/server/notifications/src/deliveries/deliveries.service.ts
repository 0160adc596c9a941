import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Conflict, NotFound, type Actor } from '@eclore/domain';
import { AppConfig, OutboxService, cursorField, defineCursor } from '@eclore/server-platform';
import { AuditService } from '@eclore/server-identity';
import type { DeliveryDto, DeliveryPageDto } from './deliveries.dto';
import { DeliveriesAdminRepository, type DeliveryListRow } from './deliveries.repository';

const DELIVERIES_PER_PAGE = 50;

/** The admins' deliveries: creation time and id, newest first. */
const deliveriesCursor = defineCursor({ createdAt: cursorField.isoTimestamp, id: cursorField.uuid });

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

const toDto = (r: DeliveryListRow): DeliveryDto => ({
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
});

/** The admins' view of notification e-mails: the list, a failed one's replay, the test clock. */
@Injectable()
export class DeliveriesAdminService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: DeliveriesAdminRepository,
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async deliveries(status: string | undefined, cursor: string | undefined): Promise<DeliveryPageDto> {
    const after = cursor ? deliveriesCursor.decode(cursor) : null;
    const rows = await this.repo.page(status ?? null, after, DELIVERIES_PER_PAGE + 1);
    const page = rows.slice(0, DELIVERIES_PER_PAGE);
    const last = page[page.length - 1];
    return {
      deliveries: page.map(toDto),
      nextCursor:
        rows.length > DELIVERIES_PER_PAGE && last
          ? deliveriesCursor.encode({ createdAt: last.created_at.toISOString(), id: last.id })
          : null,
    };
  }

  /** Puts a failed delivery back to be sent (same key, same Message-ID), audited. */
  async replay(actor: Actor, id: string, requestId: string | null): Promise<void> {
    await this.ds.transaction(async (m) => {
      const status = await this.repo.lockStatus(id, m);
      if (status === undefined) throw new NotFound('delivery', id);
      if (status !== 'failed') {
        throw new Conflict('delivery_not_failed', `Only a failed delivery can be replayed; this one is ${status}.`);
      }
      await this.repo.requeue(id, m);
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
