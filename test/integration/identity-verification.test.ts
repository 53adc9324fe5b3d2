/**
 * Identity verification on DynamoDB Local: codes and their limits, the per-source throttle, the per-account
 * back-off that strangers cannot turn into a lock-out, the owner told, and guessing in parallel.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoAccountRepository } from '../../lambdas/adapters/dynamodb/account-repository';
import {
  DynamoAttemptThrottle,
  DynamoVerificationStore,
} from '../../lambdas/adapters/dynamodb/verification-store';
import {
  BACKOFF_AFTER_FAILURES,
  CODE_MINUTES,
  type CodeRequest,
  confirmCode,
  FIRST_BACKOFF_SECONDS,
  MAX_CODES_PER_HOUR,
  MAX_GUESSES_PER_CODE,
  MIN_SECONDS_BETWEEN_CODES,
  requestCode,
  SOURCE_FAILURES_PER_WINDOW,
  SOURCE_WINDOW_SECONDS,
  type VerificationDeps,
} from '../../lambdas/domain/auth/identity-verification';
import { assertAccountAccess, verifyToken } from '../../lambdas/domain/auth/session-token';
import { anAccount } from '../support/accounts';
import { freshTables } from '../support/dynamodb';

const KEY = Buffer.alloc(32, 7);
const DOB = '1980-04-02';
const START = new Date('2026-11-23T10:00:00.000Z');
const OWNER = '198.51.100.7';
const STRANGER = '203.0.113.66';
let tables: Awaited<ReturnType<typeof freshTables>>;
let sequence = 0;

beforeAll(async () => {
  tables = await freshTables();
});

async function customer() {
  sequence += 1;
  const accountId = `ACC-${String(700_000 + sequence)}`;
  await tables.db.send(new PutCommand({ TableName: tables.names.accounts, Item: anAccount({ accountId }) }));
  const clock = { now: START };
  const sent: string[] = [];
  const notices: string[] = [];
  let nextCode = 100_000;
  let nextId = 0;
  const deps: VerificationDeps = {
    accounts: new DynamoAccountRepository(tables.db, tables.names.accounts),
    verifications: new DynamoVerificationStore(tables.db, tables.names.verifications),
    codes: {
      send: async (_accountId, code) => {
        sent.push(code);
        return { channel: 'sms', maskedTo: '+1-•••-•••-••00' };
      },
    },
    throttle: new DynamoAttemptThrottle(tables.db, tables.names.verifications, {
      attempts: SOURCE_FAILURES_PER_WINDOW,
      windowSeconds: SOURCE_WINDOW_SECONDS,
    }),
    notices: {
      failedAttempts: async (id, at) => {
        notices.push(`${id}@${at.toISOString()}`);
      },
    },
    clock: { now: () => clock.now },
    newCode: () => {
      nextCode += 1;
      return String(nextCode);
    },
    newVerificationId: () => {
      nextId += 1;
      return `verification-${sequence}-${String(nextId).padStart(6, '0')}`;
    },
    signingKey: KEY,
  };
  const later = (seconds: number) => {
    clock.now = new Date(clock.now.getTime() + seconds * 1000);
  };
  const ask = (dateOfBirth = DOB, source = OWNER) => requestCode(deps, { accountId, dateOfBirth, source });
  const confirm = (verificationId: string, code: string, source = OWNER) =>
    confirmCode(deps, { accountId, verificationId, code, source });
  return { accountId, deps, sent, notices, later, ask, confirm };
}

const code = (error: unknown) => (error as { code?: string }).code;
const outcomeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error) => code(error) ?? String(error),
  );
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { code?: string; retryAfterSeconds?: number }) => ({
      code: error.code,
      retryAfterSeconds: error.retryAfterSeconds,
    }),
  );

describe('identity verification', () => {
  it('sends a code for matching details; code and verification id open a session that says how it was verified', async () => {
    const c = await customer();
    const sent = await c.ask();
    expect(sent).toEqual({
      delivery: 'sent',
      verificationId: expect.any(String),
      channel: 'sms',
      maskedTo: '+1-•••-•••-••00',
      expiresAt: new Date(START.getTime() + CODE_MINUTES * 60_000).toISOString(),
    });
    const { verificationId } = sent as Extract<CodeRequest, { delivery: 'sent' }>;
    // The right code under someone else's verification id is no use.
    expect(await outcomeOf(c.confirm('verification-of-someone-else', c.sent[0]!))).toBe(
      'VERIFICATION_FAILED',
    );
    const session = await c.confirm(verificationId, c.sent[0]!);
    expect(session.failedAttemptsSinceLastSignIn).toBe(1);
    const claims = verifyToken(KEY, session.token, START.getTime() / 1000);
    expect(claims).toMatchObject({
      role: 'customer',
      accountId: c.accountId,
      sub: c.accountId,
      verification: {
        method: 'date_of_birth_and_one_time_code',
        channel: 'sms',
        verifiedAt: START.toISOString(),
        codeVisibleToStaff: false,
      },
    });
    expect(() => assertAccountAccess(claims, c.accountId)).not.toThrow();
    expect(() => assertAccountAccess(claims, 'ACC-SOMEONE-ELSE')).toThrow(
      expect.objectContaining({ code: 'ACCOUNT_NOT_FOUND' }),
    );
    // A code works once.
    expect(await outcomeOf(c.confirm(verificationId, c.sent[0]!))).toBe('VERIFICATION_FAILED');
  });

  it('answers a wrong date of birth and an unknown account alike, sending nothing', async () => {
    const c = await customer();
    const wrong = await outcomeOf(c.ask('1999-01-01'));
    const unknown = await outcomeOf(
      requestCode(c.deps, { accountId: 'ACC-NOBODY', dateOfBirth: DOB, source: OWNER }),
    );
    expect([wrong, unknown]).toEqual(['VERIFICATION_FAILED', 'VERIFICATION_FAILED']);
    expect(c.sent).toEqual([]);
  });

  it(`sends at most one code a minute and ${MAX_CODES_PER_HOUR} an hour: 20 requests, 5 codes`, async () => {
    const c = await customer();
    await c.ask();
    expect(await failure(c.ask())).toEqual({
      code: 'CODE_RECENTLY_SENT',
      retryAfterSeconds: MIN_SECONDS_BETWEEN_CODES,
    });
    c.later(30);
    expect(await failure(c.ask())).toEqual({ code: 'CODE_RECENTLY_SENT', retryAfterSeconds: 30 });
    const outcomes: string[] = [];
    for (let request = 0; request < 20; request++) {
      c.later(MIN_SECONDS_BETWEEN_CODES);
      outcomes.push(await outcomeOf(c.ask()));
    }
    expect(c.sent).toHaveLength(MAX_CODES_PER_HOUR);
    expect(outcomes.filter((outcome) => outcome === 'ok')).toHaveLength(MAX_CODES_PER_HOUR - 1);
    expect(new Set(outcomes.filter((outcome) => outcome !== 'ok'))).toEqual(new Set(['TOO_MANY_CODES']));
    // An hour after the first code, one more may go.
    c.later(3600 - 20 * MIN_SECONDS_BETWEEN_CODES - 30 + 1);
    expect(await outcomeOf(c.ask())).toBe('ok');
    expect(c.sent).toHaveLength(MAX_CODES_PER_HOUR + 1);
  });

  it('a stranger failing again and again never locks the owner out, and the owner is told once', async () => {
    const c = await customer();
    for (let attempt = 0; attempt < 5; attempt++) {
      const answer = await outcomeOf(c.ask(`1970-01-0${attempt + 1}`, STRANGER));
      // Explicit until the back-off starts; the same answer for every guess after.
      expect(answer).toBe(attempt < BACKOFF_AFTER_FAILURES ? 'VERIFICATION_FAILED' : 'ok');
    }
    expect(c.sent).toEqual([]);
    expect(c.notices).toEqual([`${c.accountId}@${START.toISOString()}`]);

    // The owner, from their own phone: the right date of birth still sends a fresh code to their channel.
    const answer = await c.ask(DOB, OWNER);
    expect(answer).toEqual({
      delivery: 'if_details_match',
      verificationId: expect.any(String),
      expiresAt: expect.any(String),
    });
    expect(c.sent).toHaveLength(1);
    const session = await c.confirm(answer.verificationId, c.sent[0]!);
    expect(session.failedAttemptsSinceLastSignIn).toBe(5);

    // Signed in: the back-off is over and the count starts again.
    c.later(MIN_SECONDS_BETWEEN_CODES);
    expect((await c.ask()).delivery).toBe('sent');
    expect(c.notices).toHaveLength(1);
  });

  it('while backing off, a wrong and a right date of birth get the same answer', async () => {
    const c = await customer();
    for (let attempt = 0; attempt < BACKOFF_AFTER_FAILURES; attempt++) await outcomeOf(c.ask('1970-01-01'));
    const wrong = await c.ask('1971-01-01', STRANGER);
    const right = await c.ask(DOB, STRANGER);
    expect(Object.keys(wrong).sort()).toEqual(Object.keys(right).sort());
    expect({ ...wrong, verificationId: '' }).toEqual({ ...right, verificationId: '' });
    expect(c.sent).toHaveLength(1);
    // Code limits are no oracle either: a second right guess within the minute sends nothing, answers alike.
    expect({ ...(await c.ask(DOB, STRANGER)), verificationId: '' }).toEqual({ ...wrong, verificationId: '' });
    expect(c.sent).toHaveLength(1);
  });

  it('backs off exponentially: each failure past the third doubles the wait before explicit answers return', async () => {
    const c = await customer();
    for (let attempt = 0; attempt < BACKOFF_AFTER_FAILURES; attempt++) await outcomeOf(c.ask('1970-01-01'));
    // Backing off for 1 minute.
    c.later(FIRST_BACKOFF_SECONDS - 1);
    expect((await c.ask('1970-01-02')).delivery).toBe('if_details_match'); // 4th failure: 2 minutes
    c.later(2 * FIRST_BACKOFF_SECONDS - 1);
    expect((await c.ask('1970-01-03')).delivery).toBe('if_details_match'); // 5th: 4 minutes
    c.later(4 * FIRST_BACKOFF_SECONDS - 1);
    expect((await c.ask('1970-01-04')).delivery).toBe('if_details_match'); // 6th: 8 minutes
    c.later(8 * FIRST_BACKOFF_SECONDS + 1);
    expect(await outcomeOf(c.ask('1970-01-05'))).toBe('VERIFICATION_FAILED');
  });

  it(`throttles a source after ${SOURCE_FAILURES_PER_WINDOW} failures in a window, over every account; successes do not count`, async () => {
    const accounts = await Promise.all([customer(), customer(), customer(), customer(), customer()]);
    const source = '192.0.2.200';
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < SOURCE_FAILURES_PER_WINDOW - 1; attempt++) {
      outcomes.push(await outcomeOf(accounts[attempt % 5]!.ask('1970-01-01', source)));
    }
    // A success in between gives its attempt back.
    const last = accounts[4]!;
    const fresh = await customer();
    expect(await outcomeOf(fresh.ask(DOB, source))).toBe('ok');
    outcomes.push(await outcomeOf(last.ask('1970-01-01', source)));
    expect(outcomes.every((outcome) => outcome === 'VERIFICATION_FAILED' || outcome === 'ok')).toBe(true);
    const refused = await failure(last.ask(DOB, source));
    expect(refused).toMatchObject({ code: 'VERIFICATION_THROTTLED' });
    expect(refused!.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused!.retryAfterSeconds).toBeLessThanOrEqual(SOURCE_WINDOW_SECONDS);
    // Any other caller is unaffected, and the throttled one is back in the next window.
    expect(await outcomeOf(fresh.ask(DOB, '192.0.2.201'))).toBe('CODE_RECENTLY_SENT');
    for (const c of [...accounts, fresh]) c.later(SOURCE_WINDOW_SECONDS);
    expect(await outcomeOf(last.ask('1970-01-01', source))).not.toBe('VERIFICATION_THROTTLED');
  });

  it("nobody without the verification id can guess at the owner's code or use up its tries", async () => {
    const c = await customer();
    const { verificationId } = await c.ask();
    for (let guess = 0; guess < 12; guess++) {
      expect(await outcomeOf(c.confirm(`stranger-guess-${guess}-00000`, '123456', STRANGER))).toBe(
        'VERIFICATION_FAILED',
      );
    }
    expect(await outcomeOf(c.confirm(verificationId, c.sent[0]!))).toBe('ok');
  });

  it(`voids a code after ${MAX_GUESSES_PER_CODE} wrong tries, even when 30 arrive at once`, async () => {
    const c = await customer();
    const { verificationId } = await c.ask();
    const guesses = Array.from({ length: 30 }, (_, index) => String(200_000 + index));
    const outcomes = await Promise.all(
      guesses.map((guess) => outcomeOf(c.confirm(verificationId, guess, `198.51.100.${index(guess)}`))),
    );
    expect(outcomes.every((outcome) => outcome === 'VERIFICATION_FAILED')).toBe(true);
    expect(await outcomeOf(c.confirm(verificationId, c.sent[0]!))).toBe('VERIFICATION_FAILED');
    // A fresh code works.
    c.later(MIN_SECONDS_BETWEEN_CODES);
    const again = await c.ask();
    expect(await outcomeOf(c.confirm(again.verificationId, c.sent[1]!))).toBe('ok');
  });

  it('counts 30 parallel failures from one source exactly: 20 evaluated, 10 throttled', async () => {
    const c = await customer();
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () =>
        outcomeOf(c.confirm('no-such-verification-id', '000000', '192.0.2.77')),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'VERIFICATION_FAILED')).toHaveLength(
      SOURCE_FAILURES_PER_WINDOW,
    );
    expect(outcomes.filter((outcome) => outcome === 'VERIFICATION_THROTTLED')).toHaveLength(
      30 - SOURCE_FAILURES_PER_WINDOW,
    );
  });

  it('refuses an expired code', async () => {
    const c = await customer();
    const { verificationId } = await c.ask();
    c.later(CODE_MINUTES * 60);
    expect(await outcomeOf(c.confirm(verificationId, c.sent[0]!))).toBe('VERIFICATION_FAILED');
  });
});

const index = (guess: string) => Number(guess) % 250;
