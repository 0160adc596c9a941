import { Module } from '@nestjs/common';
import { IdeasCoreModule } from '@eclore/server-ideas';
import { PrivateNotesController } from './notes.controller';
import { PrivateNotesRepository } from './notes.repository';
import { PrivateNotesService } from './notes.service';

/** Private notes: an idea's thread for the network and the committee in scope. */
@Module({
  imports: [IdeasCoreModule],
  controllers: [PrivateNotesController],
  providers: [PrivateNotesService, PrivateNotesRepository],
})
export class PrivateNotesModule {}
