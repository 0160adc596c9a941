import type { IdeaFilterValues } from '../wall/IdeaFilterFields';
import { ideaFiltersFromParams, oneOf, uuidParam } from '../wall/wall-params';

/** The board's filters as they live in the address bar (a filtered board can be shared). */
export interface PortfolioFilters extends IdeaFilterValues {
  /** Ideas this person is assigned to qualify. */
  assigneeId: string;
  /** Past an answer-time deadline or not; '' = either. */
  late: '' | 'true' | 'false';
}

export function portfolioFiltersFromParams(params: URLSearchParams): PortfolioFilters {
  return {
    ...ideaFiltersFromParams(params),
    assigneeId: uuidParam(params.get('assigneeId')),
    late: oneOf(['true', 'false'] as const, params.get('late')),
  };
}

/** Only the filters that are set, in a stable order: the address bar and the API query. */
export function portfolioQuery(f: PortfolioFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['kind', 'campaignId', 'orgUnitId', 'theme', 'assigneeId', 'late'] as const)
    if (f[key]) out[key] = f[key];
  return out;
}
