import { Module } from '@nestjs/common';
import { AuthController, SessionController } from './auth.controller';
import { LoginThrottle } from './login-throttle';
import { LoginService } from './login.service';
import { OidcService } from './oidc.service';

/** Sign-in (local and OpenID Connect), sign-out and the current session. */
@Module({
  controllers: [AuthController, SessionController],
  providers: [LoginThrottle, LoginService, OidcService],
})
export class AuthModule {}
