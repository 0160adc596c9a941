import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JobName, JobPayloads } from '../queues/registry';
import { OutboxMessage } from './outbox-message.entity';

/** One message to append: a job and its payload. */
export type OutboxEntry = { [N in JobName]: { jobName: N; payload: JobPayloads[N] } }[JobName];

/**
 * Appends outbox messages. Always called with the EntityManager of the transaction that makes the
 * change, so the message exists if and only if the change committed.
 */
@Injectable()
export class OutboxService {
  async append<N extends JobName>(manager: EntityManager, jobName: N, payload: JobPayloads[N]): Promise<string> {
    const [id] = await this.appendMany(manager, [{ jobName, payload } as OutboxEntry]);
    return id!;
  }

  /** Several messages in one statement (one round trip instead of one each), in this order; their ids. */
  async appendMany(manager: EntityManager, entries: readonly OutboxEntry[]): Promise<string[]> {
    if (entries.length === 0) return [];
    if (!manager.queryRunner?.isTransactionActive) {
      // A message outside a transaction could outlive a failed change (or vanish after a committed one).
      throw new Error(`outbox.append(${entries.map((e) => e.jobName).join(', ')}) must run inside a transaction`);
    }
    const result = await manager.insert(
      OutboxMessage,
      entries.map(({ jobName, payload }) => ({ jobName, payload: payload as never })),
    );
    return result.identifiers.map((row) => String(row['id']));
  }
}
