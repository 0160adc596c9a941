import { IDEA_KINDS, WALL_STAGES, type IdeaStatus } from '@eclore/domain';
import type { IdeaFilterValues } from './IdeaFilterFields';

/** The wall's filters as they live in the address bar (so a filtered wall can be shared). */
export interface WallFilters extends IdeaFilterValues {
  q: string;
  stage: IdeaStatus | '';
  sort: WallSort | '';
}

export const WALL_SORTS = ['relevance', 'newest', 'most_supported', 'trending'] as const;
export type WallSort = (typeof WALL_SORTS)[number];

/** Statuses an idea on the wall can have: the domain's list, the same as the server's filter. */
export { WALL_STAGES };

export const oneOf = <T extends string>(values: readonly T[], v: string | null): T | '' =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : '';

export const uuidParam = (v: string | null): string => (v && /^[0-9a-f-]{36}$/i.test(v) ? v : '');

/** The filters idea lists share (wall, portfolio board), read from the address bar. */
export function ideaFiltersFromParams(params: URLSearchParams): IdeaFilterValues {
  return {
    kind: oneOf(IDEA_KINDS, params.get('kind')),
    campaignId: uuidParam(params.get('campaignId')),
    orgUnitId: uuidParam(params.get('orgUnitId')),
    theme: (params.get('theme') ?? '').slice(0, 64),
  };
}

/** Unknown values in a hand-edited address are dropped rather than sent (the API would answer 400). */
export function filtersFromParams(params: URLSearchParams): WallFilters {
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    ...ideaFiltersFromParams(params),
    stage: oneOf(WALL_STAGES, params.get('stage')),
    sort: oneOf(WALL_SORTS, params.get('sort')),
  };
}

/** Only the filters that are set, in a stable order. Relevance without words is meaningless: dropped. */
export function paramsFromFilters(f: WallFilters): Record<string, string> {
  const out: Record<string, string> = {};
  const q = f.q.trim();
  if (q) out['q'] = q;
  for (const key of ['kind', 'stage', 'campaignId', 'orgUnitId', 'theme'] as const) if (f[key]) out[key] = f[key];
  if (f.sort && !(f.sort === 'relevance' && !q)) out['sort'] = f.sort;
  return out;
}

/** The sort the API applies when none is chosen: relevance with words, newest otherwise. */
export function effectiveSort(f: WallFilters): WallSort {
  if (f.sort && !(f.sort === 'relevance' && !f.q.trim())) return f.sort;
  return f.q.trim() ? 'relevance' : 'newest';
}
