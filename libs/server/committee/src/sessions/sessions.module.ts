import { Module } from '@nestjs/common';
import { IdeasCoreModule } from '@eclore/server-ideas';
import { SessionsController } from './sessions.controller';
import { AgendaService } from './agenda.service';
import { SessionCommandsService } from './session-commands.service';
import { SessionIdeas } from './session-ideas';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

/** Committee sessions, their agendas, the pre-reading pack and the prioritisation. */
@Module({
  // AccessService comes from the global access module.
  imports: [IdeasCoreModule],
  controllers: [SessionsController],
  providers: [SessionsRepository, SessionIdeas, SessionsService, SessionCommandsService, AgendaService],
  exports: [SessionsService, SessionsRepository],
})
export class SessionsModule {}
