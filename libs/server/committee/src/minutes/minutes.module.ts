import { Module } from '@nestjs/common';
import { MinutesController } from './minutes.controller';
import { MinutesService } from './minutes.service';

/** The minutes of a session as a PDF (pdfkit), in the session's language. */
@Module({
  controllers: [MinutesController],
  providers: [MinutesService],
})
export class MinutesModule {}
