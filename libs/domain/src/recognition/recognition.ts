import type { FieldProblem } from '../errors/domain-error';
import type { CreditGroup } from './ledger';

/**
 * The recognition workflow (reconnaissance). A milestone of an idea opens "recognition due" items
 * for its credited people; HR or the network lead (the recogniser) records a recognition in one of
 * four forms with a message, or dismisses the item with a reason; the person is told and may decline
 * PUBLIC recognition, which makes it private (absent from public pages), never undoes it.
 */

/**
 * The milestones that open recognition due, the event that marks each and the credit groups it
 * concerns. Configurable: the organisation turns each on or off (RecognitionSettings).
 */
// prettier-ignore
export const RECOGNITION_MILESTONES = {
  idea_accepted:    { eventType: 'accept', groups: ['authors'] },
  implemented:      { eventType: 'complete_implementation', groups: ['authors', 'team'] },
  impact_validated: { eventType: 'impact.measurement_validated', groups: ['authors', 'team'] },
  replicated:       { eventType: 'replication_adopted', groups: ['authors', 'team'] },
} as const satisfies Record<string, { eventType: string; groups: readonly CreditGroup[] }>;

export type RecognitionMilestone = keyof typeof RECOGNITION_MILESTONES;
export const RECOGNITION_MILESTONE_KEYS = Object.keys(RECOGNITION_MILESTONES) as RecognitionMilestone[];

export interface RecognitionSettings {
  /** The milestones that open recognition due; none = the workflow is off. */
  milestones: readonly RecognitionMilestone[];
}

export const DEFAULT_RECOGNITION_SETTINGS: RecognitionSettings = { milestones: RECOGNITION_MILESTONE_KEYS };

export function validateRecognitionSettings(input: { milestones?: unknown }): FieldProblem[] {
  const m = input.milestones;
  if (!Array.isArray(m) || m.some((x) => !(RECOGNITION_MILESTONE_KEYS as readonly unknown[]).includes(x))) {
    return [
      {
        field: 'milestones',
        code: 'invalid',
        message: `milestones lists some of: ${RECOGNITION_MILESTONE_KEYS.join(', ')}.`,
      },
    ];
  }
  if (new Set(m).size !== m.length)
    return [{ field: 'milestones', code: 'duplicate', message: 'A milestone is listed twice.' }];
  return [];
}

/**
 * The milestone an event marks, if it opens recognition under these settings. An impact or
 * replication milestone opens once per idea (the FIRST validated measurement, the FIRST replication
 * of each adopting unit): the due item's key makes later events record nothing.
 */
export function milestoneOfEvent(eventType: string, settings: RecognitionSettings): RecognitionMilestone | null {
  const found = RECOGNITION_MILESTONE_KEYS.find((k) => RECOGNITION_MILESTONES[k].eventType === eventType);
  return found !== undefined && settings.milestones.includes(found) ? found : null;
}

/**
 * One due item per (idea, milestone, person, occurrence): `occurrence` is the replication id for
 * `replicated` (each adopting unit is a milestone) and '-' otherwise, so the same milestone replayed
 * opens nothing twice.
 */
export function recognitionDueKey(
  ideaId: string,
  milestone: RecognitionMilestone,
  personId: string,
  occurrence: string | null = null,
): string {
  return `${ideaId}:${milestone}:${occurrence ?? '-'}:${personId}`;
}

export const RECOGNITION_FORMS = ['thanks_letter', 'award', 'career_evidence', 'public_celebration'] as const;
export type RecognitionForm = (typeof RECOGNITION_FORMS)[number];

/**
 * Whether a form may be public. Career evidence is for the person's annual review (HR and the person
 * only); a public celebration is public by nature unless the person declines; letters and awards are
 * the recogniser's choice.
 */
export const FORM_VISIBILITY: Readonly<Record<RecognitionForm, 'private_only' | 'either' | 'public_by_default'>> = {
  thanks_letter: 'either',
  award: 'either',
  career_evidence: 'private_only',
  public_celebration: 'public_by_default',
};

export const RECOGNITION_STATUSES = ['due', 'recorded', 'dismissed'] as const;
export type RecognitionStatus = (typeof RECOGNITION_STATUSES)[number];

export const RECOGNITION_LIMITS = { messageMax: 4_000, reasonMax: 1_000 } as const;

export interface Recognition {
  status: RecognitionStatus;
  personId: string;
  /** The person is an anonymous author who has not claimed the idea: never named to the recogniser. */
  anonymous: boolean;
  form: RecognitionForm | null;
  isPublic: boolean;
  publicDeclinedAt: Date | null;
}

export type RecognitionCommand =
  | { type: 'record'; form: RecognitionForm; message: string; isPublic: boolean }
  | { type: 'dismiss'; reason: string }
  | { type: 'decline_public' };

export type RecognitionRefusal = 'not_due' | 'not_recorded' | 'not_public' | 'not_the_person' | 'not_recogniser';

export type RecognitionResult =
  | { ok: true; next: Recognition }
  | { ok: false; reason: RecognitionRefusal }
  | { ok: false; reason: 'invalid'; problems: FieldProblem[] };

function text(field: string, value: unknown, max: number): FieldProblem[] {
  if (typeof value !== 'string' || value.trim() === '')
    return [{ field, code: 'required', message: `${field} is required.` }];
  if (value.includes('\u0000')) return [{ field, code: 'nul_byte', message: `${field} contains a NUL byte.` }];
  if (value.length > max) return [{ field, code: 'maxLength', message: `${field} is longer than ${max} characters.` }];
  return [];
}

/**
 * Whether a recognition may be public: the form allows it, and the person is named (an anonymous
 * author's recognition stays private until they claim the idea: a public page would name them).
 */
export function mayBePublic(form: RecognitionForm, anonymous: boolean): boolean {
  return FORM_VISIBILITY[form] !== 'private_only' && !anonymous;
}

/**
 * The transitions:
 * - record: due → recorded, by a recogniser, with a form, a message (1–4 000 characters) and
 *   public/private; public only when `mayBePublic`;
 * - dismiss: due → dismissed, by a recogniser, with a reason (1–1 000 characters);
 * - decline_public: recorded and public → recorded and private, by the person only, at any time.
 */
export function applyRecognition(
  r: Recognition,
  command: RecognitionCommand,
  actor: { personId: string; isRecogniser: boolean },
  now: Date,
): RecognitionResult {
  if (command.type === 'decline_public') {
    if (actor.personId !== r.personId) return { ok: false, reason: 'not_the_person' };
    if (r.status !== 'recorded') return { ok: false, reason: 'not_recorded' };
    if (!r.isPublic) return { ok: false, reason: 'not_public' };
    return { ok: true, next: { ...r, isPublic: false, publicDeclinedAt: now } };
  }
  if (!actor.isRecogniser) return { ok: false, reason: 'not_recogniser' };
  if (r.status !== 'due') return { ok: false, reason: 'not_due' };
  if (command.type === 'dismiss') {
    const problems = text('reason', command.reason, RECOGNITION_LIMITS.reasonMax);
    return problems.length
      ? { ok: false, reason: 'invalid', problems }
      : { ok: true, next: { ...r, status: 'dismissed' } };
  }
  const problems: FieldProblem[] = [];
  if (!(RECOGNITION_FORMS as readonly string[]).includes(command.form)) {
    problems.push({ field: 'form', code: 'invalid', message: `form is one of ${RECOGNITION_FORMS.join(', ')}.` });
  } else if (command.isPublic && !mayBePublic(command.form, r.anonymous)) {
    problems.push({ field: 'isPublic', code: 'not_public', message: 'This recognition can only be private.' });
  }
  problems.push(...text('message', command.message, RECOGNITION_LIMITS.messageMax));
  if (problems.length) return { ok: false, reason: 'invalid', problems };
  return { ok: true, next: { ...r, status: 'recorded', form: command.form, isPublic: command.isPublic } };
}

/** The default the recording form proposes for public/private. */
export function defaultPublic(form: RecognitionForm, anonymous: boolean): boolean {
  return FORM_VISIBILITY[form] === 'public_by_default' && !anonymous;
}

/** Shown on public pages (the idea, the wall, celebrations): recorded, public, and not declined. */
export function isShownPublicly(r: Pick<Recognition, 'status' | 'isPublic'>): boolean {
  return r.status === 'recorded' && r.isPublic;
}

/** A certificate exists for a recorded recognition only, in the person's language. */
export function mayIssueCertificate(r: Pick<Recognition, 'status'>): boolean {
  return r.status === 'recorded';
}
