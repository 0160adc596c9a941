import type { CampaignDto, CampaignPhaseInput, CreateCampaignInput, SubmissionRulesInput } from '@eclore/api-client';
import { DEFAULT_SUBMISSION_RULES } from '@eclore/domain';

/** A phase as the editor holds it: `datetime-local` strings (local time, minutes). */
export interface PhaseDraft {
  /** Stable React key across reordering. */
  key: string;
  name: string;
  startsAt: string;
  endsAt: string;
  submissionsOpen: boolean;
  supportsOpen: boolean;
  commentsOpen: boolean;
}

export interface CampaignDraft {
  title: string;
  question: string;
  description: string;
  sponsor: { id: string; name: string } | null;
  audienceOrgUnitIds: string[];
  rules: SubmissionRulesInput;
  phases: PhaseDraft[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant → the `datetime-local` value showing it in the browser's time zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (local time) → an ISO instant; '' stays '' so the API names the field. */
export function fromLocalInput(value: string): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/** Plain text with blank-line paragraphs → the HTML the API stores (escaped; the server sanitises too). */
export function textToHtml(text: string): string {
  const escape = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** Stored HTML → the editor's plain text (paragraphs separated by blank lines). */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const blocks = Array.from(doc.body.children);
  if (blocks.length === 0) return doc.body.textContent?.trim() ?? '';
  return blocks
    .map((el) => {
      el.querySelectorAll('br').forEach((br) => br.replaceWith('\n'));
      return (el.textContent ?? '').trim();
    })
    .filter(Boolean)
    .join('\n\n');
}

let counter = 0;
export const newKey = () => `phase-${++counter}`;

export function emptyDraft(): CampaignDraft {
  return {
    title: '',
    question: '',
    description: '',
    sponsor: null,
    audienceOrgUnitIds: [],
    rules: {
      ...DEFAULT_SUBMISSION_RULES,
      requiredFields: [...DEFAULT_SUBMISSION_RULES.requiredFields],
      allowedKinds: [...DEFAULT_SUBMISSION_RULES.allowedKinds],
    },
    phases: [],
  };
}

export function draftFrom(c: CampaignDto): CampaignDraft {
  return {
    title: c.title,
    question: c.question,
    description: htmlToText(c.descriptionHtml),
    sponsor: c.sponsor ? { id: c.sponsor.id, name: `${c.sponsor.givenName} ${c.sponsor.familyName}` } : null,
    audienceOrgUnitIds: c.audience.map((u) => u.id),
    rules: { ...c.submissionRules },
    phases: c.phases.map((p) => ({
      key: newKey(),
      name: p.name,
      startsAt: toLocalInput(p.startsAt),
      endsAt: toLocalInput(p.endsAt),
      submissionsOpen: p.submissionsOpen,
      supportsOpen: p.supportsOpen,
      commentsOpen: p.commentsOpen,
    })),
  };
}

/** A new phase starts when the previous one ends (or now) and lasts two weeks. */
export function nextPhase(phases: readonly PhaseDraft[], name: string, now = new Date()): PhaseDraft {
  const last = phases[phases.length - 1];
  const start = last?.endsAt ? new Date(last.endsAt) : now;
  if (!last) start.setMinutes(0, 0, 0);
  const end = new Date(start.getTime() + 14 * 24 * 3600 * 1000);
  return {
    key: newKey(),
    name,
    startsAt: toLocalInput(start.toISOString()),
    endsAt: toLocalInput(end.toISOString()),
    submissionsOpen: !last,
    supportsOpen: true,
    commentsOpen: true,
  };
}

/** Moves the item at `from` by `by` places (±1), leaving the list unchanged at the ends. */
export function move<T>(list: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[from], next[to]] = [next[to] as T, next[from] as T];
  return next;
}

export function phasesBody(phases: readonly PhaseDraft[]): CampaignPhaseInput[] {
  return phases.map((p) => ({
    name: p.name,
    startsAt: fromLocalInput(p.startsAt),
    endsAt: fromLocalInput(p.endsAt),
    submissionsOpen: p.submissionsOpen,
    supportsOpen: p.supportsOpen,
    commentsOpen: p.commentsOpen,
  }));
}

export function campaignBody(d: CampaignDraft): Omit<CreateCampaignInput, 'phases'> {
  return {
    title: d.title,
    question: d.question,
    descriptionHtml: textToHtml(d.description),
    sponsorId: d.sponsor?.id ?? null,
    audienceOrgUnitIds: d.audienceOrgUnitIds,
    submissionRules: d.rules,
  };
}
