import { Module } from '@nestjs/common';
import { AuditModule } from '@eclore/server-identity';
import { CampaignCriteriaController, DefaultCriteriaController } from './criteria.controller';
import { CriteriaRepository } from './criteria.repository';
import { CriteriaService } from './criteria.service';

/** The criteria sets: the organisation's default and each campaign's own. */
@Module({
  imports: [AuditModule],
  controllers: [DefaultCriteriaController, CampaignCriteriaController],
  providers: [CriteriaService, CriteriaRepository],
})
export class CriteriaModule {}
