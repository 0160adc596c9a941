import { Module } from '@nestjs/common';

/**
 * The steering committee: sessions, agendas of qualified ideas, prioritisation, decisions and
 * minutes; and the portfolio board. Each submodule is imported here.
 */
@Module({
  imports: [],
})
export class CommitteeModule {}
