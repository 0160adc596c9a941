import { Module } from '@nestjs/common';
import { GuardianClaimsController, MyClaimsController } from './claims.controller';
import { ClaimsRepository } from './claims.repository';
import { ClaimsService } from './claims.service';

/** Claiming one's anonymous contributions through the anonymity guardian (docs/recognition.md §1). */
@Module({
  controllers: [MyClaimsController, GuardianClaimsController],
  providers: [ClaimsRepository, ClaimsService],
})
export class ClaimsModule {}
