/**
 * Who should hear about an idea event, and under which category. Pure: the worker gathers the facts
 * (authors, followers, the event's data) and this decides. The actor never notifies themselves.
 */

export const NOTIFICATION_CATEGORIES = [
  'needs_action',
  'my_ideas',
  'mentions',
  'followed_ideas',
  'moderation',
  'campaigns',
] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

export const NOTIFICATION_FREQUENCIES = ['immediately', 'daily', 'weekly', 'off'] as const;
export type NotificationFrequency = (typeof NOTIFICATION_FREQUENCIES)[number];
export type DigestFrequency = Extract<NotificationFrequency, 'daily' | 'weekly'>;

export type NotificationPreferences = Record<NotificationCategory, NotificationFrequency>;

/** Built-in organisation defaults: what concerns me at once, what I merely follow once a day. */
export const BUILT_IN_NOTIFICATION_DEFAULTS: Readonly<NotificationPreferences> = {
  needs_action: 'immediately',
  my_ideas: 'immediately',
  mentions: 'immediately',
  followed_ideas: 'daily',
  moderation: 'immediately',
  // A campaign announcement is rare and is the point of the campaign: at once unless one says otherwise.
  campaigns: 'immediately',
};

export function isNotificationCategory(value: string): value is NotificationCategory {
  return (NOTIFICATION_CATEGORIES as readonly string[]).includes(value);
}

/** Personal choices over organisation defaults over the built-in ones. */
export function effectivePreferences(
  orgDefaults: Partial<NotificationPreferences>,
  personal: Partial<NotificationPreferences>,
): NotificationPreferences {
  const out = { ...BUILT_IN_NOTIFICATION_DEFAULTS };
  for (const c of NOTIFICATION_CATEGORIES) {
    const chosen = personal[c] ?? orgDefaults[c];
    if (chosen) out[c] = chosen;
  }
  return out;
}

export interface EventAuthor {
  personId: string;
  role: 'author' | 'co_author';
  status: 'invited' | 'accepted' | 'declined';
}

/** What the worker knows about an idea event when it asks who should know. */
export interface NotifiableEvent {
  type: string;
  actorId: string | null;
  data: Readonly<Record<string, unknown>>;
  /** The idea's authors (all statuses; only accepted ones are told). */
  authors: readonly EventAuthor[];
  followerIds: readonly string[];
  /** For `merged` on the absorbed idea: its supporters (the event names them). */
  supporterIds?: readonly string[];
  /** For `comment_hidden`: who wrote the comment. */
  commentAuthorId?: string | null;
}

export interface NotificationRecipient {
  personId: string;
  category: NotificationCategory;
  needsAction: boolean;
}

/** Lifecycle events the idea's authors hear about (the command names of the state machine). */
const AUTHOR_EVENTS = new Set([
  'submit',
  'accept',
  'start_qualification',
  'qualify',
  'decline',
  'withdraw',
  'decide_prototype',
  'decide_implement',
  'park',
  'resume',
  'stop',
  'complete_implementation',
  'close',
  'merge',
  'merged',
  'commented',
  'attachment_added',
  'replication_adopted',
  'edited',
  'field_review_answered',
]);
/** Events that ask the authors to do something. */
const AUTHOR_ACTION_EVENTS = new Set(['return_to_authors', 'request_rework']);
/**
 * Events whose e-mail never goes out on its own: someone who takes the category "immediately" gets
 * them in the daily digest instead (and "daily"/"weekly"/"off" as chosen). A popular idea gathers
 * dozens of supports a day; its authors get one line "12 new supports" rather than twelve e-mails.
 */
export const DIGEST_ONLY_EVENT_TYPES: readonly string[] = ['supported'];

/** The e-mail frequency that applies to one notification: digest-only events turn "immediately" into daily. */
export function emailFrequency(eventType: string, chosen: NotificationFrequency): NotificationFrequency {
  return chosen === 'immediately' && DIGEST_ONLY_EVENT_TYPES.includes(eventType) ? 'daily' : chosen;
}
/** Public milestones followers hear about (not edits, attachments or private steps). */
const FOLLOWER_EVENTS = new Set([
  'accept',
  'start_qualification',
  'qualify',
  'decline',
  'decide_prototype',
  'decide_implement',
  'park',
  'resume',
  'stop',
  'complete_implementation',
  'close',
  'merge',
  'merged',
  'commented',
  // The reasoned answer of a qualification outcome is public with the idea, like a decision.
  'request_rework',
  // What really happened after go-live is public on the idea's timeline.
  'field_review_answered',
]);

/**
 * Qualification and committee events (issue 5) name their recipients in their data: they go to the
 * people doing the work, never to the authors or followers (an assignment, a reminder or a private
 * note is internal to the network and the committee). `[data key, category, needs action]`.
 */
const NAMED_RECIPIENTS: Readonly<Record<string, readonly [string, NotificationCategory, boolean]>> = {
  assigned: ['assigneeId', 'needs_action', true],
  // The former assignee's to-do list changed: same category, nothing left to do.
  unassigned: ['assigneeId', 'needs_action', false],
  qualification_reminder: ['assigneeIds', 'needs_action', true],
  qualification_escalated: ['leadIds', 'needs_action', true],
  private_note_mention: ['mentionedIds', 'mentions', false],
  committee_agenda_added: ['memberIds', 'needs_action', true],
  // The return to the field: the owner and the authors are asked (and reminded once); the network in scope hears of a late one.
  field_review_asked: ['recipientIds', 'needs_action', true],
  field_review_reminder: ['recipientIds', 'needs_action', true],
  field_review_late: ['networkIds', 'needs_action', true],
  // Impact (docs/realisation.md §4): the network in scope validates; the owner and team hear it counted.
  'impact.measurement_recorded': ['validatorIds', 'needs_action', true],
  'impact.measurement_validated': ['recipientIds', 'my_ideas', false],
  // Implementation (issue 13): the named owner has a project to run; the original's owner hears of an adoption.
  project_owner_named: ['ownerId', 'needs_action', true],
  replication_adopted: ['ownerId', 'my_ideas', false],
  // The idea team (issue 13): invitations and their answers, the lead, the experiment's end date.
  team_invited: ['inviteeId', 'needs_action', true],
  team_invitation_answered: ['recipientIds', 'my_ideas', false],
  team_lead_changed: ['memberIds', 'my_ideas', false],
  experiment_end_reminder: ['leadIds', 'needs_action', true],
  experiment_overdue: ['networkIds', 'needs_action', true],
  // Recognition (issue 14): the person recognised, and no one else (docs/recognition.md §3).
  recognition_recorded: ['personId', 'my_ideas', false],
  // "Comment adopted" (issue 14): the comment's writer hears the authors kept it, never which author.
  comment_adopted: ['personId', 'my_ideas', false],
};

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * Maps one event to its recipients: one entry per person (the most specific category wins:
 * needs_action, then my_ideas, mentions, moderation, followed_ideas), never the actor.
 */
export function notificationRecipients(event: NotifiableEvent): NotificationRecipient[] {
  const out = new Map<string, NotificationRecipient>();
  const add = (personId: string | null, category: NotificationCategory, needsAction = false): void => {
    if (!personId || personId === event.actorId) return;
    const had = out.get(personId);
    if (had && CATEGORY_RANK[had.category] <= CATEGORY_RANK[category]) return;
    out.set(personId, { personId, category, needsAction });
  };
  const authors = event.authors.filter((a) => a.status === 'accepted').map((a) => a.personId);
  const t = event.type;

  if (AUTHOR_ACTION_EVENTS.has(t)) for (const a of authors) add(a, 'needs_action', true);
  if (t === 'co_author_invited') add(str(event.data['personId']), 'needs_action', true);
  if (AUTHOR_EVENTS.has(t)) {
    // The absorbed idea's `merged` event names its authors by reference; the merging one's event is
    // about the target, whose own authors hear about it too.
    for (const a of authors) add(a, 'my_ideas');
  }
  if (t === 'mentioned') add(str(event.data['personId']), 'mentions');
  const named = NAMED_RECIPIENTS[t];
  if (named) {
    const [key, category, needsAction] = named;
    const value = event.data[key];
    // `…Id` holds one person, `…Ids` a list; anything else is ignored rather than guessed.
    for (const p of key.endsWith('Ids') ? strs(value) : [str(value)]) add(p, category, needsAction);
  }
  // A support tells the authors (never who supported: supporters are a count on the wall).
  if (t === 'supported') for (const a of authors) add(a, 'my_ideas');
  if (t === 'hidden') for (const a of authors) add(a, 'moderation');
  if (t === 'comment_hidden') add(event.commentAuthorId ?? null, 'moderation');
  if (FOLLOWER_EVENTS.has(t)) {
    for (const f of event.followerIds) add(f, 'followed_ideas');
    if (t === 'merged') {
      const listed = event.data['recipients'] as Record<string, unknown> | undefined;
      for (const p of [
        ...strs(listed?.['supporterIds']),
        ...strs(listed?.['followerIds']),
        ...(event.supporterIds ?? []),
      ])
        add(p, 'followed_ideas');
    }
  }
  return [...out.values()];
}

const CATEGORY_RANK: Record<NotificationCategory, number> = {
  needs_action: 0,
  my_ideas: 1,
  mentions: 2,
  moderation: 3,
  followed_ideas: 4,
  campaigns: 5,
};

/** Free texts an event carries as its reasoned answer (return reason, guidance, answer, rationale…), first found. */
export function eventDetail(data: Readonly<Record<string, unknown>>): string | null {
  for (const key of ['reason', 'guidance', 'answer', 'rationale', 'learnings']) {
    const v = data[key];
    if (typeof v === 'string' && v.length > 0) return v;
  }
  return null;
}

/**
 * Where a notification leads in the web app (a path; e-mails prefix the public URL). Work items lead
 * to where the work is done: the idea's qualification panel, the committee session.
 */
export function notificationPath(n: {
  eventType: string;
  ideaId: string | null;
  campaignId?: string | null;
  data: Readonly<Record<string, unknown>>;
}): string {
  // A guardian grant waiting for (or given after) a second admin's approval: the admins' people page.
  if (n.eventType === 'role_grant_requested' || n.eventType === 'role_granted') return '/admin';
  // A recognition is read (and its certificate downloaded) on the person's profile.
  if (n.eventType === 'recognition_recorded') return '/profile#recognitions';
  if (n.ideaId === null) return n.campaignId ? `/campaigns/${n.campaignId}` : '/notifications';
  const idea = `/ideas/${n.ideaId}`;
  switch (n.eventType) {
    case 'assigned':
    case 'qualification_reminder':
    case 'qualification_escalated':
      return `${idea}#qualification`;
    case 'private_note_mention':
      return `${idea}#private-notes`;
    case 'field_review_asked':
    case 'field_review_reminder':
    case 'field_review_late':
      return `${idea}#field-reviews`;
    case 'impact.measurement_recorded':
    case 'impact.measurement_validated':
      return `${idea}#impact`;
    case 'project_owner_named':
    case 'replication_adopted':
      return `${idea}#project`;
    case 'team_invited':
    case 'team_invitation_answered':
    case 'team_lead_changed':
      return `${idea}#team`;
    case 'experiment_end_reminder':
    case 'experiment_overdue':
      return `${idea}#experiment`;
    case 'committee_agenda_added': {
      const session = str(n.data['sessionId']);
      return session ? `/committee/sessions/${session}` : idea;
    }
    case 'commented':
    case 'mentioned':
    case 'comment_adopted': {
      const comment = str(n.data['commentId']);
      return comment ? `${idea}#comment-${comment}` : idea;
    }
    default:
      return idea;
  }
}

/** Who stands behind an idea, as the notification texts need it to name (or not) an actor. */
export interface IdeaIdentities {
  anonymousIdea: boolean;
  /** Accepted author and co-authors. */
  authorIds: readonly string[];
  /** Who captured the idea on the author's behalf (acts for them), if anyone. */
  capturerId: string | null;
  /** Authors whose credit stays hidden even on a named idea (an anonymous idea merged into it). */
  anonymousCreditIds: readonly string[];
}

/** Is this person's act on the idea "the author's" (never a name) for someone outside the authors? */
export function actsAsHiddenAuthor(ids: IdeaIdentities, personId: string | null): boolean {
  if (personId === null) return false;
  if (ids.anonymousCreditIds.includes(personId)) return true;
  return ids.anonymousIdea && (ids.authorIds.includes(personId) || ids.capturerId === personId);
}

/**
 * How the actor is named to one recipient. An anonymous idea's author (or its capturer) acting on it
 * is named to no one but the other authors and the capturer; a credit kept anonymous by a merge to
 * no one but its holder; the system and unknown actors have no name either.
 */
export function actorVisibleTo(input: IdeaIdentities & { actorId: string | null; recipientId: string }): boolean {
  if (!input.actorId) return false;
  if (input.actorId === input.recipientId) return true;
  if (!actsAsHiddenAuthor(input, input.actorId)) return true;
  if (input.anonymousCreditIds.includes(input.actorId)) return false;
  return input.authorIds.includes(input.recipientId) || input.capturerId === input.recipientId;
}

/** Start of the digest period a run at `now` closes, as a stable key (UTC calendar day / ISO week). */
export function digestPeriodKey(frequency: DigestFrequency, now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (frequency === 'daily') return `daily:${day.toISOString().slice(0, 10)}`;
  const monday = new Date(day);
  monday.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return `weekly:${monday.toISOString().slice(0, 10)}`;
}
