import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BankApiError, HttpPaymentGateway } from '../../lambdas/adapters/bank/http-payment-gateway';
import type { DebitRequest } from '../../lambdas/domain/payments/payments';
import { type SimulatedBank, SimulatedLedger, startSimulatedBank } from '../../local/bank/simulated-bank';

/** The real HTTP gateway against the simulated bank, over loopback: the same wire contract as in AWS. */

const TOKEN = 'sim-token-2026';
/**
 * A healthy bank answers well within `ANSWER_MS` even on a loaded machine; calls the bank is told to hold use
 * `impatient`, which gives up after `TIMEOUT_MS`, so those tests stay quick.
 */
const TIMEOUT_MS = 200;
const ANSWER_MS = 10_000;
const NOW = '2026-12-08T09:00:00.000Z';

const ACCOUNT = 'US12345678';
const LOW_BALANCE = 'US12341111';
const CLOSED = 'US12340000';
const MISSING = 'US12349999';
const BLOCKED = 'US12342222';
const CNY_ACCOUNT = 'CN62220001234567';

let bank: SimulatedBank;
let gateway: HttpPaymentGateway;
let keys = 0;

beforeEach(async () => {
  bank = await startSimulatedBank({
    ledger: new SimulatedLedger({ clock: { now: () => new Date(NOW) } }),
    token: TOKEN,
  });
  gateway = gatewayTo(bank.url);
});

afterEach(async () => {
  await bank.stop();
});

function gatewayTo(
  baseUrl: string,
  overrides: Partial<ConstructorParameters<typeof HttpPaymentGateway>[0]> = {},
) {
  // Async, as the AWS wiring reads it from Secrets Manager.
  return new HttpPaymentGateway({ baseUrl, token: async () => TOKEN, timeoutMs: ANSWER_MS, ...overrides });
}

/** For a call the bank holds: gives up after `TIMEOUT_MS`. */
const impatient = () => gatewayTo(bank.url, { timeoutMs: TIMEOUT_MS });

/** Keys shaped like the domain's (`<instalmentId>#<number>`): `#` and `:` must survive the URL path. */
function debitOf(overrides: Partial<DebitRequest> = {}): DebitRequest {
  keys += 1;
  return {
    idempotencyKey: `plan-2026-12-05#${keys}:test`,
    debtorAccount: ACCOUNT,
    amountMinor: 12_500,
    currency: 'USD',
    reference: 'Loan 4711 instalment 2026-12-05',
    ...overrides,
  };
}

const available = async (account: string) => bank.ledger.account(account)?.availableMinor;

describe('balance', () => {
  it('reads open, closed, low and missing accounts, opened from the number alone', async () => {
    await expect(gateway.balance(LOW_BALANCE)).resolves.toEqual({
      status: 'open',
      availableMinor: 2_500,
      currency: 'USD',
    });
    await expect(gateway.balance(CLOSED)).resolves.toEqual({
      status: 'closed',
      availableMinor: 0,
      currency: 'USD',
    });
    await expect(gateway.balance(MISSING)).resolves.toMatchObject({ status: 'not_found', availableMinor: 0 });
    await expect(gateway.balance(CNY_ACCOUNT)).resolves.toMatchObject({ status: 'open', currency: 'CNY' });
  });

  it('derives the same balance for a number every time, within 0 – 5,000.00', async () => {
    const first = await gateway.balance(ACCOUNT);
    const fresh = new SimulatedLedger().account(ACCOUNT);
    expect(first).toEqual({ status: 'open', availableMinor: fresh?.availableMinor, currency: 'USD' });
    const spread = ['US20000001', 'US20000002', 'US20000003', 'US20000004'].map(
      (number) => new SimulatedLedger().account(number)?.availableMinor ?? -1,
    );
    for (const minor of spread) expect(minor).toBeGreaterThanOrEqual(0);
    for (const minor of spread) expect(minor).toBeLessThanOrEqual(500_000);
    expect(new Set(spread).size).toBeGreaterThan(1);
  });
});

describe('debit', () => {
  it('books the debit and the balance drops by the amount', async () => {
    bank.ledger.setBalance(ACCOUNT, 100_000);
    const request = debitOf();

    const outcome = await gateway.debit(request);

    expect(outcome).toEqual({
      status: 'succeeded',
      debitId: expect.any(String),
      amountMinor: 12_500,
      bookedAt: NOW,
    });
    await expect(gateway.balance(ACCOUNT)).resolves.toEqual({
      status: 'open',
      availableMinor: 87_500,
      currency: 'USD',
    });
    expect(bank.ledger.debits()).toEqual([
      expect.objectContaining({
        idempotencyKey: request.idempotencyKey,
        amountMinor: 12_500,
        status: 'succeeded',
      }),
    ]);
    await expect(gateway.lookup(request.idempotencyKey)).resolves.toEqual(outcome);
  });

  it('refuses more than the available balance and never goes below zero', async () => {
    await expect(gateway.debit(debitOf({ debtorAccount: LOW_BALANCE, amountMinor: 2_501 }))).resolves.toEqual(
      {
        status: 'failed',
        reason: 'insufficient_funds',
        debitId: expect.any(String),
      },
    );
    expect(await available(LOW_BALANCE)).toBe(2_500);

    await expect(
      gateway.debit(debitOf({ debtorAccount: LOW_BALANCE, amountMinor: 2_500 })),
    ).resolves.toMatchObject({
      status: 'succeeded',
    });
    await expect(
      gateway.debit(debitOf({ debtorAccount: LOW_BALANCE, amountMinor: 1 })),
    ).resolves.toMatchObject({
      status: 'failed',
      reason: 'insufficient_funds',
    });
    expect(await available(LOW_BALANCE)).toBe(0);
  });

  it.each([
    ['a closed account', { debtorAccount: CLOSED }, 'account_closed'],
    ['an account the bank does not hold', { debtorAccount: MISSING }, 'account_not_found'],
    [
      'another currency than the account',
      { debtorAccount: CNY_ACCOUNT, currency: 'USD' as const },
      'currency_mismatch',
    ],
    ['an account with debits blocked', { debtorAccount: BLOCKED }, 'rejected'],
  ])('fails for %s', async (_case, overrides, reason) => {
    const outcome = await gateway.debit(debitOf(overrides));
    expect(outcome).toMatchObject({ status: 'failed', reason });
  });

  it('moves money once for a repeat with the same key', async () => {
    bank.ledger.setBalance(ACCOUNT, 100_000);
    const request = debitOf();

    const first = await gateway.debit(request);
    const repeat = await gateway.debit(request);

    expect(repeat).toEqual(first);
    expect(await available(ACCOUNT)).toBe(87_500);
    expect(bank.ledger.debits()).toHaveLength(1);
  });

  it('moves money once for 20 concurrent sends of one key', async () => {
    bank.ledger.setBalance(ACCOUNT, 100_000);
    const request = debitOf();

    const outcomes = await Promise.all(Array.from({ length: 20 }, () => gateway.debit(request)));

    expect(new Set(outcomes.map((outcome) => JSON.stringify(outcome))).size).toBe(1);
    expect(outcomes[0]).toMatchObject({ status: 'succeeded' });
    expect(await available(ACCOUNT)).toBe(87_500);
    expect(bank.ledger.debits()).toHaveLength(1);
  });

  it('answers a repeated key with its first result, even a failure: a re-presentment needs a new key', async () => {
    const request = debitOf({ debtorAccount: LOW_BALANCE, amountMinor: 5_000 });
    await expect(gateway.debit(request)).resolves.toMatchObject({ reason: 'insufficient_funds' });

    bank.ledger.setBalance(LOW_BALANCE, 10_000);

    await expect(gateway.debit(request)).resolves.toMatchObject({ reason: 'insufficient_funds' });
    await expect(
      gateway.debit(debitOf({ debtorAccount: LOW_BALANCE, amountMinor: 5_000 })),
    ).resolves.toMatchObject({
      status: 'succeeded',
    });
    expect(await available(LOW_BALANCE)).toBe(5_000);
  });

  it('throws IDEMPOTENCY_KEY_REUSED for the same key with another body, and books nothing more', async () => {
    bank.ledger.setBalance(ACCOUNT, 100_000);
    const request = debitOf();
    await gateway.debit(request);

    const reused = gateway.debit({ ...request, amountMinor: 1_000 });

    await expect(reused).rejects.toBeInstanceOf(BankApiError);
    await expect(reused).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', httpStatus: 422 });
    expect(await available(ACCOUNT)).toBe(87_500);
    expect(bank.ledger.debits()).toHaveLength(1);
  });

  it('throws INVALID_REQUEST for a malformed debit: a programming error, never unknown', async () => {
    await expect(gateway.debit(debitOf({ amountMinor: 0 }))).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
    await expect(gateway.debit(debitOf({ amountMinor: 12.5 }))).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
    await expect(gateway.debit(debitOf({ idempotencyKey: 'has space' }))).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
    await expect(gateway.debit(debitOf({ idempotencyKey: 'k'.repeat(129) }))).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
    expect(bank.ledger.debits()).toEqual([]);
  });
});

describe('when the bank does not answer', () => {
  it('timeout after booking: unknown, the lookup finds the booking, a re-send books nothing more', async () => {
    bank.ledger.setBalance(ACCOUNT, 100_000);
    bank.ledger.injectFault(ACCOUNT, 'timeout_after_booking');
    const request = debitOf();

    const outcome = await impatient().debit(request);

    expect(outcome).toEqual({
      status: 'unknown',
      detail: expect.stringContaining(`within ${TIMEOUT_MS} ms`),
    });
    const booked = bank.ledger.debits();
    expect(booked).toEqual([
      expect.objectContaining({ idempotencyKey: request.idempotencyKey, status: 'succeeded' }),
    ]);

    const found = await gateway.lookup(request.idempotencyKey);
    expect(found).toEqual({
      status: 'succeeded',
      debitId: booked[0]?.debitId,
      amountMinor: 12_500,
      bookedAt: NOW,
    });

    await expect(gateway.debit(request)).resolves.toEqual(found);
    expect(bank.ledger.debits()).toHaveLength(1);
    expect(await available(ACCOUNT)).toBe(87_500);
  });

  it('timeout before booking: unknown, the lookup finds nothing, a re-send with the same key books once', async () => {
    bank.ledger.setBalance(ACCOUNT, 100_000);
    bank.ledger.injectFault(ACCOUNT, 'timeout_before_booking');
    const request = debitOf();

    await expect(impatient().debit(request)).resolves.toMatchObject({ status: 'unknown' });
    await expect(gateway.lookup(request.idempotencyKey)).resolves.toEqual({ status: 'not_found' });
    expect(bank.ledger.debits()).toEqual([]);

    await expect(gateway.debit(request)).resolves.toMatchObject({ status: 'succeeded' });
    expect(await available(ACCOUNT)).toBe(87_500);
  });

  it('server error: unknown, nothing booked; a fault for `*` applies to the next N debits of any account', async () => {
    bank.ledger.injectFault('*', 'server_error', 2);
    const first = debitOf({ debtorAccount: LOW_BALANCE, amountMinor: 100 });

    await expect(gateway.debit(first)).resolves.toEqual({
      status: 'unknown',
      detail: expect.stringContaining('HTTP 500 INTERNAL_ERROR'),
    });
    await expect(gateway.debit(debitOf({ amountMinor: 100 }))).resolves.toMatchObject({ status: 'unknown' });
    await expect(gateway.lookup(first.idempotencyKey)).resolves.toEqual({ status: 'not_found' });
    expect(bank.ledger.debits()).toEqual([]);

    await expect(gateway.debit(first)).resolves.toMatchObject({ status: 'succeeded' });
  });

  it('reports unknown for a dropped connection, a 5xx or an unreadable answer on every call', async () => {
    const dropped = gatewayTo(bank.url, {
      fetch: () => Promise.reject(new TypeError('fetch failed', { cause: new Error('other side closed') })),
    });
    await expect(dropped.debit(debitOf())).resolves.toMatchObject({ status: 'unknown' });
    await expect(dropped.lookup('plan-2026-12-05#1')).resolves.toMatchObject({ status: 'unknown' });
    await expect(dropped.balance(ACCOUNT)).resolves.toMatchObject({ status: 'unknown' });

    const unavailable = gatewayTo(bank.url, { fetch: async () => new Response('busy', { status: 503 }) });
    await expect(unavailable.lookup('plan-2026-12-05#1')).resolves.toEqual({
      status: 'unknown',
      detail: expect.stringContaining('HTTP 503'),
    });
    await expect(unavailable.balance(ACCOUNT)).resolves.toMatchObject({ status: 'unknown' });

    const garbled = gatewayTo(bank.url, { fetch: async () => Response.json({ ok: true }, { status: 201 }) });
    await expect(garbled.debit(debitOf())).resolves.toEqual({
      status: 'unknown',
      detail: expect.stringContaining('unreadable answer'),
    });
  });

  it('reports unknown when a balance or lookup takes longer than the timeout', async () => {
    const hanging = gatewayTo(bank.url, {
      timeoutMs: TIMEOUT_MS,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ),
    });
    await expect(hanging.balance(ACCOUNT)).resolves.toEqual({
      status: 'unknown',
      detail: expect.stringContaining(`within ${TIMEOUT_MS} ms`),
    });
    await expect(hanging.lookup('plan-2026-12-05#1')).resolves.toMatchObject({ status: 'unknown' });
  });
});

describe('auth and masking', () => {
  it('throws UNAUTHORIZED for a wrong token, and books nothing', async () => {
    const wrongToken = gatewayTo(bank.url, { token: 'not-the-token' });

    await expect(wrongToken.debit(debitOf())).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      httpStatus: 401,
    });
    await expect(wrongToken.balance(ACCOUNT)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(wrongToken.lookup('plan-2026-12-05#1')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(bank.ledger.debits()).toEqual([]);
  });

  it('never puts a full account number in an error or an unknown detail', async () => {
    const wrongToken = gatewayTo(bank.url, { token: 'not-the-token' });
    const error = await wrongToken.debit(debitOf()).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(BankApiError);
    expect((error as Error).message).toContain('****5678');
    expect((error as Error).message).not.toContain(ACCOUNT);

    bank.ledger.injectFault(ACCOUNT, 'timeout_before_booking');
    const timedOut = await impatient().debit(debitOf());
    expect(JSON.stringify(timedOut)).toContain('****5678');
    expect(JSON.stringify(timedOut)).not.toContain(ACCOUNT);

    // Even when the failure itself names the URL, which holds the number.
    const leaky = gatewayTo(bank.url, {
      fetch: (url) => Promise.reject(new TypeError(`fetch failed: ${String(url)}`)),
    });
    const balance = await leaky.balance(ACCOUNT);
    expect(balance).toMatchObject({ status: 'unknown' });
    expect(JSON.stringify(balance)).not.toContain(ACCOUNT);
  });
});

describe('simulator admin routes', () => {
  it('injects faults and lists accounts and debits over HTTP, without the token', async () => {
    const injected = await fetch(`${bank.url}/_sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ account: ACCOUNT, fault: 'server_error', count: 1 }),
    });
    expect(injected.status).toBe(204);
    await expect(gateway.debit(debitOf())).resolves.toMatchObject({ status: 'unknown' });
    await expect(gateway.debit(debitOf({ amountMinor: 1 }))).resolves.toMatchObject({ status: 'succeeded' });

    const debits = (await (await fetch(`${bank.url}/_sim/debits`)).json()) as unknown[];
    expect(debits).toEqual([expect.objectContaining({ debtorAccount: ACCOUNT, amountMinor: 1, at: NOW })]);
    const accounts = (await (await fetch(`${bank.url}/_sim/accounts`)).json()) as unknown[];
    expect(accounts).toEqual([expect.objectContaining({ number: ACCOUNT, status: 'open' })]);

    const invalid = await fetch(`${bank.url}/_sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ account: ACCOUNT, fault: 'meteor_strike' }),
    });
    expect(invalid.status).toBe(400);
  });
});
