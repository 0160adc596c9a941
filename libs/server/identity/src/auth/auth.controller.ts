import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { serialize } from 'cookie';
import { AppConfig, Endpoint } from '@eclore/server-platform';
import type { AccessRequest } from '../access/access.guard';
import { PublicRoute } from '../access/permission.decorator';
import { LoginDto, OidcStartQueryDto, SessionDto, SignInMethodsDto } from './auth.dto';
import { readDeviceCookie, setDeviceCookie } from './device-cookie';
import { TooManyAttempts } from './login-throttle';
import { LoginService } from './login.service';
import { OIDC_STATE_MAX_AGE_SECONDS, OidcService, OidcSignInRefused, type OidcLoginState } from './oidc.service';
import { appendSetCookie, clearSessionCookie, isSecure, readCookie, setSessionCookie } from './session-cookie';
import { SessionService, type SessionMethod } from './session.service';

function clientMeta(req: AccessRequest) {
  const id = (req as { id?: unknown }).id;
  return {
    ip: req.ip ?? null,
    userAgent: req.headers['user-agent'] ?? null,
    requestId: id === undefined ? null : String(id),
  };
}

/** Shared by local and SSO sign-in: the previous session (if any) ends, a new one with a new token begins. */
async function openSession(
  sessions: SessionService,
  config: AppConfig,
  req: AccessRequest,
  res: Response,
  personId: string,
  method: SessionMethod,
) {
  if (req.sessionTokenHash) await sessions.end(req.sessionTokenHash, 'logout');
  const { token } = await sessions.create(personId, method, clientMeta(req));
  setSessionCookie(res, config, token);
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly sessions: SessionService,
    private readonly oidc: OidcService,
    private readonly config: AppConfig,
  ) {}

  @Get('methods')
  @Endpoint({
    permission: { public: true },
    operationId: 'getSignInMethods',
    summary: 'Which sign-in methods are switched on.',
    ok: SignInMethodsDto,
  })
  methods(): SignInMethodsDto {
    return { local: true, oidc: this.oidc.enabled };
  }

  @Post('login')
  @Endpoint({
    permission: { public: true },
    operationId: 'login',
    summary: 'Sign in with e-mail and password; sets the HttpOnly session cookie.',
    description:
      'Then call GET /api/session for the person and the CSRF token. Any wrong e-mail, password or inactive account gets the same 401 `invalid_credentials`. Also sets a device cookie: a browser that signed in to this account before is judged by its own failure count, not by the limits of unknown devices, so nobody can lock its owner out.',
    ok: 'noContent',
    okDescription: 'Signed in; the session cookie is set.',
    errors: ['invalid_credentials', 'rate_limited', 'csrf_failed'],
    errorText: {
      429: '`rate_limited`, with Retry-After (seconds).',
      403: '`csrf_failed`: foreign Origin, or a current session without its X-CSRF-Token.',
    },
  })
  async signIn(
    @Body() body: LoginDto,
    @Req() req: AccessRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    let signedIn: { personId: string; deviceToken: string };
    try {
      signedIn = await this.login.verify(body.email, body.password, {
        address: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        deviceToken: readDeviceCookie(req, this.config),
      });
    } catch (err) {
      if (err instanceof TooManyAttempts) res.setHeader('Retry-After', String(err.retryAfterSeconds));
      throw err;
    }
    await openSession(this.sessions, this.config, req, res, signedIn.personId, 'local');
    setDeviceCookie(res, this.config, signedIn.deviceToken);
  }

  @Post('logout')
  @Endpoint({
    permission: { public: true },
    operationId: 'logout',
    summary: 'Sign out: ends the session on the server and clears the cookie.',
    ok: 'noContent',
    okDescription: 'Signed out (also when there was no session).',
  })
  async signOut(@Req() req: AccessRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    if (req.sessionTokenHash) await this.sessions.end(req.sessionTokenHash, 'logout');
    clearSessionCookie(res, this.config);
  }

  // A redirect (302), which @Endpoint does not describe: the few decorators stay hand-written.
  @Get('oidc/start')
  @PublicRoute()
  @ApiOperation({
    operationId: 'startOidcSignIn',
    summary: 'Starts single sign-on: redirects to the identity provider.',
    description: 'Navigate the browser here (not fetch). Refusals come back as a redirect to `/?signin_error=<code>`.',
  })
  @ApiFoundResponse({ description: 'Redirect to the identity provider, or to `/?signin_error=sso_disabled`.' })
  async oidcStart(@Query() query: OidcStartQueryDto, @Res() res: Response): Promise<void> {
    try {
      const { url, state } = await this.oidc.start(query.returnTo);
      appendSetCookie(
        res,
        serialize(
          this.stateCookieName,
          Buffer.from(JSON.stringify(state)).toString('base64url'),
          this.stateCookieOptions(OIDC_STATE_MAX_AGE_SECONDS),
        ),
      );
      res.redirect(302, url);
    } catch (err) {
      this.refuse(res, err);
    }
  }

  @Get('oidc/callback')
  @PublicRoute()
  @ApiOperation({
    operationId: 'oidcCallback',
    summary: 'Where the identity provider sends the browser back; signs in and redirects to returnTo.',
  })
  @ApiFoundResponse({ description: 'Redirect to the saved returnTo (signed in) or to `/?signin_error=<code>`.' })
  async oidcCallback(@Req() req: AccessRequest, @Res() res: Response): Promise<void> {
    const saved = this.readState(req);
    // Single use: whatever happens, this browser's round trip is over (a replayed callback finds nothing).
    appendSetCookie(res, serialize(this.stateCookieName, '', this.stateCookieOptions(0)));
    try {
      const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
      const personId = await this.oidc.finish(query, saved);
      await openSession(this.sessions, this.config, req, res, personId, 'oidc');
      res.redirect(302, saved?.returnTo ?? '/');
    } catch (err) {
      this.refuse(res, err);
    }
  }

  /**
   * The verifier, state, nonce and returnTo wait in a short-lived HttpOnly cookie rather than a table:
   * no row to write or clean up for abandoned attempts, and any replica can finish the flow. It needs no
   * signature: each value is a random single-use secret of this browser checked by the library against
   * the provider's answer (a forged cookie can only make the exchange fail), and returnTo is checked
   * again before use. Over https the `__Host-` prefix stops a sibling subdomain from planting one.
   */
  private get stateCookieName(): string {
    return isSecure(this.config) ? '__Host-eclore_oidc' : 'eclore_oidc';
  }

  private stateCookieOptions(maxAge: number) {
    return { httpOnly: true, sameSite: 'lax' as const, secure: isSecure(this.config), path: '/', maxAge };
  }

  private readState(req: AccessRequest): OidcLoginState | null {
    const raw = readCookie(req, this.stateCookieName);
    if (!raw) return null;
    try {
      const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<OidcLoginState>;
      if (
        typeof value.verifier !== 'string' ||
        typeof value.state !== 'string' ||
        typeof value.nonce !== 'string' ||
        typeof value.returnTo !== 'string' ||
        typeof value.iat !== 'number'
      )
        return null;
      return value as OidcLoginState;
    } catch {
      return null;
    }
  }

  private refuse(res: Response, err: unknown): void {
    if (!(err instanceof OidcSignInRefused)) throw err;
    res.redirect(302, `/?signin_error=${err.code}`);
  }
}

@ApiTags('auth')
@Controller('session')
export class SessionController {
  @Get()
  // Public: a visitor asking "who am I?" is told "nobody" (204), not refused — a 401 here would be
  // logged as an error by the browser on every signed-out page. An ended or unknown cookie is still
  // cleared by the guard.
  @Endpoint({
    permission: { public: true },
    operationId: 'getSession',
    summary: 'The signed-in person, their roles and the CSRF token; 204 (no body) when signed out.',
    ok: SessionDto,
  })
  @ApiNoContentResponse({ description: 'Signed out: no valid session (an ended or unknown cookie is cleared).' })
  current(@Req() req: AccessRequest, @Res({ passthrough: true }) res: Response): SessionDto | undefined {
    if (!req.session) {
      res.status(204);
      return undefined;
    }
    const { person, session, actor } = req.session;
    return {
      person: {
        id: person.id,
        givenName: person.givenName,
        familyName: person.familyName,
        email: person.email,
        orgUnit: person.orgUnit
          ? { id: person.orgUnit.id, code: person.orgUnit.code, name: person.orgUnit.name }
          : null,
        locale: person.locale,
      },
      roles: actor.assignments.map((a) => ({ role: a.role, scope: { ...a.scope } })),
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
    };
  }
}
