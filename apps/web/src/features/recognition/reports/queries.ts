import { useQuery } from '@tanstack/react-query';
import { getAnnualReportOptions, listAnnualReportsQueryKey, type AnnualReportRunDto } from '@eclore/api-client';
import { useInvalidate } from '../../../app/queries';

export const isRunning = (run: AnnualReportRunDto | undefined) => run?.status === 'queued' || run?.status === 'running';

/** One run, polled every second while the worker prepares it (its progress shows live). */
export function useAnnualReport(id: string | null) {
  return useQuery({
    ...getAnnualReportOptions({ path: { id: id ?? '' } }),
    enabled: id !== null,
    // While it runs: every second. Once done: every 5 minutes, so the 15-minute download links stay fresh.
    refetchInterval: (q) => (isRunning(q.state.data) ? 1000 : q.state.data?.status === 'done' ? 300_000 : false),
  });
}

/** After a report is requested (or finishes): the list of recent runs is stale. */
export function useAnnualReportsChanged(): () => Promise<void> {
  return useInvalidate(() => [listAnnualReportsQueryKey()]);
}
