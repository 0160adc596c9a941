import { IDEA_KINDS, IDEA_STATUSES, isPublic, type IdeaKind, type IdeaStatus } from '@eclore/domain';

/** The wall's filters as they live in the address bar (so a filtered wall can be shared). */
export interface WallFilters {
  q: string;
  kind: IdeaKind | '';
  stage: IdeaStatus | '';
  campaignId: string;
  orgUnitId: string;
  theme: string;
  sort: WallSort | '';
}

export const WALL_SORTS = ['relevance', 'newest', 'most_supported', 'trending'] as const;
export type WallSort = (typeof WALL_SORTS)[number];

/** Statuses an idea on the wall can have (the domain's isPublic decides, as on the server). */
export const WALL_STAGES: readonly IdeaStatus[] = IDEA_STATUSES.filter((status) =>
  isPublic({
    id: '',
    kind: 'problem',
    status,
    anonymous: false,
    submittedAt: new Date(0),
    publishedAt: new Date(0),
    withdrawnAt: null,
    answer: null,
    mergedIntoId: null,
    parkedUntil: null,
    hiddenAt: null,
  }),
);

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | '' =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : '';

/** Unknown values in a hand-edited address are dropped rather than sent (the API would answer 400). */
export function filtersFromParams(params: URLSearchParams): WallFilters {
  const uuid = (v: string | null) => (v && /^[0-9a-f-]{36}$/i.test(v) ? v : '');
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    kind: oneOf(IDEA_KINDS, params.get('kind')),
    stage: oneOf(WALL_STAGES, params.get('stage')),
    campaignId: uuid(params.get('campaignId')),
    orgUnitId: uuid(params.get('orgUnitId')),
    theme: (params.get('theme') ?? '').slice(0, 64),
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
