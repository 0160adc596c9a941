import { IDEA_STATUSES, isPublic, type IdeaStatus } from './idea';

/**
 * Statuses an idea on the wall can have: derived from isPublic (a published, visible idea in each
 * status), so the wall's stage filter on the server and in the web app cannot drift from the rule.
 */
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

/** The wall's orders (this is the order the API documents; a screen may list them in its own). */
export const WALL_SORTS = ['newest', 'most_supported', 'trending', 'relevance'] as const;
export type WallSort = (typeof WALL_SORTS)[number];
