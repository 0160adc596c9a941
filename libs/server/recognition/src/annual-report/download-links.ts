import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The files of a report run: the PDF and the workbook in French ('xlsx') and in English. */
export const REPORT_FILE_KINDS = ['pdf-fr', 'pdf-en', 'xlsx', 'xlsx-en'] as const;
export type ReportFileKind = (typeof REPORT_FILE_KINDS)[number];

/** How long a download link works: long enough to click, short enough that a forwarded link soon dies. */
export const LINK_MINUTES = 15;

export const REPORT_FILE_TYPES: Readonly<Record<ReportFileKind, string>> = {
  'pdf-fr': 'application/pdf',
  'pdf-en': 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'xlsx-en': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The name of a run's file in the store and in its download: the French workbook is the unmarked one. */
const FILE_SUFFIX: Readonly<Record<ReportFileKind, string>> = {
  'pdf-fr': '-fr.pdf',
  'pdf-en': '-en.pdf',
  xlsx: '.xlsx',
  'xlsx-en': '-en.xlsx',
};
export const reportFileSuffix = (kind: ReportFileKind): string => FILE_SUFFIX[kind];

/** The storage key of a run's file: derived from the run id, so a retried job overwrites, never adds. */
export function reportStorageKey(runId: string, kind: ReportFileKind): string {
  return `annual-reports/${runId}/report${FILE_SUFFIX[kind]}`;
}

/** A fresh secret for a new run (256 bits). */
export function newLinkSecret(): string {
  return randomBytes(32).toString('base64url');
}

function mac(secret: string, runId: string, kind: ReportFileKind, expires: number): Buffer {
  return createHmac('sha256', secret).update(`eclore-annual-report:${runId}:${kind}:${expires}`).digest();
}

export interface SignedLink {
  url: string;
  expires: number;
}

/** `/api/recognition/annual-reports/{id}/files/{kind}?expires=…&signature=…` (expires: Unix seconds). */
export function signLink(secret: string, runId: string, kind: ReportFileKind, now: Date): SignedLink {
  const expires = Math.floor(now.getTime() / 1000) + LINK_MINUTES * 60;
  const signature = mac(secret, runId, kind, expires).toString('base64url');
  return {
    url: `/api/recognition/annual-reports/${runId}/files/${kind}?expires=${expires}&signature=${signature}`,
    expires,
  };
}

export type LinkCheck = 'valid' | 'invalid' | 'expired';

/** The signature first (a changed expiry is a tampered link), then the expiry. */
export function checkLink(
  secret: string | null,
  runId: string,
  kind: ReportFileKind,
  expires: number,
  signature: string,
  now: Date,
): LinkCheck {
  if (!secret) return 'invalid';
  const given = Buffer.from(signature, 'base64url');
  const wanted = mac(secret, runId, kind, expires);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return 'invalid';
  return expires * 1000 <= now.getTime() ? 'expired' : 'valid';
}
