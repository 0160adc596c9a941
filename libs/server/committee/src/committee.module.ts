import { Module } from '@nestjs/common';
import { PortfolioModule } from './portfolio';

/**
 * The steering committee: sessions, agendas of qualified ideas, prioritisation, decisions and
 * minutes; and the portfolio board. Each submodule is imported here.
 */
@Module({
  imports: [PortfolioModule],
})
export class CommitteeModule {}
