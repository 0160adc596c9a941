import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { CurrentActor, RequirePermission } from '@eclore/server-identity';
import {
  PortfolioBoardDto,
  PortfolioColumnPageDto,
  PortfolioColumnParams,
  PortfolioColumnQuery,
  PortfolioFilters,
} from './portfolio.dto';
import { PortfolioService } from './portfolio.service';

@ApiTags('portfolio')
@ApiUnauthorizedResponse({ description: 'Not signed in.' })
@Controller('portfolio')
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

  @Get()
  // Route level: any network or committee scope; the query lists only the ideas that scope covers.
  @RequirePermission('portfolio.read')
  @ApiOperation({
    operationId: 'getPortfolio',
    summary:
      'The portfolio board: ideas in the viewer’s scope by lifecycle status, with counts and each column’s first cards.',
    description:
      'Cards name no author. Longest in its status first; a column’s next pages come from listPortfolioColumn.',
  })
  @ApiOkResponse({ type: PortfolioBoardDto })
  @ApiBadRequestResponse({ description: 'A bad filter value; the field is named.' })
  @ApiForbiddenResponse({ description: 'Network and committee members only.' })
  board(@CurrentActor() actor: Actor, @Query() query: PortfolioFilters): Promise<PortfolioBoardDto> {
    return this.portfolio.board(actor, query);
  }

  @Get('columns/:status')
  @RequirePermission('portfolio.read')
  @ApiOperation({ operationId: 'listPortfolioColumn', summary: 'One column of the portfolio board, by keyset pages.' })
  @ApiOkResponse({ type: PortfolioColumnPageDto })
  @ApiBadRequestResponse({ description: 'A bad filter value, status or cursor; the field is named.' })
  @ApiForbiddenResponse({ description: 'Network and committee members only.' })
  column(
    @CurrentActor() actor: Actor,
    @Param() params: PortfolioColumnParams,
    @Query() query: PortfolioColumnQuery,
  ): Promise<PortfolioColumnPageDto> {
    return this.portfolio.column(actor, params.status, query);
  }
}
