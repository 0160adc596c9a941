import { OutboxMessage } from '../outbox/outbox-message.entity';
import { JobReceipt } from '../queues/job-receipt.entity';

/** Platform entities. Each bounded context exports its own list; migrations/data-source.ts joins them. */
export const PLATFORM_ENTITIES = [OutboxMessage, JobReceipt];
