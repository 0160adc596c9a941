import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { DeliveryDto } from './deliveries.dto';

/** A notification e-mail as the admins' list shows it. */
export interface DeliveryListRow {
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
}

/** The admins' side of the notification e-mails (the sending itself is DeliveryRepository's). */
@Injectable()
export class DeliveriesAdminRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Up to `limit` deliveries, newest first, after the keyset position (creation time, id). */
  page(
    status: string | null,
    after: { createdAt: string; id: string } | null,
    limit: number,
    m?: EntityManager,
  ): Promise<DeliveryListRow[]> {
    return (m ?? this.ds.manager).query(
      `SELECT d.id, d.kind, d.status, p.email, d.attempts, d.interrupted, d.message_id, d.last_error, d.created_at, d.sent_at, d.failed_at,
              (SELECT count(*)::int FROM notification_delivery_item i WHERE i.delivery_id = d.id) AS items
         FROM notification_delivery d JOIN person p ON p.id = d.recipient_id
        WHERE ($1::text IS NULL OR d.status = $1)
          AND ($2::timestamptz IS NULL OR (d.created_at, d.id) < ($2::timestamptz, $3::uuid))
        ORDER BY d.created_at DESC, d.id DESC LIMIT $4`,
      [status, after?.createdAt ?? null, after?.id ?? null, limit],
    );
  }

  /** The delivery's status, its row locked until the transaction ends; undefined when there is none. */
  async lockStatus(id: string, m: EntityManager): Promise<string | undefined> {
    const [row] = (await m.query('SELECT status FROM notification_delivery WHERE id = $1 FOR UPDATE', [id])) as {
      status: string;
    }[];
    return row?.status;
  }

  /** Back to pending, as if never interrupted (same key, same Message-ID). */
  async requeue(id: string, m: EntityManager): Promise<void> {
    await m.query(`UPDATE notification_delivery SET status = 'pending', interrupted = 0, failed_at = NULL WHERE id = $1`, [
      id,
    ]);
  }
}
