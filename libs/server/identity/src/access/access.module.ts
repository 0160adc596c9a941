import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthRepository } from '../auth/auth.repository';
import { SessionService } from '../auth/session.service';
import { AccessGuard } from './access.guard';
import { AccessService } from './access.service';

/**
 * Access enforcement for the whole API: the global AccessGuard, plus AccessService (object-level checks)
 * and SessionService (e.g. `endAllFor` on deactivation) for every other module.
 */
@Global()
@Module({
  providers: [AuthRepository, SessionService, AccessService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthRepository, SessionService, AccessService],
})
export class AccessModule {}
