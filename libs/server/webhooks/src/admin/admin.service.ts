import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Conflict, NotFound, ValidationFailed, type Actor } from '@eclore/domain';
import { AppConfig, OutboxService } from '@eclore/server-platform';
import { AuditService, type AuditEntry } from '@eclore/server-identity';
import type { WebhookDelivery, WebhookSubscription } from '../entities';
import { PING_EVENT_TYPE, WEBHOOK_EVENT_TYPES } from '../delivery/event-types';
import { generateWebhookSecret } from '../delivery/signature';
import { parseWebhookAllowList, type WebhookAddressPolicy } from '../delivery/webhook-address';
import { checkWebhookUrl } from '../delivery/webhook-url';
import { WebhooksRepository } from '../webhooks.repository';
import type {
  CreateWebhookInput,
  CreatedWebhookDto,
  UpdateWebhookInput,
  WebhookDeliveryDto,
  WebhookDeliveryListDto,
  WebhookDto,
  WebhookListDto,
} from './admin.dto';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());
const cleanText = (s: string | null | undefined): string | null => {
  const t = (s ?? '').trim();
  return t.length > 0 ? t : null;
};

/**
 * Admin side of outgoing webhooks. Each change is one transaction with its audit event; test pings
 * and replays go through the outbox like any delivery, so they survive a restart of Redis or the worker.
 * The secret is returned once, by create, and is in no audit event or log.
 */
@Injectable()
export class WebhooksAdminService {
  /** Which receivers an admin may register (WEBHOOK_ALLOWED_HOSTS). */
  private readonly policy: WebhookAddressPolicy;
  private readonly repo: WebhooksRepository;

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    config: AppConfig,
  ) {
    this.policy = parseWebhookAllowList(config.WEBHOOK_ALLOWED_HOSTS);
    this.repo = new WebhooksRepository(ds);
  }

  async list(): Promise<WebhookListDto> {
    const rows = await this.repo.subscriptions();
    return { items: rows.map(toDto), eventTypes: [...WEBHOOK_EVENT_TYPES] };
  }

  async create(actor: Actor, input: CreateWebhookInput, requestId: string | null): Promise<CreatedWebhookDto> {
    const url = input.url.trim();
    const problem = checkWebhookUrl(url, this.policy);
    if (problem) throw new ValidationFailed([problem]);
    const secret = generateWebhookSecret();
    const id = await this.ds.transaction(async (manager) => {
      const newId = await this.repo.insertSubscription(
        {
          url,
          description: cleanText(input.description),
          eventTypes: input.eventTypes,
          secret,
          active: true,
          createdBy: actor.personId,
        },
        manager,
      );
      await this.record(manager, actor, requestId, {
        action: 'webhook.created',
        subjectType: 'webhook_subscription',
        subjectId: newId,
        data: { url, eventTypes: input.eventTypes },
      });
      return newId;
    });
    return { ...(await this.get(id)), secret };
  }

  async update(actor: Actor, id: string, input: UpdateWebhookInput, requestId: string | null): Promise<WebhookDto> {
    await this.ds.transaction(async (manager) => {
      const row = await this.lock(manager, id);
      const changes: Partial<WebhookSubscription> = {};
      if (input.eventTypes !== undefined) changes.eventTypes = input.eventTypes;
      if (input.active !== undefined) changes.active = input.active;
      if (input.description !== undefined) changes.description = cleanText(input.description);
      if (Object.keys(changes).length === 0) return;
      await this.repo.updateSubscription(id, changes, manager);
      await this.record(manager, actor, requestId, {
        action: 'webhook.updated',
        subjectType: 'webhook_subscription',
        subjectId: id,
        data: {
          url: row.url,
          before: { eventTypes: row.eventTypes, active: row.active, description: row.description },
          after: changes,
        },
      });
    });
    return this.get(id);
  }

  async remove(actor: Actor, id: string, requestId: string | null): Promise<void> {
    await this.ds.transaction(async (manager) => {
      const row = await this.lock(manager, id);
      // Its deliveries go with it (ON DELETE CASCADE); a queued job then finds nothing and stops.
      await this.repo.deleteSubscription(id, manager);
      await this.record(manager, actor, requestId, {
        action: 'webhook.deleted',
        subjectType: 'webhook_subscription',
        subjectId: id,
        data: { url: row.url, eventTypes: row.eventTypes },
      });
    });
  }

  /** Queues a signed `ping` to the subscription (even an inactive one would be refused: 409). */
  async ping(id: string): Promise<WebhookDeliveryDto> {
    const deliveryId = await this.ds.transaction(async (manager) => {
      const row = await this.lock(manager, id);
      if (!row.active) throw new Conflict('webhook_inactive', 'Activate the webhook before sending it a test.');
      const newId = await this.repo.insertDelivery(id, PING_EVENT_TYPE, manager);
      await this.outbox.append(manager, 'webhooks.deliver', { deliveryId: newId });
      return newId;
    });
    return toDeliveryDto(await this.repo.delivery(deliveryId));
  }

  async deliveries(id: string, limit = 50): Promise<WebhookDeliveryListDto> {
    await this.get(id);
    const rows = await this.repo.deliveriesOf(id, limit);
    return { items: rows.map(toDeliveryDto) };
  }

  /**
   * Sends a delivery again (same id, so a receiver that already has it can ignore it). A delivery
   * still pending is already on its way: 409.
   */
  async replay(actor: Actor, deliveryId: string, requestId: string | null): Promise<WebhookDeliveryDto> {
    await this.ds.transaction(async (manager) => {
      const row = await this.repo.lockDelivery(deliveryId, manager);
      if (!row) throw new NotFound('webhook_delivery', deliveryId);
      if (row.status === 'pending') throw new Conflict('delivery_pending', 'This delivery is still being attempted.');
      await this.repo.updateDelivery(deliveryId, { status: 'pending', attempts: 0, nextAttemptAt: null }, manager);
      await this.outbox.append(manager, 'webhooks.deliver', { deliveryId });
      await this.record(manager, actor, requestId, {
        action: 'webhook.delivery_replayed',
        subjectType: 'webhook_delivery',
        subjectId: deliveryId,
        data: { subscriptionId: row.subscriptionId, previousStatus: row.status },
      });
    });
    return toDeliveryDto(await this.repo.delivery(deliveryId));
  }

  /** The audit entry of an admin's change, in the change's transaction (never the secret). */
  private record(
    manager: EntityManager,
    actor: Actor,
    requestId: string | null,
    entry: Omit<AuditEntry, 'actorId' | 'requestId'>,
  ): Promise<void> {
    return this.audit.append(manager, { ...entry, actorId: actor.personId, requestId });
  }

  private async lock(manager: EntityManager, id: string): Promise<WebhookSubscription> {
    const row = await this.repo.lockSubscription(id, manager);
    if (!row) throw new NotFound('webhook', id);
    return row;
  }

  private async get(id: string): Promise<WebhookDto> {
    const row = await this.repo.subscriptionWithCreator(id);
    if (!row) throw new NotFound('webhook', id);
    return toDto(row);
  }
}

function toDto(row: WebhookSubscription): WebhookDto {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: [...row.eventTypes],
    active: row.active,
    createdBy: row.creator
      ? { id: row.creator.id, givenName: row.creator.givenName, familyName: row.creator.familyName }
      : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toDeliveryDto(row: WebhookDelivery): WebhookDeliveryDto {
  return {
    id: row.id,
    subscriptionId: row.subscriptionId,
    ideaEventId: row.ideaEventId === null ? null : String(row.ideaEventId),
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    nextAttemptAt: iso(row.nextAttemptAt),
    sentAt: iso(row.sentAt),
    createdAt: row.createdAt.toISOString(),
  };
}
