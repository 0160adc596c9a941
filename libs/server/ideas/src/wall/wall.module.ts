import { Module } from '@nestjs/common';
import { WallController } from './wall.controller';
import { WallService } from './wall.service';

/** Make visible: the wall (search, filters, sorts), similar ideas while typing, links between ideas. */
@Module({
  // AuditService comes from the global AuditModule.
  controllers: [WallController],
  providers: [WallService],
  exports: [WallService],
})
export class WallModule {}
