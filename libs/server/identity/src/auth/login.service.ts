import { Injectable } from '@nestjs/common';
import { DomainError } from '@eclore/domain';
import { AuthRepository } from './auth.repository';
import { deviceIdOf, issueDeviceToken } from './device-cookie';
import { LoginThrottle, type SignInAttempt } from './login-throttle';
import { dummyPasswordHash, verifyPassword } from './password';

export class InvalidCredentials extends DomainError {
  constructor() {
    super('unauthenticated', 'invalid_credentials', 'The e-mail address or the password is incorrect.');
  }
}

export interface SignInClient {
  address: string;
  /** The device cookie the browser sent, if any (checked against the account being signed in to). */
  deviceToken?: string | undefined;
}

/**
 * Local sign-in. An unknown e-mail, a wrong password, an SSO-only person and a deactivated person all
 * get the same answer after the same work (one argon2 verification, against a dummy hash when there
 * is no real one), so neither the answer nor its timing tells which accounts exist. Refusals by the
 * throttle are the same 429 whoever the account is.
 */
@Injectable()
export class LoginService {
  constructor(
    private readonly auth: AuthRepository,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Returns the person whose credentials these are and a fresh device cookie for this browser, or
   * throws InvalidCredentials / TooManyAttempts.
   */
  async verify(
    email: string,
    password: string,
    client: SignInClient,
  ): Promise<{ personId: string; deviceToken: string }> {
    const account = email.trim().toLowerCase();
    const row = await this.auth.credentialByEmail(account);
    const device = row?.password_hash ? deviceIdOf(client.deviceToken, row.id, row.password_hash) : null;
    const attempt: SignInAttempt = { account, address: client.address, device };
    await this.throttle.assertAllowed(attempt);
    const matches = await verifyPassword(row?.password_hash ?? (await dummyPasswordHash()), password);
    if (!row || !row.password_hash || !row.active || !matches) {
      await this.throttle.recordFailure(attempt);
      throw new InvalidCredentials();
    }
    await this.throttle.recordSuccess(attempt);
    return { personId: row.id, deviceToken: issueDeviceToken(row.id, row.password_hash) };
  }
}
