import { Module } from '@nestjs/common';
import { AuditModule } from '@eclore/server-identity';
import { CriteriaController } from './criteria.controller';
import { CriteriaRepository } from './criteria.repository';
import { CriteriaService } from './criteria.service';

/** The criteria sets: the organisation's default and each campaign's own. */
@Module({
  imports: [AuditModule],
  controllers: [CriteriaController],
  providers: [CriteriaService, CriteriaRepository],
})
export class CriteriaModule {}
