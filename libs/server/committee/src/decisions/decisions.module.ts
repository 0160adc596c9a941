import { Module } from '@nestjs/common';
import { IdeasCoreModule } from '@eclore/server-ideas';
import { SessionsModule } from '../sessions/sessions.module';
import { DecisionsController } from './decisions.controller';
import { DecisionsService } from './decisions.service';

/** Decisions on agenda items, run as the ideas' lifecycle commands. */
@Module({
  imports: [IdeasCoreModule, SessionsModule],
  controllers: [DecisionsController],
  providers: [DecisionsService],
})
export class DecisionsModule {}
