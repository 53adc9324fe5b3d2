/** Identity verification on DynamoDB Local: codes, failures, the lock, and guessing in parallel. */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoAccountRepository } from '../../lambdas/adapters/dynamodb/account-repository';
import { DynamoVerificationStore } from '../../lambdas/adapters/dynamodb/verification-store';
import {
  CODE_MINUTES,
  confirmCode,
  LOCK_MINUTES,
  MAX_FAILED_ATTEMPTS,
  requestCode,
  type VerificationDeps,
} from '../../lambdas/domain/auth/identity-verification';
import { assertAccountAccess, verifyToken } from '../../lambdas/domain/auth/session-token';
import { anAccount } from '../support/accounts';
import { freshTables } from '../support/dynamodb';

const KEY = Buffer.alloc(32, 7);
const DOB = '1980-04-02';
const START = new Date('2026-11-23T10:00:00.000Z');
let tables: Awaited<ReturnType<typeof freshTables>>;
let sequence = 0;

beforeAll(async () => {
  tables = await freshTables();
});

async function customer() {
  sequence += 1;
  const accountId = `ACC-${String(700_000 + sequence)}`;
  await tables.db.send(new PutCommand({ TableName: tables.names.accounts, Item: anAccount({ accountId }) }));
  let now = START;
  const sent: string[] = [];
  let nextCode = 100_000;
  const deps: VerificationDeps = {
    accounts: new DynamoAccountRepository(tables.db, tables.names.accounts),
    verifications: new DynamoVerificationStore(tables.db, tables.names.verifications),
    codes: {
      send: async (_accountId, code) => {
        sent.push(code);
        return { channel: 'sms', maskedTo: '•••-•••-••00' };
      },
    },
    clock: { now: () => now },
    newCode: () => {
      nextCode += 1;
      return String(nextCode);
    },
    signingKey: KEY,
  };
  const later = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));
  return { accountId, deps, sent, later };
}

const code = (error: unknown) => (error as { code?: string }).code;
const outcomeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error) => code(error),
  );

describe('identity verification', () => {
  it('sends a code for matching details, and the code opens a session scoped to that account only', async () => {
    const c = await customer();
    const sent = await requestCode(c.deps, { accountId: c.accountId, dateOfBirth: DOB });
    expect(sent).toEqual({
      channel: 'sms',
      maskedTo: '•••-•••-••00',
      expiresAt: new Date(START.getTime() + CODE_MINUTES * 60_000).toISOString(),
    });
    const session = await confirmCode(c.deps, { accountId: c.accountId, code: c.sent[0]! });
    const claims = verifyToken(KEY, session.token, START.getTime() / 1000);
    expect(claims).toMatchObject({ role: 'customer', accountId: c.accountId, sub: c.accountId });
    expect(() => assertAccountAccess(claims, c.accountId)).not.toThrow();
    expect(() => assertAccountAccess(claims, 'ACC-SOMEONE-ELSE')).toThrow(
      expect.objectContaining({ code: 'ACCOUNT_NOT_FOUND' }),
    );
    // A code works once.
    await expect(confirmCode(c.deps, { accountId: c.accountId, code: c.sent[0]! })).rejects.toMatchObject({
      code: 'VERIFICATION_FAILED',
    });
  });

  it('answers a wrong date of birth and an unknown account alike, sending nothing', async () => {
    const c = await customer();
    const wrong = await outcomeOf(requestCode(c.deps, { accountId: c.accountId, dateOfBirth: '1999-01-01' }));
    const unknown = await outcomeOf(requestCode(c.deps, { accountId: 'ACC-NOBODY', dateOfBirth: DOB }));
    expect([wrong, unknown]).toEqual(['VERIFICATION_FAILED', 'VERIFICATION_FAILED']);
    expect(c.sent).toEqual([]);
  });

  it(`locks after ${MAX_FAILED_ATTEMPTS} failures, even for the right details, until ${LOCK_MINUTES} minutes pass`, async () => {
    const c = await customer();
    for (let attempt = 0; attempt < MAX_FAILED_ATTEMPTS; attempt++) {
      expect(
        await outcomeOf(requestCode(c.deps, { accountId: c.accountId, dateOfBirth: '1970-01-01' })),
      ).toBe('VERIFICATION_FAILED');
    }
    expect(await outcomeOf(requestCode(c.deps, { accountId: c.accountId, dateOfBirth: DOB }))).toBe(
      'VERIFICATION_LOCKED',
    );
    c.later(LOCK_MINUTES - 1);
    expect(await outcomeOf(requestCode(c.deps, { accountId: c.accountId, dateOfBirth: DOB }))).toBe(
      'VERIFICATION_LOCKED',
    );
    c.later(1);
    expect(await outcomeOf(requestCode(c.deps, { accountId: c.accountId, dateOfBirth: DOB }))).toBe('ok');
  });

  it('voids the code when wrong guesses lock verification', async () => {
    const c = await customer();
    await requestCode(c.deps, { accountId: c.accountId, dateOfBirth: DOB });
    for (let attempt = 0; attempt < MAX_FAILED_ATTEMPTS; attempt++) {
      await outcomeOf(confirmCode(c.deps, { accountId: c.accountId, code: '000000' }));
    }
    c.later(LOCK_MINUTES);
    expect(await outcomeOf(confirmCode(c.deps, { accountId: c.accountId, code: c.sent[0]! }))).toBe(
      'VERIFICATION_FAILED',
    );
  });

  it('refuses an expired code', async () => {
    const c = await customer();
    await requestCode(c.deps, { accountId: c.accountId, dateOfBirth: DOB });
    c.later(CODE_MINUTES);
    expect(await outcomeOf(confirmCode(c.deps, { accountId: c.accountId, code: c.sent[0]! }))).toBe(
      'VERIFICATION_FAILED',
    );
  });

  it('counts 30 parallel guesses one by one: the lock holds and the right code is refused after it', async () => {
    const c = await customer();
    await requestCode(c.deps, { accountId: c.accountId, dateOfBirth: DOB });
    const guesses = Array.from({ length: 30 }, (_, index) => String(200_000 + index));
    const outcomes = await Promise.all(
      guesses.map((guess) => outcomeOf(confirmCode(c.deps, { accountId: c.accountId, code: guess }))),
    );
    expect(outcomes.filter((outcome) => outcome === 'ok')).toEqual([]);
    expect(outcomes.filter((outcome) => outcome === 'VERIFICATION_LOCKED').length).toBeGreaterThan(0);
    expect(await outcomeOf(confirmCode(c.deps, { accountId: c.accountId, code: c.sent[0]! }))).toBe(
      'VERIFICATION_LOCKED',
    );
  });
});
