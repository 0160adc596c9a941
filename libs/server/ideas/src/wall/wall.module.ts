import { Module } from '@nestjs/common';
import { WallController } from './wall.controller';
import { WallPageCache } from './wall-page-cache';
import { WallService } from './wall.service';

/** Make visible: the wall (search, filters, sorts), similar ideas while typing, links between ideas. */
@Module({
  // AuditService comes from the global AuditModule.
  controllers: [WallController],
  providers: [WallService, WallPageCache],
  exports: [WallService, WallPageCache],
})
export class WallModule {}
