import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { SessionService } from '../auth/session.service';
import { AccessGuard } from './access.guard';
import { AccessService } from './access.service';

/**
 * Access enforcement for the whole API: the global AccessGuard, plus AccessService (object-level checks)
 * and SessionService (e.g. `endAllFor` on deactivation) for every other module.
 */
@Global()
@Module({
  providers: [SessionService, AccessService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [SessionService, AccessService],
})
export class AccessModule {}
