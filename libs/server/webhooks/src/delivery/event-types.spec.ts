import { INTERNAL_EVENT_TYPES, WEBHOOK_EVENT_TYPES, isWebhookEventType } from './event-types';

describe('webhook event types', () => {
  it('offers the lifecycle decisions and outcomes (their reasoned answers are public with the idea)', () => {
    for (const type of ['qualify', 'request_rework', 'decline', 'decide_prototype', 'decide_implement', 'park'])
      expect(isWebhookEventType(type)).toBe(true);
  });

  it('never lets the internal qualification and committee events, nor supports, leave the organisation', () => {
    for (const type of [
      'assigned',
      'unassigned',
      'qualification_reminder',
      'qualification_escalated',
      'private_note_mention',
      'committee_agenda_added',
      'supported',
      'project_owner_named',
    ]) {
      expect(INTERNAL_EVENT_TYPES).toContain(type);
      expect(isWebhookEventType(type)).toBe(false);
    }
    expect(WEBHOOK_EVENT_TYPES.filter((t) => INTERNAL_EVENT_TYPES.includes(t))).toEqual([]);
  });

  it('keeps the realisation’s working steps (told on the idea’s timeline) inside the organisation', () => {
    // Even the public ones (a log entry written, the replica's lineage): a channel hears results only.
    for (const type of ['team_formed', 'log_entry_written', 'milestone_done', 'replicated_from'])
      expect(isWebhookEventType(type)).toBe(false);
  });

  it('offers an adoption in another unit (its payload names the unit, never an author)', () => {
    expect(isWebhookEventType('replication_adopted')).toBe(true);
  });
});

describe('impact webhook events', () => {
  it('sends a validated measurement (public with the idea), never the request to validate one', () => {
    expect(isWebhookEventType('impact.measurement_validated')).toBe(true);
    expect(isWebhookEventType('impact.measurement_recorded')).toBe(false);
  });
});
