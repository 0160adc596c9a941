import { Module } from '@nestjs/common';
import { PortfolioController } from './portfolio.controller';
import { PortfolioRepository } from './portfolio.repository';
import { PortfolioService } from './portfolio.service';

/** The portfolio board (kanban of ideas by stage) for the network and the committee. */
@Module({
  // AccessService comes from the global access module.
  controllers: [PortfolioController],
  providers: [PortfolioService, PortfolioRepository],
})
export class PortfolioModule {}
