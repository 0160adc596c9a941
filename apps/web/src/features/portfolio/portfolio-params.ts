import { ideaFiltersFromParams, type IdeaFilterValues } from '../wall';

/** The board's filters as they live in the address bar (a filtered board can be shared). */
export type PortfolioFilters = IdeaFilterValues;

export function portfolioFiltersFromParams(params: URLSearchParams): PortfolioFilters {
  return ideaFiltersFromParams(params);
}

/** Only the filters that are set, in a stable order: the address bar and the API query. */
export function portfolioQuery(f: PortfolioFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['kind', 'campaignId', 'orgUnitId', 'theme'] as const) if (f[key]) out[key] = f[key];
  return out;
}
