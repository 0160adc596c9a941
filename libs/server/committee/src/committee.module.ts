import { Module } from '@nestjs/common';
import { DecisionsModule } from './decisions';
import { MinutesModule } from './minutes';
import { PortfolioModule } from './portfolio';
import { SessionsModule } from './sessions';
import { ResumeModule } from './resume';

/**
 * The steering committee: sessions, agendas of qualified ideas, prioritisation, decisions and
 * minutes; and the portfolio board. Each submodule is imported here.
 */
@Module({
  imports: [PortfolioModule, SessionsModule, DecisionsModule, MinutesModule, ResumeModule],
})
export class CommitteeModule {}
