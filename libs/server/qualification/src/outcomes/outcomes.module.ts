import { Module } from '@nestjs/common';
import { IdeasCoreModule } from '@eclore/server-ideas';
import { OutcomesController } from './outcomes.controller';
import { OutcomesService } from './outcomes.service';

/** The outcomes of qualification: qualify, request rework, decline (each with its reasoned answer). */
@Module({
  imports: [IdeasCoreModule],
  controllers: [OutcomesController],
  providers: [OutcomesService],
})
export class OutcomesModule {}
