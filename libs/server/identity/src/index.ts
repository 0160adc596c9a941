export * from './entities';
export * from './access/permission.decorator';
export * from './audit/audit.service';
export { pseudonymsOfSubject } from './audit/audit-pseudonym.repository';
export * from './audit/audit.module';
export * from './identity.module';
export * from './access/access.module';
export * from './access/access.service';
export { AccessGuard, CSRF_HEADER, type AccessRequest } from './access/access.guard';
export { SessionService, hashSessionToken, type SessionEndReason, type ResolvedSession } from './auth/session.service';
export { SESSION_COOKIE, readCookie, sessionCookieName } from './auth/session-cookie';
export {
  checkPasswordPolicy,
  hashPassword,
  verifyPassword,
  PASSWORD_MIN_LENGTH,
  PASSWORD_MAX_LENGTH,
} from './auth/password';
export * from './directory';
export { RequestId } from './roles/request-id';
export * from './personal-data';
export * from './people/people.reads';
