import { Module } from '@nestjs/common';
import { IdeasCoreModule } from '../ideas/ideas-core.module';
import { AttachmentsController, IdeaAttachmentsController } from './attachments.controller';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';

/** Images and PDFs attached to ideas (FileStorage comes from the global StorageModule). */
@Module({
  imports: [IdeasCoreModule],
  controllers: [IdeaAttachmentsController, AttachmentsController],
  providers: [AttachmentsRepository, AttachmentsService],
})
export class AttachmentsModule {}
