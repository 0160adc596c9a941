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
  // What really happened after go-live, public on the idea's timeline (docs/realisation.md §5).
  'field_review_answered',
  // A validated impact figure is public with the idea (the validator is named as any actor is).
  'impact.measurement_validated',
  'replication_adopted',
];

/**
 * Idea events that never leave the organisation, whatever a subscription lists: who reviews an idea,
 * deadlines and escalations, private-note mentions and committee agendas are the network's and the
 * committee's internal work, and supports are a count (never names). They are not subscribable and
 * the payload builder refuses them too (a subscription stored before this list cannot reach them).
 */
export const INTERNAL_EVENT_TYPES: readonly string[] = [
  'assigned',
  'unassigned',
  'qualification_reminder',
  'qualification_escalated',
  'private_note_mention',
  'committee_agenda_added',
  'team_invited',
  'team_invitation_answered',
  'team_lead_changed',
  'experiment_end_reminder',
  'experiment_overdue',
  'supported',
  // The return to the field's asks, reminders and late reports name who is asked: internal.
  'field_review_asked',
  'field_review_reminder',
  'field_review_late',
  'impact.measurement_recorded',
  'project_owner_named',
  // The realisation's working steps tell the idea's timeline; a channel hears the decisions and results.
  'team_formed',
  'team_member_joined',
  'hypothesis_set',
  'experiment_pivot',
  'log_entry_written',
  'experiment_validated',
  'milestone_done',
  'replicated_from',
  // Recorded for the contribution ledger (docs/recognition.md §1): who scored, who led an experiment.
  'experiment_stopped',
  'scorecard_submitted',
  // The authors' adopted mark on a comment: the writer's credit and notification, not a channel's news.
  'comment_adopted',
];

export const PING_EVENT_TYPE = 'ping';

export function isWebhookEventType(value: string): boolean {
  return WEBHOOK_EVENT_TYPES.includes(value) && !INTERNAL_EVENT_TYPES.includes(value);
}
