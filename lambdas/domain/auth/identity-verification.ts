/**
 * How a customer proves who they are before the portal opens their account: account reference and date of
 * birth, then a one-time code sent to the phone or e-mail on file. A right code gives a session token scoped
 * to that account only, which records how the customer was verified.
 *
 * Guessing stays infeasible, and strangers cannot lock the owner out:
 * - **Per source**: each caller (IP address) has a small allowance of failed attempts per window, counted in
 *   the store with conditional writes (exact across Lambda instances); past it, 429 until the window ends.
 * - **Per account, exponential back-off**: after a few failures in a row the account is *guarded* for 1, 2,
 *   4 … minutes (up to an hour), growing with every further failure. While guarded, the date-of-birth step
 *   answers every request alike ("if the details match, a code is on its way"), so a guess learns nothing,
 *   yet the right date of birth still sends a fresh code to the owner's registered channel.
 * - **Codes**: at most one every minute and five an hour per account; each is bound to a verification id
 *   that only the caller who gave the right date of birth receives, so nobody else can guess at it or use up
 *   its tries (five wrong codes void it).
 * - **The owner is told**: the first time failures pile up (at most once a day) a security notice goes to the
 *   registered channel, and the next sign-in reports the failed attempts since the last one.
 *
 * Outside a back-off, a wrong date of birth and an unknown account get the same answer, so the reply never
 * reveals whether an account exists.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Account } from '../accounts/account';
import { DomainError, tooManyRequests } from '../errors';
import type { AccountRepository, Clock } from '../ports';
import { CUSTOMER_SESSION_SECONDS, issueToken, type SessionVerification } from './session-token';

export const CODE_MINUTES = 10;
/** The owner may ask for a fresh code this often … */
export const MIN_SECONDS_BETWEEN_CODES = 60;
/** … and this many times in an hour. */
export const MAX_CODES_PER_HOUR = 5;
/** Wrong codes against one verification id before it is void. */
export const MAX_GUESSES_PER_CODE = 5;
/** Failures in a row (since the last sign-in) that start the back-off and tell the owner. */
export const BACKOFF_AFTER_FAILURES = 3;
export const FIRST_BACKOFF_SECONDS = 60;
export const MAX_BACKOFF_SECONDS = 3600;
/** Failed attempts one source may make per window, over every account. */
export const SOURCE_FAILURES_PER_WINDOW = 20;
export const SOURCE_WINDOW_SECONDS = 15 * 60;
/** The owner hears about failed attempts at most this often. */
const NOTICE_EVERY_HOURS = 24;
const HOUR_MS = 3_600_000;

/** The code on its way: what is kept of it is hashed, bound to the verification id only its requester got. */
export interface PendingCode {
  readonly idHash: string;
  readonly codeHash: string;
  readonly channel: 'sms' | 'email';
  readonly expiresAt: string;
  readonly wrongGuesses: number;
}

/** One account's verification state; `version` makes every change conditional on the one read. */
export interface VerificationRecord {
  readonly accountId: string;
  readonly version: number;
  /** Failed attempts (date of birth or code) since the last sign-in. */
  readonly failedAttempts: number;
  readonly lastFailureAt?: string;
  /** While in the future, the date-of-birth step answers every request alike. */
  readonly backoffUntil?: string;
  /** When codes were sent in the last hour. */
  readonly codesSentAt: readonly string[];
  readonly pending?: PendingCode;
  /** When the owner was last told about failed attempts. */
  readonly noticeSentAt?: string;
}

export interface VerificationStore {
  get(accountId: string): Promise<VerificationRecord | undefined>;
  /** Writes `record` (version + 1 of what was read); false when someone else changed it first. */
  save(record: VerificationRecord): Promise<boolean>;
}

/** Codes go by text to customers who consented to texts and have a number, else by e-mail. */
export const codeChannelOf = (account: Account): 'sms' | 'email' =>
  account.customer.contactPreferences.smsConsent && account.customer.phone ? 'sms' : 'email';

/** Sends the code to the channel `codeChannelOf` names; returns where it went, masked. */
export interface CodeSender {
  send(accountId: string, code: string): Promise<{ channel: 'sms' | 'email'; maskedTo: string }>;
}

/** Failed attempts counted per caller, exactly, across every instance of the function. */
export interface AttemptThrottle {
  /**
   * Takes one attempt from the source's allowance for the window around `now`; the seconds until the window
   * ends when none is left.
   */
  take(source: string, now: Date): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>;
  /** Gives an attempt back: it did not fail, and only failures count. */
  giveBack(source: string, now: Date): Promise<void>;
}

/** Tells the owner, on their registered channel, that someone keeps failing to sign in as them. */
export interface SecurityNotifier {
  /** Never throws: a notice that cannot go is the implementation's to report, not the caller's problem. */
  failedAttempts(accountId: string, at: Date): Promise<void>;
}

export interface VerificationDeps {
  readonly accounts: AccountRepository;
  readonly verifications: VerificationStore;
  readonly codes: CodeSender;
  readonly throttle: AttemptThrottle;
  readonly notices: SecurityNotifier;
  readonly clock: Clock;
  /** Six random digits; injected so tests can know the code. */
  readonly newCode: () => string;
  /** An unguessable id (128 random bits) for each code requested. */
  readonly newVerificationId: () => string;
  readonly signingKey: Buffer;
}

export type CodeRequest =
  /** The details matched and the code went to the channel named (masked). */
  | {
      readonly delivery: 'sent';
      readonly verificationId: string;
      readonly channel: 'sms' | 'email';
      readonly maskedTo: string;
      readonly expiresAt: string;
    }
  /** The account is backing off: the same answer whatever was sent, and a code only if the details matched. */
  | { readonly delivery: 'if_details_match'; readonly verificationId: string; readonly expiresAt: string };

export interface VerifiedSession {
  readonly token: string;
  readonly expiresAt: string;
  /** Failed attempts since the customer last signed in: the portal tells them, in case it was not them. */
  readonly failedAttemptsSinceLastSignIn: number;
}

const failed = () =>
  new DomainError('invalid', 'VERIFICATION_FAILED', 'Those details do not match our records.');

export async function requestCode(
  deps: VerificationDeps,
  request: { accountId: string; dateOfBirth: string; source: string },
): Promise<CodeRequest> {
  const now = deps.clock.now();
  await takeAttempt(deps, request.source, now);
  let failure = true;
  try {
    const account = await deps.accounts.get(request.accountId);
    const matches = account !== undefined && account.customer.dateOfBirth === request.dateOfBirth;
    const verificationId = deps.newVerificationId();
    const expiresAt = new Date(now.getTime() + CODE_MINUTES * 60_000).toISOString();
    const code = deps.newCode();
    let decision = 'failed' as 'send' | 'failed' | 'too_soon' | 'too_many';
    let guarded = false;
    let retryAfterSeconds = 0;
    let notify = false;
    await change(deps, request.accountId, (record) => {
      guarded = backingOff(record, now);
      const sentLastHour = record.codesSentAt.filter((at) => Date.parse(at) > now.getTime() - HOUR_MS);
      const lastSent = sentLastHour.map(Date.parse).reduce((a, b) => Math.max(a, b), 0);
      if (!matches || !account) {
        decision = 'failed';
        const next = failureOf(record, now);
        notify = next.noticeSentAt !== record.noticeSentAt;
        return next;
      }
      notify = false;
      if (lastSent > now.getTime() - MIN_SECONDS_BETWEEN_CODES * 1000) {
        decision = 'too_soon';
        retryAfterSeconds = (lastSent + MIN_SECONDS_BETWEEN_CODES * 1000 - now.getTime()) / 1000;
        return undefined;
      }
      if (sentLastHour.length >= MAX_CODES_PER_HOUR) {
        decision = 'too_many';
        const oldest = sentLastHour.map(Date.parse).reduce((a, b) => Math.min(a, b));
        retryAfterSeconds = (oldest + HOUR_MS - now.getTime()) / 1000;
        return undefined;
      }
      decision = 'send';
      return {
        ...record,
        codesSentAt: [...sentLastHour, now.toISOString()],
        pending: {
          idHash: keyed(deps.signingKey, `${request.accountId}:id:${verificationId}`),
          codeHash: keyed(deps.signingKey, `${request.accountId}:${verificationId}:${code}`),
          channel: codeChannelOf(account),
          expiresAt,
          wrongGuesses: 0,
        },
      };
    });
    failure = decision === 'failed';
    if (notify && account) await deps.notices.failedAttempts(request.accountId, now);
    // While backing off, every answer is the same: only the owner's phone or mailbox learns what happened.
    if (guarded) {
      if (decision === 'send') await deps.codes.send(request.accountId, code);
      return { delivery: 'if_details_match', verificationId, expiresAt };
    }
    if (decision === 'failed') throw failed();
    if (decision === 'too_soon') {
      throw tooManyRequests(
        'CODE_RECENTLY_SENT',
        `A code was sent less than ${MIN_SECONDS_BETWEEN_CODES} seconds ago: use it, or ask again shortly.`,
        retryAfterSeconds,
      );
    }
    if (decision === 'too_many') {
      throw tooManyRequests(
        'TOO_MANY_CODES',
        `At most ${MAX_CODES_PER_HOUR} codes are sent in an hour: use the last one, or ask again later.`,
        retryAfterSeconds,
      );
    }
    const sent = await deps.codes.send(request.accountId, code);
    return { delivery: 'sent', verificationId, ...sent, expiresAt };
  } finally {
    if (!failure) await deps.throttle.giveBack(request.source, now);
  }
}

export async function confirmCode(
  deps: VerificationDeps,
  request: { accountId: string; verificationId: string; code: string; source: string },
): Promise<VerifiedSession> {
  const now = deps.clock.now();
  await takeAttempt(deps, request.source, now);
  let accepted: { channel: 'sms' | 'email'; failedBefore: number } | undefined;
  let notify = false;
  await change(deps, request.accountId, (record) => {
    const pending = record.pending;
    const ours =
      pending !== undefined &&
      pending.expiresAt > now.toISOString() &&
      sameHash(pending.idHash, keyed(deps.signingKey, `${request.accountId}:id:${request.verificationId}`));
    const right =
      ours &&
      sameHash(
        pending.codeHash,
        keyed(deps.signingKey, `${request.accountId}:${request.verificationId}:${request.code}`),
      );
    if (right) {
      accepted = { channel: pending.channel, failedBefore: record.failedAttempts };
      // A code works once; signing in clears the failures and the back-off.
      const { accountId, version, codesSentAt, noticeSentAt } = record;
      return { accountId, version, failedAttempts: 0, codesSentAt, noticeSentAt };
    }
    accepted = undefined;
    const next = failureOf(record, now);
    notify = next.noticeSentAt !== record.noticeSentAt;
    if (!ours) return { ...next, pending: expired(pending, now) ? undefined : pending };
    const wrongGuesses = pending.wrongGuesses + 1;
    return {
      ...next,
      pending: wrongGuesses >= MAX_GUESSES_PER_CODE ? undefined : { ...pending, wrongGuesses },
    };
  });
  if (!accepted) {
    if (notify && (await deps.accounts.get(request.accountId))) {
      await deps.notices.failedAttempts(request.accountId, now);
    }
    throw failed();
  }
  await deps.throttle.giveBack(request.source, now);
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + CUSTOMER_SESSION_SECONDS;
  const verification: SessionVerification = {
    method: 'date_of_birth_and_one_time_code',
    channel: accepted.channel,
    verifiedAt: now.toISOString(),
    // Codes exist only in the message to the customer's own phone or mailbox; every stored copy is redacted.
    codeVisibleToStaff: false,
  };
  const token = issueToken(deps.signingKey, {
    sub: request.accountId,
    role: 'customer',
    accountId: request.accountId,
    iat,
    exp,
    verification,
  });
  return {
    token,
    expiresAt: new Date(exp * 1000).toISOString(),
    failedAttemptsSinceLastSignIn: accepted.failedBefore,
  };
}

async function takeAttempt(deps: VerificationDeps, source: string, now: Date): Promise<void> {
  const taken = await deps.throttle.take(source, now);
  if (!taken.allowed) {
    throw tooManyRequests(
      'VERIFICATION_THROTTLED',
      'Too many failed attempts from your network: please wait before trying again.',
      taken.retryAfterSeconds,
    );
  }
}

const backingOff = (record: VerificationRecord, now: Date) =>
  record.backoffUntil !== undefined && record.backoffUntil > now.toISOString();

const expired = (pending: PendingCode | undefined, now: Date) =>
  pending !== undefined && pending.expiresAt <= now.toISOString();

/** One more failure: the back-off starts, or doubles; the owner is told when failures first pile up. */
function failureOf(record: VerificationRecord, now: Date): VerificationRecord {
  const failedAttempts = record.failedAttempts + 1;
  const over = failedAttempts - BACKOFF_AFTER_FAILURES;
  const backoffSeconds =
    over < 0 ? 0 : Math.min(FIRST_BACKOFF_SECONDS * 2 ** Math.min(over, 20), MAX_BACKOFF_SECONDS);
  const noticeDue =
    failedAttempts >= BACKOFF_AFTER_FAILURES &&
    (record.noticeSentAt === undefined ||
      Date.parse(record.noticeSentAt) <= now.getTime() - NOTICE_EVERY_HOURS * HOUR_MS);
  return {
    ...record,
    failedAttempts,
    lastFailureAt: now.toISOString(),
    ...(backoffSeconds > 0
      ? { backoffUntil: new Date(now.getTime() + backoffSeconds * 1000).toISOString() }
      : {}),
    ...(noticeDue ? { noticeSentAt: now.toISOString() } : {}),
  };
}

/**
 * Applies `next` to the current record, retrying when a concurrent attempt changed it first; `undefined`
 * changes nothing.
 */
async function change(
  deps: VerificationDeps,
  accountId: string,
  next: (record: VerificationRecord) => VerificationRecord | undefined,
): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const current = (await deps.verifications.get(accountId)) ?? {
      accountId,
      version: 0,
      failedAttempts: 0,
      codesSentAt: [],
    };
    const wanted = next(current);
    if (!wanted) return;
    if (await deps.verifications.save({ ...wanted, version: current.version + 1 })) return;
  }
  // Twenty concurrent changes in a row is an attack, not a customer.
  throw failed();
}

/** Keyed, so a leaked table gives neither the codes nor the ids away to a million guesses. */
const keyed = (key: Buffer, value: string) => createHmac('sha256', key).update(value).digest('base64url');

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
