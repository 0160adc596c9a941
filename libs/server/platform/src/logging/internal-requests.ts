import type { IncomingMessage } from 'node:http';

const internal = new WeakSet<IncomingMessage>();

/**
 * Marks a request the process sent to itself (the api's warm-up before it listens): served like any
 * other, but kept out of the access log, which records what people did. Only code in the process can
 * mark a request; nothing a client sends can.
 */
export function markInternalRequest(req: IncomingMessage): void {
  internal.add(req);
}

export function isInternalRequest(req: IncomingMessage): boolean {
  return internal.has(req);
}
