import type { Role } from '../navigation/navigation';

export interface Session {
  signedIn: boolean;
  roles: readonly Role[];
}

const SIGNED_OUT: Session = { signedIn: false, roles: [] };

/**
 * The current person. Identity (GET /api/session, HttpOnly cookie) arrives in a later issue; until
 * then everyone is a signed-out visitor, and the shell shows only what such a visitor may see.
 */
export function useSession(): Session {
  return SIGNED_OUT;
}
