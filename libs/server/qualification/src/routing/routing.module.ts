import { Module } from '@nestjs/common';
import { AuditModule } from '@eclore/server-identity';
import { IdeasCoreModule } from '@eclore/server-ideas';
import { AbsencesController } from './absences.controller';
import { AbsencesService } from './absences.service';
import { RoutingController } from './routing.controller';
import { RoutingService } from './routing.service';

/** Routing ideas in qualification to reviewers, the review queues, absences and delegates. */
@Module({
  imports: [AuditModule, IdeasCoreModule],
  controllers: [RoutingController, AbsencesController],
  providers: [RoutingService, AbsencesService],
})
export class RoutingModule {}
