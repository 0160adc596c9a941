import type { Locale } from '../locale';
import { frenchTypography, NO_BREAK_SPACE } from '../typography';
import type { DecisionKind } from './session';

/**
 * What the minutes (procès-verbal) of a session say, in the session's language. Pure: the server
 * lays these lines out in a PDF; tests read them back.
 */

export interface MinutesInput {
  title: string;
  scheduledAt: Date;
  language: Locale;
  chair: string;
  present: readonly string[];
  absent: readonly string[];
  items: readonly {
    title: string;
    decision: DecisionKind | null;
    rationale: string | null;
    until: Date | null;
  }[];
}

export interface MinutesBlock {
  kind: 'title' | 'heading' | 'text' | 'item';
  text: string;
}

const LABELS = {
  fr: {
    minutes: 'Procès-verbal de la séance du comité de pilotage',
    date: 'Date',
    chair: 'Présidence',
    present: 'Membres présents',
    absent: 'Membres excusés',
    agenda: 'Ordre du jour et décisions',
    none: 'Aucun',
    decision: 'Décision',
    rationale: 'Motivation',
    undecided: 'Pas de décision prise en séance',
    decisions: {
      prototype: 'Passage en expérimentation (prototype)',
      implement: 'Passage en mise en œuvre',
      park: 'Mise en attente jusqu’au',
      decline: 'Refus',
    },
  },
  en: {
    minutes: 'Minutes of the steering committee session',
    date: 'Date',
    chair: 'Chair',
    present: 'Members present',
    absent: 'Members absent',
    agenda: 'Agenda and decisions',
    none: 'None',
    decision: 'Decision',
    rationale: 'Rationale',
    undecided: 'No decision taken in session',
    decisions: {
      prototype: 'Go to prototype',
      implement: 'Go to implementation',
      park: 'Parked until',
      decline: 'Declined',
    },
  },
} as const;

/** Dates in the organisation's time zone (the minutes are read where the committee sat). */
const TIME_ZONE = 'Europe/Paris';

function formatDate(date: Date, language: Locale, withTime: boolean): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: TIME_ZONE,
  }).format(date);
}

export function decisionLabel(kind: DecisionKind, language: Locale, until: Date | null): string {
  const label = LABELS[language].decisions[kind];
  return kind === 'park' && until ? `${label} ${formatDate(until, language, false)}` : label;
}

export function minutesBlocks(input: MinutesInput): MinutesBlock[] {
  const l = LABELS[input.language];
  const list = (names: readonly string[]) => (names.length ? names.join(', ') : l.none);
  const blocks: MinutesBlock[] = [
    { kind: 'title', text: l.minutes },
    { kind: 'heading', text: input.title },
    { kind: 'text', text: `${l.date}: ${formatDate(input.scheduledAt, input.language, true)}` },
    { kind: 'text', text: `${l.chair}: ${input.chair}` },
    { kind: 'text', text: `${l.present}: ${list(input.present)}` },
  ];
  if (input.absent.length) blocks.push({ kind: 'text', text: `${l.absent}: ${list(input.absent)}` });
  blocks.push({ kind: 'heading', text: l.agenda });
  input.items.forEach((item, i) => {
    blocks.push({ kind: 'item', text: `${i + 1}. ${item.title}` });
    const decision = item.decision ? decisionLabel(item.decision, input.language, item.until) : l.undecided;
    blocks.push({ kind: 'text', text: `${l.decision}: ${decision}` });
    if (item.rationale) blocks.push({ kind: 'text', text: `${l.rationale}: ${item.rationale}` });
  });
  // French typography (docs/notifications.md) with a no-break space, not U+202F: the PDF's standard
  // fonts (WinAnsi) have no narrow no-break space, pdfkit would print it as " /".
  return input.language === 'fr'
    ? blocks.map((b) => ({ ...b, text: frenchTypography(b.text, { space: NO_BREAK_SPACE }) }))
    : blocks;
}
