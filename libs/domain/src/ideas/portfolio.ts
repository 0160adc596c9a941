import { IDEA_STATES, STAGES, isEndState, type IdeaStatus } from './idea';

/**
 * The portfolio board's columns (network and committee): one per lifecycle status, grouped into the
 * main line of stages, the two waiting states and the final ones (shown collapsed). Drafts are their
 * authors' business and a submitted idea is never back in `emerge`, so the board starts at `collect`.
 */
export type PortfolioGroup = 'stage' | 'waiting' | 'ended';

export interface PortfolioColumnDef {
  status: IdeaStatus;
  group: PortfolioGroup;
}

export const PORTFOLIO_COLUMNS: readonly PortfolioColumnDef[] = [
  ...STAGES.filter((status) => status !== 'emerge').map((status): PortfolioColumnDef => ({ status, group: 'stage' })),
  ...IDEA_STATES.filter((status) => !isEndState(status)).map((status): PortfolioColumnDef => ({
    status,
    group: 'waiting',
  })),
  ...IDEA_STATES.filter(isEndState).map((status): PortfolioColumnDef => ({ status, group: 'ended' })),
];

export const PORTFOLIO_GROUPS: readonly PortfolioGroup[] = ['stage', 'waiting', 'ended'];

export const PORTFOLIO_STATUSES: readonly IdeaStatus[] = PORTFOLIO_COLUMNS.map((c) => c.status);

export function isPortfolioStatus(value: unknown): value is IdeaStatus {
  return typeof value === 'string' && (PORTFOLIO_STATUSES as readonly string[]).includes(value);
}
