import { IDEA_COMMANDS } from '@eclore/domain';

/**
 * The idea events an integration may subscribe to: every lifecycle command's event plus the
 * engagement acts worth a message in a channel. Only events on ideas that are on the public wall
 * are ever sent (see webhook-payload.ts), so a channel never learns of a draft or a returned idea.
 */
export const WEBHOOK_EVENT_TYPES: readonly string[] = [
  // The merge command's events are recorded as `merged` (on both ideas) by the merge service.
  ...IDEA_COMMANDS.filter((c) => c !== 'merge'),
  'merged',
  'commented',
  'edited',
];

export const PING_EVENT_TYPE = 'ping';

export function isWebhookEventType(value: string): boolean {
  return WEBHOOK_EVENT_TYPES.includes(value);
}
