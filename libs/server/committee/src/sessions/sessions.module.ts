import { Module } from '@nestjs/common';
import { IdeasCoreModule } from '@eclore/server-ideas';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

/** Committee sessions, their agendas, the pre-reading pack and the prioritisation. */
@Module({
  // AccessService comes from the global access module.
  imports: [IdeasCoreModule],
  controllers: [SessionsController],
  providers: [SessionsService],
  exports: [SessionsService],
})
export class SessionsModule {}
