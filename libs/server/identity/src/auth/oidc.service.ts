import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Configuration } from 'openid-client';
import type { DataSource } from 'typeorm';
import { AppConfig } from '@eclore/server-platform';
import { AuthRepository } from './auth.repository';
import { RELATIVE_PATH } from './auth.dto';

/** The transient state of one sign-in round trip, kept in the browser until the callback. */
export interface OidcLoginState {
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
  /** Issued at (ms since epoch). */
  iat: number;
}

/** Stable codes the web shows (translated) after a refused single sign-on: `/?signin_error=<code>`. */
export type OidcFailure =
  | 'sso_disabled'
  | 'sso_failed'
  | 'sso_expired'
  | 'sso_email_unverified'
  | 'sso_unknown_person'
  | 'sso_inactive'
  | 'sso_account_conflict';

export class OidcSignInRefused extends Error {
  constructor(
    readonly code: OidcFailure,
    detail?: string,
  ) {
    super(detail ?? code);
  }
}

export const OIDC_STATE_MAX_AGE_SECONDS = 600;
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

type OpenIdClient = typeof import('openid-client');

/**
 * OpenID Connect sign-in with openid-client: authorization code flow with PKCE (S256), `state` and
 * `nonce` checked by the library. People are keyed by (issuer, `sub`) in external_identity; the first
 * sign-in links the directory person with the same verified e-mail (case-insensitive), later ones use
 * `sub` only, so an e-mail change on either side does not break or hijack the link.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('OidcService');
  private configuration: Promise<Configuration> | undefined;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthRepository,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.OIDC_ISSUER_URL && this.config.OIDC_CLIENT_ID);
  }

  get redirectUri(): string {
    return new URL(OIDC_CALLBACK_PATH, this.config.PUBLIC_URL).toString();
  }

  /** Builds the authorization URL and the state to keep until the callback. */
  async start(returnTo: string | undefined): Promise<{ url: string; state: OidcLoginState }> {
    if (!this.enabled) throw new OidcSignInRefused('sso_disabled');
    const client = await loadClient();
    const configuration = await this.discover();
    const state: OidcLoginState = {
      verifier: client.randomPKCECodeVerifier(),
      state: client.randomState(),
      nonce: client.randomNonce(),
      returnTo: returnTo && RELATIVE_PATH.test(returnTo) ? returnTo : '/',
      iat: Date.now(),
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(state.verifier),
      code_challenge_method: 'S256',
      state: state.state,
      nonce: state.nonce,
    });
    return { url: url.toString(), state };
  }

  /**
   * Exchanges the code (the library checks state, PKCE verifier, nonce and the ID token's signature,
   * issuer, audience and expiry), then finds the person. Returns their id or throws OidcSignInRefused.
   */
  async finish(callbackQuery: string, saved: OidcLoginState | null): Promise<string> {
    if (!this.enabled) throw new OidcSignInRefused('sso_disabled');
    if (!saved) throw new OidcSignInRefused('sso_expired', 'no sign-in in progress in this browser');
    if (Date.now() - saved.iat > OIDC_STATE_MAX_AGE_SECONDS * 1000) throw new OidcSignInRefused('sso_expired');
    const client = await loadClient();
    const configuration = await this.discover();
    const currentUrl = new URL(this.redirectUri);
    currentUrl.search = callbackQuery;
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: saved.verifier,
        expectedState: saved.state,
        expectedNonce: saved.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('no ID token');
      claims = { ...idClaims };
      // Most providers put e-mail claims only in the UserInfo response for the `email` scope.
      if (configuration.serverMetadata().userinfo_endpoint) {
        const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
        claims = {
          ...userInfo,
          ...idClaims,
          email: userInfo.email ?? idClaims['email'],
          email_verified: userInfo.email_verified ?? idClaims['email_verified'],
        };
      }
    } catch (err) {
      // The library's message says which check failed; it contains no token.
      this.logger.warn(
        { err: { name: (err as Error).name, message: (err as Error).message, code: (err as { code?: unknown }).code } },
        'OpenID Connect callback refused',
      );
      throw new OidcSignInRefused('sso_failed');
    }
    return this.link(configuration.serverMetadata().issuer, claims);
  }

  /** (issuer, sub) first; else the first sign-in: the active person with this verified e-mail. */
  private async link(issuer: string, claims: Record<string, unknown>): Promise<string> {
    const subject = String(claims['sub']);
    return this.dataSource.transaction(async (manager) => {
      const known = await this.auth.externalIdentity(issuer, subject, manager);
      if (known?.person) {
        if (!known.person.active) throw new OidcSignInRefused('sso_inactive');
        await this.auth.touchExternalIdentity(known.id, manager);
        return known.person.id;
      }
      const email = typeof claims['email'] === 'string' ? claims['email'].trim() : '';
      if (!email) throw new OidcSignInRefused('sso_email_unverified', 'no e-mail claim');
      if (claims['email_verified'] !== true) throw new OidcSignInRefused('sso_email_unverified');
      const person = await this.auth.personByEmail(email, manager);
      if (!person) throw new OidcSignInRefused('sso_unknown_person');
      if (!person.active) throw new OidcSignInRefused('sso_inactive');
      // A person already linked to another account of the same provider is not silently re-linked:
      // a recycled e-mail address must not hand someone else's history to a newcomer.
      if (await this.auth.externalIdentityOfPerson(issuer, person.id, manager))
        throw new OidcSignInRefused('sso_account_conflict');
      await this.auth.linkExternalIdentity({ issuer, subject, personId: person.id }, manager);
      return person.id;
    });
  }

  /** Discovery once per process; a failure is not cached, so the next sign-in tries again. */
  private discover(): Promise<Configuration> {
    if (!this.enabled) throw new OidcSignInRefused('sso_disabled');
    this.configuration ??= (async () => {
      const client = await loadClient();
      const issuer = new URL(this.config.OIDC_ISSUER_URL!);
      const secret = this.config.OIDC_CLIENT_SECRET;
      return client.discovery(
        issuer,
        this.config.OIDC_CLIENT_ID!,
        secret ? { client_secret: secret } : undefined,
        secret ? client.ClientSecretBasic(secret) : client.None(),
        {
          // Plain-http issuers exist only on a developer's machine or in tests; production requires https.
          execute: issuer.protocol === 'http:' && !this.config.isProduction ? [client.allowInsecureRequests] : [],
          timeout: 10,
        },
      );
    })().catch((err: unknown) => {
      this.configuration = undefined;
      this.logger.error({ err }, 'OpenID Connect discovery failed');
      throw new OidcSignInRefused('sso_failed');
    });
    return this.configuration;
  }
}

/**
 * openid-client 6 is an ES module: loaded only when single sign-on is used (Node ≥ 20.19, so every Node we support, can require
 * it from the CommonJS build), so processes and tests that never sign in with SSO never load it.
 */
function loadClient(): Promise<OpenIdClient> {
  return import('openid-client');
}
