import { Module } from '@nestjs/common';
import { AuditModule } from '@eclore/server-identity';
import { IdeasCoreModule } from '@eclore/server-ideas';
import { AbsencesController } from './absences.controller';
import { AbsencesRepository } from './absences.repository';
import { AbsencesService } from './absences.service';
import { AssignmentsService } from './assignments.service';
import { AutoRoutingService } from './auto-routing.service';
import { BulkReassignService } from './bulk-reassign.service';
import {
  BulkReassignController,
  MyReviewQueueController,
  NetworkReviewQueueController,
} from './review-queues.controller';
import { ReviewQueuesService } from './review-queues.service';
import { RoutingController } from './routing.controller';
import { RoutingRepository } from './routing.repository';

/** Routing ideas in qualification to reviewers, the review queues, absences and delegates. */
@Module({
  imports: [AuditModule, IdeasCoreModule],
  controllers: [
    RoutingController,
    BulkReassignController,
    MyReviewQueueController,
    NetworkReviewQueueController,
    AbsencesController,
  ],
  providers: [
    RoutingRepository,
    AbsencesRepository,
    AutoRoutingService,
    AssignmentsService,
    BulkReassignService,
    ReviewQueuesService,
    AbsencesService,
  ],
})
export class RoutingModule {}
