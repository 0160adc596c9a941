import { Module } from '@nestjs/common';
import { CharterController } from './charter.controller';
import { CharterRepository } from './charter.repository';
import { CharterService } from './charter.service';

/** The charter's commitments and HR's yearly inputs (docs/recognition.md §4). */
@Module({
  controllers: [CharterController],
  // AccessService and AuditService come from global modules.
  providers: [CharterRepository, CharterService],
  exports: [CharterRepository],
})
export class CharterModule {}
