/**
 * Short-lived signed session tokens: `base64url(claims).base64url(HMAC-SHA256)`. A customer's token is scoped
 * to one account (issued after identity verification); staff tokens carry the role. Verification checks the
 * signature in constant time before reading anything, then the expiry.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../errors';

export type Role = 'customer' | 'agent' | 'supervisor';

/**
 * How a customer session was earned, carried in the signed token: decisions with legal weight (a debit
 * mandate) check it and record it.
 */
export interface SessionVerification {
  readonly method: 'date_of_birth_and_one_time_code';
  /** Where the code went. */
  readonly channel: 'sms' | 'email';
  readonly verifiedAt: string;
  /**
   * Whether anyone at the bank could have read the code (it was kept readable somewhere). Never, since codes
   * are stored redacted; sessions without this record (issued before) are not trusted with a mandate.
   */
  readonly codeVisibleToStaff: boolean;
}

export interface SessionClaims {
  /** Who: the customer's account id, or the staff user's id. */
  readonly sub: string;
  readonly role: Role;
  /** The only account a customer token opens. */
  readonly accountId?: string;
  /** Seconds since the epoch. */
  readonly iat: number;
  readonly exp: number;
  /** Customers only: how they proved who they are. */
  readonly verification?: SessionVerification;
}

/** Customers re-verify after this; short, since the token opens their financial details. */
export const CUSTOMER_SESSION_SECONDS = 30 * 60;
/** Longest key accepted is any; shortest is 32 bytes, the HMAC-SHA256 block strength. */
const MIN_KEY_BYTES = 32;

export class Unauthenticated extends Error {
  override readonly name = 'Unauthenticated';
  constructor(
    readonly code: 'TOKEN_MISSING' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED',
    message: string,
  ) {
    super(message);
  }
}

export function issueToken(key: Buffer, claims: SessionClaims): string {
  assertKey(key);
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${sign(key, body)}`;
}

export function verifyToken(key: Buffer, token: string | undefined, nowSeconds: number): SessionClaims {
  assertKey(key);
  if (!token) throw new Unauthenticated('TOKEN_MISSING', 'Sign in first.');
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0 || !sameSignature(sign(key, body), signature)) {
    throw new Unauthenticated('TOKEN_INVALID', 'The session token is not valid.');
  }
  const claims = parseClaims(body);
  if (!claims) throw new Unauthenticated('TOKEN_INVALID', 'The session token is not valid.');
  if (claims.exp <= nowSeconds) throw new Unauthenticated('TOKEN_EXPIRED', 'The session has expired.');
  return claims;
}

/** A customer may open only their own account; anyone else's is answered as if it did not exist. */
export function assertAccountAccess(claims: SessionClaims, accountId: string): void {
  if (claims.role !== 'customer') return;
  if (claims.accountId !== accountId) {
    throw new DomainError('not_found', 'ACCOUNT_NOT_FOUND', `No account ${accountId}.`);
  }
}

const sign = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest('base64url');

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function parseClaims(body: string): SessionClaims | undefined {
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<SessionClaims>;
    const roles: readonly string[] = ['customer', 'agent', 'supervisor'];
    const valid =
      typeof claims.sub === 'string' &&
      roles.includes(claims.role as string) &&
      Number.isInteger(claims.iat) &&
      Number.isInteger(claims.exp) &&
      (claims.role !== 'customer' || typeof claims.accountId === 'string') &&
      (claims.verification === undefined || validVerification(claims.verification));
    return valid ? (claims as SessionClaims) : undefined;
  } catch {
    return undefined;
  }
}

function validVerification(verification: Partial<SessionVerification>): boolean {
  return (
    verification.method === 'date_of_birth_and_one_time_code' &&
    (verification.channel === 'sms' || verification.channel === 'email') &&
    typeof verification.verifiedAt === 'string' &&
    typeof verification.codeVisibleToStaff === 'boolean'
  );
}

function assertKey(key: Buffer): void {
  if (key.length < MIN_KEY_BYTES)
    throw new Error(`A session signing key needs at least ${MIN_KEY_BYTES} bytes.`);
}
