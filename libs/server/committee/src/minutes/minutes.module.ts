import { Module } from '@nestjs/common';
import { IdeasCoreModule } from '@eclore/server-ideas';
import { SessionsModule } from '../sessions/sessions.module';
import { MinutesController } from './minutes.controller';
import { MinutesService } from './minutes.service';

/** The minutes of a session as a PDF (pdfkit), in the session's language. */
@Module({
  imports: [IdeasCoreModule, SessionsModule],
  controllers: [MinutesController],
  providers: [MinutesService],
})
export class MinutesModule {}
