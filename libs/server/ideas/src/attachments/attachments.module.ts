import { Module } from '@nestjs/common';
import { IdeasCoreModule } from '../ideas';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';

/** Images and PDFs attached to ideas (FileStorage comes from the global StorageModule). */
@Module({
  imports: [IdeasCoreModule],
  controllers: [AttachmentsController],
  providers: [AttachmentsService],
})
export class AttachmentsModule {}
