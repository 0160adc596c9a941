import type { FieldProblem } from '../errors/domain-error';
import type { IdeaKind } from './idea';
import type { PhaseFeatures } from './idea-policy';

/**
 * Campaigns (appels à idées): a "How might we…?" question, an audience and dated phases. Phases are
 * ordered and never overlap, so at most one is active at a time; the active phase switches
 * submissions, supports and comments on or off (Decidim's component steps). Ideas outside any
 * campaign go to the always-open box, where everything is on. Pure: used by api, worker and web.
 */

/** A dated step of a campaign. Active on [startsAt, endsAt): a phase ending at 12:00 is over at 12:00. */
export interface CampaignPhaseLike {
  name: string;
  startsAt: Date;
  endsAt: Date;
  submissionsOpen: boolean;
  supportsOpen: boolean;
  commentsOpen: boolean;
}

export const ALL_FEATURES_ON: PhaseFeatures = Object.freeze({ submissions: true, supports: true, comments: true });
export const ALL_FEATURES_OFF: PhaseFeatures = Object.freeze({ submissions: false, supports: false, comments: false });

/** Where a campaign stands in time, for the list screens. */
export type CampaignTiming = 'upcoming' | 'current' | 'past';

/** The one phase active at `now`, if any (phases are assumed valid: see validatePhases). */
export function activePhase<P extends Pick<CampaignPhaseLike, 'startsAt' | 'endsAt'>>(
  phases: readonly P[],
  now: Date,
): P | null {
  const t = now.getTime();
  return phases.find((p) => p.startsAt.getTime() <= t && t < p.endsAt.getTime()) ?? null;
}

/**
 * What can be done at `now`. No campaign: the always-open box, everything on. An archived campaign,
 * or one between, before or after its phases: everything off — a campaign's ideas take supports and
 * comments only while a phase says so.
 */
export function phaseFeatures(
  campaign: { archivedAt: Date | null } | null,
  phases: readonly CampaignPhaseLike[],
  now: Date,
): PhaseFeatures {
  if (campaign === null) return { ...ALL_FEATURES_ON };
  if (campaign.archivedAt !== null) return { ...ALL_FEATURES_OFF };
  const phase = activePhase(phases, now);
  if (!phase) return { ...ALL_FEATURES_OFF };
  return { submissions: phase.submissionsOpen, supports: phase.supportsOpen, comments: phase.commentsOpen };
}

/** Before its first phase (or with no phase yet): upcoming; after its last: past; otherwise current. */
export function campaignTiming(
  phases: readonly Pick<CampaignPhaseLike, 'startsAt' | 'endsAt'>[],
  now: Date,
): CampaignTiming {
  if (phases.length === 0) return 'upcoming';
  const t = now.getTime();
  const first = Math.min(...phases.map((p) => p.startsAt.getTime()));
  const last = Math.max(...phases.map((p) => p.endsAt.getTime()));
  if (t < first) return 'upcoming';
  if (t >= last) return 'past';
  return 'current';
}

export const PHASE_NAME_MAX_LENGTH = 120;
export const MAX_PHASES = 12;

/**
 * Checks an ordered list of phases; every problem names its field (`phases.1.endsAt`). A phase must
 * end after it starts and start no earlier than the previous one ends (touching is fine), which keeps
 * the list ordered and at most one phase active.
 */
export function validatePhases(
  phases: readonly Pick<CampaignPhaseLike, 'name' | 'startsAt' | 'endsAt'>[],
  field = 'phases',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (phases.length > MAX_PHASES) {
    problems.push({ field, code: 'arrayMaxSize', message: `A campaign has at most ${MAX_PHASES} phases.` });
  }
  phases.forEach((phase, i) => {
    const at = `${field}.${i}`;
    const name = phase.name.trim();
    if (name === '') problems.push({ field: `${at}.name`, code: 'isNotEmpty', message: 'A phase needs a name.' });
    if (name.length > PHASE_NAME_MAX_LENGTH) {
      problems.push({
        field: `${at}.name`,
        code: 'maxLength',
        message: `A phase name has at most ${PHASE_NAME_MAX_LENGTH} characters.`,
      });
    }
    const startValid = isValidDate(phase.startsAt);
    const endValid = isValidDate(phase.endsAt);
    if (!startValid) problems.push({ field: `${at}.startsAt`, code: 'isDate', message: 'Not a valid date.' });
    if (!endValid) problems.push({ field: `${at}.endsAt`, code: 'isDate', message: 'Not a valid date.' });
    if (startValid && endValid && phase.endsAt.getTime() <= phase.startsAt.getTime()) {
      problems.push({ field: `${at}.endsAt`, code: 'endsBeforeStart', message: 'A phase must end after it starts.' });
    }
    const previous = i > 0 ? phases[i - 1] : undefined;
    if (
      previous &&
      startValid &&
      isValidDate(previous.endsAt) &&
      phase.startsAt.getTime() < previous.endsAt.getTime()
    ) {
      problems.push({
        field: `${at}.startsAt`,
        code: 'overlapsPreviousPhase',
        message: `This phase starts before phase ${i} ("${previous.name}") ends: phases are ordered and may not overlap.`,
      });
    }
  });
  return problems;
}

function isValidDate(d: Date): boolean {
  return d instanceof Date && !Number.isNaN(d.getTime());
}

/**
 * Is a person in a campaign's audience? Empty audience = the whole organisation; otherwise the
 * person's unit must be one of the units or inside one (the path lists the unit and its ancestors).
 */
export function inAudience(audienceOrgUnitIds: readonly string[], personOrgUnitPath: readonly string[]): boolean {
  if (audienceOrgUnitIds.length === 0) return true;
  return audienceOrgUnitIds.some((id) => personOrgUnitPath.includes(id));
}

// ------------------------------------------------------------------ submission rules (règles de dépôt)

export const SUBMISSION_RULE_FIELDS = [
  'summary',
  'body',
  'orgUnit',
  'themes',
  'whoSuffers',
  'frequency',
  'expectedBenefits',
  'needs',
] as const;
export type SubmissionRuleField = (typeof SUBMISSION_RULE_FIELDS)[number];

/** What a valid submission must contain. Campaigns set their own; the always-open box has defaults. */
export interface SubmissionRules {
  requiredFields: SubmissionRuleField[];
  titleMaxLength: number;
  summaryMaxLength: number;
  bodyMinLength: number;
  allowedKinds: IdeaKind[];
}

/** The always-open box's rules, used when an idea belongs to no campaign. */
export const DEFAULT_SUBMISSION_RULES: Readonly<SubmissionRules> = Object.freeze<SubmissionRules>({
  requiredFields: ['summary', 'orgUnit', 'whoSuffers', 'expectedBenefits'],
  titleMaxLength: 140,
  summaryMaxLength: 600,
  bodyMinLength: 0,
  allowedKinds: ['problem', 'solution'],
});

/** Bounds a campaign's rules must stay within (a campaign cannot allow a 10 000-character title). */
export const SUBMISSION_RULE_LIMITS = {
  titleMaxLength: { min: 20, max: 200 },
  summaryMaxLength: { min: 50, max: 2000 },
  bodyMinLength: { min: 0, max: 5000 },
} as const;

/** A title says what the idea is about, whatever the rules. */
export const TITLE_MIN_LENGTH = 5;

/** The fields of an idea the rules look at. `bodyText` is the body without its markup. */
export interface SubmittedIdeaFields {
  kind: IdeaKind;
  title: string;
  summary: string;
  bodyText: string;
  orgUnitId: string | null;
  themes: readonly string[];
  whoSuffers: string | null;
  frequency: string | null;
  expectedBenefits: string | null;
  needs: string | null;
}

/** Kind-specific fields only apply to their kind (a solution has no "who suffers"). */
const FIELD_KIND: Partial<Record<SubmissionRuleField, IdeaKind>> = {
  whoSuffers: 'problem',
  frequency: 'problem',
  expectedBenefits: 'solution',
  needs: 'solution',
};

/** The rule's field name → the API field the problem is reported on. */
const API_FIELD: Record<SubmissionRuleField, string> = {
  summary: 'summary',
  body: 'bodyHtml',
  orgUnit: 'orgUnitId',
  themes: 'themes',
  whoSuffers: 'whoSuffers',
  frequency: 'frequency',
  expectedBenefits: 'expectedBenefits',
  needs: 'needs',
};

function filled(idea: SubmittedIdeaFields, field: SubmissionRuleField): boolean {
  switch (field) {
    case 'summary':
      return idea.summary.trim() !== '';
    case 'body':
      return idea.bodyText.trim() !== '';
    case 'orgUnit':
      return idea.orgUnitId !== null;
    case 'themes':
      return idea.themes.length > 0;
    default: {
      const value = idea[field];
      return value !== null && value.trim() !== '';
    }
  }
}

/**
 * Checks a submission against the rules and returns every failing field (empty = valid), so the 400
 * lists them all at once. Feed the result to `transition`'s `submissionCheck`.
 */
export function checkSubmission(rules: SubmissionRules, idea: SubmittedIdeaFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!rules.allowedKinds.includes(idea.kind)) {
    problems.push({ field: 'kind', code: 'kind_not_allowed', message: `This box does not take ${idea.kind}s.` });
  }
  const title = idea.title.trim();
  if (title.length < TITLE_MIN_LENGTH) {
    problems.push({
      field: 'title',
      code: 'minLength',
      message: `The title needs at least ${TITLE_MIN_LENGTH} characters.`,
    });
  } else if (title.length > rules.titleMaxLength) {
    problems.push({
      field: 'title',
      code: 'maxLength',
      message: `The title may have at most ${rules.titleMaxLength} characters.`,
    });
  }
  for (const field of rules.requiredFields) {
    const kind = FIELD_KIND[field];
    if (kind !== undefined && kind !== idea.kind) continue;
    if (!filled(idea, field)) {
      problems.push({
        field: API_FIELD[field],
        code: 'required',
        message: `The field "${API_FIELD[field]}" is required.`,
      });
    }
  }
  if (idea.summary.trim().length > rules.summaryMaxLength) {
    problems.push({
      field: 'summary',
      code: 'maxLength',
      message: `The summary may have at most ${rules.summaryMaxLength} characters.`,
    });
  }
  const bodyLength = idea.bodyText.trim().length;
  // A short body fails only when there is one: "required" covers an empty body when the rules ask.
  if (rules.bodyMinLength > 0 && bodyLength > 0 && bodyLength < rules.bodyMinLength) {
    problems.push({
      field: 'bodyHtml',
      code: 'minLength',
      message: `The description needs at least ${rules.bodyMinLength} characters.`,
    });
  }
  return problems;
}
