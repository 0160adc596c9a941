import { Module } from '@nestjs/common';
import { ModerationController } from './moderation.controller';
import { ModerationService } from './moderation.service';

/** Content reports and the network's moderation queue (AccessService and AuditService are global). */
@Module({
  controllers: [ModerationController],
  providers: [ModerationService],
})
export class ModerationModule {}
