/**
 * Staff for the local runtime, in place of the Cognito user pool: `POST /_local/login {"user": "alice"}` gives
 * a session token with the user's role, for the console and for curl. Never deployed.
 */
import { issueToken, type Role } from '../lambdas/domain/auth/session-token';

export interface DevUser {
  readonly user: string;
  readonly name: string;
  readonly role: Exclude<Role, 'customer'>;
}

export const DEV_USERS: readonly DevUser[] = [
  { user: 'alice', name: 'Alice Agent', role: 'agent' },
  { user: 'ben', name: 'Ben Agent', role: 'agent' },
  { user: 'sam', name: 'Sam Supervisor', role: 'supervisor' },
];

/** A working day. */
const STAFF_SESSION_SECONDS = 8 * 3600;

export function devLogin(key: Buffer, user: string, now = new Date()) {
  const devUser = DEV_USERS.find((candidate) => candidate.user === user);
  if (!devUser) return undefined;
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + STAFF_SESSION_SECONDS;
  return {
    ...devUser,
    token: issueToken(key, { sub: devUser.user, role: devUser.role, iat, exp }),
    expiresAt: new Date(exp * 1000).toISOString(),
  };
}
