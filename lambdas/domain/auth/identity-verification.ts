/**
 * How a customer proves who they are before the portal opens their account: account reference and date of
 * birth, then a one-time code sent to their phone or e-mail on file. Five failures in a row (wrong details or
 * wrong codes, counted per account) lock verification for 30 minutes, so neither the date of birth nor the
 * code can be guessed. A right code gives a session token scoped to that account only.
 *
 * Failures say nothing about which detail was wrong, so the reply never reveals whether an account exists.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../errors';
import type { AccountRepository, Clock } from '../ports';
import { CUSTOMER_SESSION_SECONDS, issueToken } from './session-token';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 30;
export const CODE_MINUTES = 10;
const MS_PER_MINUTE = 60_000;

/** One account's verification state; `version` makes every change conditional on the one read. */
export interface VerificationRecord {
  readonly accountId: string;
  readonly version: number;
  readonly failedAttempts: number;
  readonly lockedUntil?: string;
  readonly codeHash?: string;
  readonly codeExpiresAt?: string;
}

export interface VerificationStore {
  get(accountId: string): Promise<VerificationRecord | undefined>;
  /** Writes `record` (version + 1 of what was read); false when someone else changed it first. */
  save(record: VerificationRecord): Promise<boolean>;
}

/** Sends the code through the outbox to a channel on file; returns where it went, masked. */
export interface CodeSender {
  send(accountId: string, code: string): Promise<{ channel: 'sms' | 'email'; maskedTo: string }>;
}

export interface VerificationDeps {
  readonly accounts: AccountRepository;
  readonly verifications: VerificationStore;
  readonly codes: CodeSender;
  readonly clock: Clock;
  /** Six random digits; injected so tests can know the code. */
  readonly newCode: () => string;
  readonly signingKey: Buffer;
}

const failed = () =>
  new DomainError('invalid', 'VERIFICATION_FAILED', 'Those details do not match our records.');
const locked = (until: string) =>
  new DomainError('conflict', 'VERIFICATION_LOCKED', `Too many attempts: try again after ${until}.`);

export async function requestCode(
  deps: VerificationDeps,
  request: { accountId: string; dateOfBirth: string },
): Promise<{ channel: 'sms' | 'email'; maskedTo: string; expiresAt: string }> {
  const account = await deps.accounts.get(request.accountId);
  const matches = account?.customer.dateOfBirth === request.dateOfBirth;
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + CODE_MINUTES * MS_PER_MINUTE).toISOString();
  const code = deps.newCode();
  await change(deps, request.accountId, (record) =>
    matches
      ? { ...record, codeHash: hashCode(deps.signingKey, request.accountId, code), codeExpiresAt: expiresAt }
      : failure(record, now),
  );
  if (!matches) throw failed();
  return { ...(await deps.codes.send(request.accountId, code)), expiresAt };
}

export async function confirmCode(
  deps: VerificationDeps,
  request: { accountId: string; code: string },
): Promise<{ token: string; expiresAt: string }> {
  const now = deps.clock.now();
  let accepted = false;
  await change(deps, request.accountId, (record) => {
    accepted =
      record.codeHash !== undefined &&
      record.codeExpiresAt !== undefined &&
      record.codeExpiresAt > now.toISOString() &&
      sameHash(record.codeHash, hashCode(deps.signingKey, request.accountId, request.code));
    // A code works once; success clears the failure count.
    return accepted
      ? { accountId: record.accountId, version: record.version, failedAttempts: 0 }
      : failure(record, now);
  });
  if (!accepted) throw failed();
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + CUSTOMER_SESSION_SECONDS;
  const token = issueToken(deps.signingKey, {
    sub: request.accountId,
    role: 'customer',
    accountId: request.accountId,
    iat,
    exp,
  });
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

/** Applies `next` to the current record, retrying when a concurrent attempt changed it first. */
async function change(
  deps: VerificationDeps,
  accountId: string,
  next: (record: VerificationRecord) => VerificationRecord,
): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const current = (await deps.verifications.get(accountId)) ?? { accountId, version: 0, failedAttempts: 0 };
    if (current.lockedUntil && current.lockedUntil > deps.clock.now().toISOString()) {
      throw locked(current.lockedUntil);
    }
    if (await deps.verifications.save({ ...next(current), version: current.version + 1 })) return;
  }
  // Twenty concurrent changes in a row is an attack, not a customer.
  throw failed();
}

function failure(record: VerificationRecord, now: Date): VerificationRecord {
  const failedAttempts = record.failedAttempts + 1;
  const lock = failedAttempts >= MAX_FAILED_ATTEMPTS;
  return {
    accountId: record.accountId,
    version: record.version,
    failedAttempts: lock ? 0 : failedAttempts,
    // A lock also voids any code sent: after it, the customer starts again.
    ...(lock ? { lockedUntil: new Date(now.getTime() + LOCK_MINUTES * MS_PER_MINUTE).toISOString() } : {}),
    ...(lock ? {} : { codeHash: record.codeHash, codeExpiresAt: record.codeExpiresAt }),
  };
}

/** Keyed, so a leaked table does not give the codes away to a million guesses. */
const hashCode = (key: Buffer, accountId: string, code: string) =>
  createHmac('sha256', key).update(`${accountId}:${code}`).digest('base64url');

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
