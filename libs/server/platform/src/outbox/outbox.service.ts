import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JobName, JobPayloads } from '../queues/registry';
import { OutboxMessage } from './outbox-message.entity';

/**
 * Appends outbox messages. Always called with the EntityManager of the transaction that makes the
 * change, so the message exists if and only if the change committed.
 */
@Injectable()
export class OutboxService {
  async append<N extends JobName>(manager: EntityManager, jobName: N, payload: JobPayloads[N]): Promise<string> {
    if (!manager.queryRunner?.isTransactionActive) {
      // A message outside a transaction could outlive a failed change (or vanish after a committed one).
      throw new Error(`outbox.append(${jobName}) must run inside a transaction`);
    }
    const result = await manager.insert(OutboxMessage, { jobName, payload: payload as never });
    return String(result.identifiers[0]?.['id']);
  }
}
