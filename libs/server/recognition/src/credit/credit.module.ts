import { Module } from '@nestjs/common';
import { IdeasCoreModule } from '@eclore/server-ideas';
import { CreditController } from './credit.controller';
import { CreditRepository } from './credit.repository';
import { CreditService } from './credit.service';

/** Credit shares per idea. */
@Module({
  imports: [IdeasCoreModule],
  controllers: [CreditController],
  providers: [CreditRepository, CreditService],
})
export class CreditModule {}
