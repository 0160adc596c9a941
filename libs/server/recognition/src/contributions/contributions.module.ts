import { Module } from '@nestjs/common';
import { ContributionsController } from './contributions.controller';
import { ContributionsRepository } from './contributions.repository';
import { ContributionsService } from './contributions.service';

/** "My contributions" on the person's profile. */
@Module({
  controllers: [ContributionsController],
  providers: [ContributionsRepository, ContributionsService],
})
export class ContributionsModule {}
