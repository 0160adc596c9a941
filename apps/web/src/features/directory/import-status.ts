import type { DirectoryImportDto } from '@eclore/api-client';

export type ImportStatus = DirectoryImportDto['status'];

const FINAL: readonly ImportStatus[] = ['completed', 'rejected', 'failed'];

export function isFinal(status: ImportStatus | undefined): boolean {
  return status !== undefined && FINAL.includes(status);
}

export interface ProgressView {
  /** Undefined: indeterminate (the worker has not counted the rows yet). */
  value: number | undefined;
  max: number;
  /** Percentage for the text beside the bar, when known. */
  percent: number | undefined;
}

/**
 * One bar for the whole import: the worker checks every row (validating), then writes them
 * (applying); each phase counts rows 0 → total, so the bar runs over twice the row count.
 */
export function progressOf(imp: Pick<DirectoryImportDto, 'status' | 'processedRows' | 'totalRows'>): ProgressView {
  const total = imp.totalRows;
  if (isFinal(imp.status)) return { value: 1, max: 1, percent: 100 };
  if (total === null || imp.status === 'queued') return { value: undefined, max: 1, percent: undefined };
  if (total === 0) return { value: 0, max: 1, percent: 0 };
  const done = Math.min(imp.processedRows, total) + (imp.status === 'applying' ? total : 0);
  return { value: done, max: total * 2, percent: Math.floor((done / (total * 2)) * 100) };
}

/** Poll fast while the worker runs, stop once the import is final. */
export function pollInterval(status: ImportStatus | undefined): number | false {
  return isFinal(status) ? false : 750;
}
