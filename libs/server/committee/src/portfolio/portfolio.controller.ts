import { Get, Param, Query } from '@nestjs/common';
import type { Actor } from '@eclore/domain';
import { CurrentActor } from '@eclore/server-identity';
import { ApiController, Endpoint } from '@eclore/server-platform';
import {
  PortfolioBoardDto,
  PortfolioColumnPageDto,
  PortfolioColumnParams,
  PortfolioColumnQuery,
  PortfolioFilters,
} from './portfolio.dto';
import { PortfolioService } from './portfolio.service';

const MEMBERS_ONLY = 'Network and committee members only.';

@ApiController('portfolio', 'portfolio')
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

  @Get()
  // Route level: any network or committee scope; the query lists only the ideas that scope covers.
  @Endpoint({
    permission: 'portfolio.read',
    operationId: 'getPortfolio',
    summary:
      'The portfolio board: ideas in the viewer’s scope by lifecycle status, with counts and each column’s first cards.',
    description:
      'Cards name no author. Longest in its status first; a column’s next pages come from listPortfolioColumn.',
    ok: PortfolioBoardDto,
    errors: ['validation_failed', 'role_required'],
    errorText: { 400: 'A bad filter value; the field is named.', 403: MEMBERS_ONLY },
  })
  board(@CurrentActor() actor: Actor, @Query() query: PortfolioFilters): Promise<PortfolioBoardDto> {
    return this.portfolio.board(actor, query);
  }

  @Get('columns/:status')
  @Endpoint({
    permission: 'portfolio.read',
    operationId: 'listPortfolioColumn',
    summary: 'One column of the portfolio board, by keyset pages.',
    ok: PortfolioColumnPageDto,
    errors: ['validation_failed', 'role_required'],
    errorText: { 400: 'A bad filter value, status or cursor; the field is named.', 403: MEMBERS_ONLY },
  })
  column(
    @CurrentActor() actor: Actor,
    @Param() params: PortfolioColumnParams,
    @Query() query: PortfolioColumnQuery,
  ): Promise<PortfolioColumnPageDto> {
    return this.portfolio.column(actor, params.status, query);
  }
}
