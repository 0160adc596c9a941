import { Module } from '@nestjs/common';
import { DecisionsModule } from './decisions';
import { MinutesModule } from './minutes';
import { PortfolioModule } from './portfolio';
import { SessionsModule } from './sessions';

/**
 * The steering committee: sessions, agendas of qualified ideas, prioritisation, decisions and
 * minutes; and the portfolio board. Each submodule is imported here.
 */
@Module({
  imports: [PortfolioModule, SessionsModule, DecisionsModule, MinutesModule],
})
export class CommitteeModule {}
