/**
 * Real-time debit end to end on DynamoDB Local and the simulated bank (through the real HTTP gateway):
 * missed → planned with its notice → notice sent → debited once → settled → feedback. And every way it
 * could go twice: duplicate events, racing workers, a crash between the bank call and the write, a timeout
 * that actually booked. In every case the ledger shows at most one debit per attempt.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpPaymentGateway } from '../../lambdas/adapters/bank/http-payment-gateway';
import { DynamoAccountRepository } from '../../lambdas/adapters/dynamodb/account-repository';
import { DynamoAccountUpdater } from '../../lambdas/adapters/dynamodb/account-updater';
import { DynamoAuditLog } from '../../lambdas/adapters/dynamodb/audit-log';
import { DynamoContactStore } from '../../lambdas/adapters/dynamodb/contact-store';
import { DynamoPaymentStore } from '../../lambdas/adapters/dynamodb/payment-store';
import { StoredSender } from '../../lambdas/adapters/messaging/stored-sender';
import type { Account } from '../../lambdas/domain/accounts/account';
import { deliverMessage } from '../../lambdas/domain/outreach/deliver-outreach';
import { applyDebitFeedback } from '../../lambdas/domain/payments/debit-feedback';
import { executeAttempt, LEASE_MS, sweepDebits } from '../../lambdas/domain/payments/execute-debit';
import { raiseMissed, trackStatements } from '../../lambdas/domain/payments/instalment-monitor';
import {
  collectComingDue,
  onDebitHold,
  onDebitRefused,
  onPaymentMissed,
  onPaymentReceived,
  onPlanAccepted,
  onRepresentedByLawyer,
} from '../../lambdas/domain/payments/payment-reactions';
import type { DebitAttempt, Mandate, PaymentGateway } from '../../lambdas/domain/payments/payments';
import { requestDebit } from '../../lambdas/domain/payments/payments-view';
import { planDebit } from '../../lambdas/domain/payments/plan-debit';
import type { DomainEvent } from '../../lambdas/domain/ports';
import { type SimulatedLedger, startSimulatedBank } from '../../local/bank/simulated-bank';
import { anAccount, NO_FLAGS } from '../support/accounts';
import { freshTables } from '../support/dynamodb';

const DEBTOR = '12345678';
const START = '2026-11-24T15:00:00.000Z'; // Tuesday, 10:00 in New York: inside contact hours

let bank: Awaited<ReturnType<typeof startSimulatedBank>>;
let tables: Awaited<ReturnType<typeof freshTables>>;
let ledger: SimulatedLedger;

beforeAll(async () => {
  tables = await freshTables();
  bank = await startSimulatedBank({ token: 'test-token' });
  ledger = bank.ledger;
});
afterAll(async () => {
  await bank?.stop();
});

let sequence = 0;

/** One account's world: its stores, the bank, a clock we move, and every event published. */
function world() {
  const { db, names } = tables;
  let now = new Date(START);
  const events: DomainEvent[] = [];
  const scheduled: { attemptId: string; debitAt: string }[] = [];
  const store = new DynamoPaymentStore(db, names.payments, names.accounts);
  const contacts = new DynamoContactStore(db, names.contacts);
  const accounts = new DynamoAccountRepository(db, names.accounts);
  const updater = new DynamoAccountUpdater(db, names.accounts);
  const clock = { now: () => now };
  const publisher = { publish: async (batch: readonly DomainEvent[]) => void events.push(...batch) };
  const gateway: PaymentGateway = new HttpPaymentGateway({
    baseUrl: bank.url,
    token: 'test-token',
    timeoutMs: 1_500,
  });
  const planning = {
    store,
    accounts,
    outbox: contacts,
    events: publisher,
    clock,
    scheduler: {
      scheduleAttempt: async (a: { attemptId: string; debitAt: string }) => void scheduled.push(a),
    },
  };
  const execution = { store, accounts, outbox: contacts, events: publisher, clock, gateway };
  const stored = new StoredSender('store-only');
  const delivery = {
    accounts,
    outbox: contacts,
    contactLog: contacts,
    senders: { sms: stored, email: stored, portal: new StoredSender('portal') },
    events: publisher,
    clock,
  };
  const feedback = {
    accounts: { get: (id: string) => accounts.get(id), update: updater.update.bind(updater) },
    outbox: contacts,
    events: publisher,
    audit: new DynamoAuditLog(db, names.audit),
    clock,
  };
  const accountId = `ACC-DEB-${++sequence}`;
  const debtor = `${DEBTOR}${String(sequence).padStart(4, '5')}`;

  return {
    accountId,
    debtor,
    store,
    contacts,
    accounts,
    events,
    scheduled,
    planning,
    execution,
    feedback,
    setNow: (iso: string) => (now = new Date(iso)),
    eventsOf: (type: string) => events.filter((e) => e.detailType === type),
    async open(overrides: Partial<Account> = {}, mandate: Partial<Mandate> | null = {}) {
      const account = anAccount({
        accountId,
        amountOverdueMinor: 3_600,
        minimumDueMinor: 3_600,
        oldestUnpaidDueDate: '2026-11-10',
        ...overrides,
      });
      await db.send(new PutCommand({ TableName: names.accounts, Item: account }));
      ledger.setBalance(debtor, 500_000);
      if (mandate) {
        await store.createMandate({
          accountId,
          mandateId: `m-${accountId}`,
          status: 'active',
          debtorAccount: debtor,
          currency: 'USD',
          maxAmountMinor: 10_000,
          partialAllowed: false,
          authorisationText: 'I authorise …',
          termsVersion: 'mandate-terms.v1',
          authorisedAt: '2026-11-01T00:00:00.000Z',
          channel: 'portal',
          ...mandate,
        });
      }
      await trackStatements({ store, clock }, account);
      return account;
    },
    /** The hourly monitor's second half, for this world's clock. */
    missed: () => raiseMissed({ store, events: publisher, clock }, { concurrency: 4, limit: 1_000 }),
    instalmentId: 'statement-2026-11-10',
    /** Sends every queued notice of the account, as the outbox would. */
    async deliverNotices() {
      for (const message of await contacts.list(accountId)) {
        if (message.status === 'queued') await deliverMessage(delivery, message);
      }
    },
    debitsInLedger: () =>
      ledger.debits().filter((d) => d.debtorAccount === debtor && d.status === 'succeeded'),
  };
}

type World = ReturnType<typeof world>;

/** Missed, planned, noticed, and the clock at the debit's time: ready to execute. */
async function readyToDebit(w: World, overrides: Partial<Account> = {}, mandate: Partial<Mandate> = {}) {
  await w.open(overrides, mandate);
  await w.missed();
  const planned = await onPaymentMissed(w.planning, { accountId: w.accountId, instalmentId: w.instalmentId });
  if (typeof planned === 'string' || planned.outcome !== 'scheduled')
    throw new Error(`not planned: ${JSON.stringify(planned)}`);
  await w.deliverNotices();
  w.setNow(planned.attempt.debitAt);
  return planned.attempt;
}

describe('a missed instalment with a mandate', () => {
  let w: World;
  beforeEach(() => {
    w = world();
  });

  it('is noticed first, then debited once at its time, settled on the account and fed back', async () => {
    await w.open();
    expect(await w.missed()).toBe(1);
    expect(w.eventsOf('PaymentMissed')).toHaveLength(1);

    const planned = await onPaymentMissed(w.planning, {
      accountId: w.accountId,
      instalmentId: w.instalmentId,
    });
    expect(planned).toMatchObject({
      outcome: 'scheduled',
      attempt: { plannedMinor: 3_600, state: 'scheduled' },
    });
    const attempt = (planned as { attempt: { attemptId: string; debitAt: string; stopBy: string } }).attempt;
    // Four business days ahead, with Thanksgiving skipped; stoppable until three business days before.
    expect(attempt.debitAt).toBe('2026-12-01T15:00:00.000Z');
    expect(attempt.stopBy).toBe('2026-11-25');
    expect(w.scheduled).toEqual([
      expect.objectContaining({ attemptId: attempt.attemptId, debitAt: attempt.debitAt }),
    ]);
    const notices = await w.contacts.list(w.accountId);
    expect(notices.map((m) => m.channel).sort()).toEqual(['portal', 'sms']);
    expect(notices.find((m) => m.channel === 'sms')?.text).toContain('USD 36.00');
    expect(notices.find((m) => m.channel === 'sms')?.text).toContain('Dec 1, 2026');

    // Not before its time.
    expect(await executeAttempt(w.execution, { accountId: w.accountId, attemptId: attempt.attemptId })).toBe(
      'not_due',
    );
    await w.deliverNotices();
    expect((await w.contacts.list(w.accountId)).every((m) => m.status === 'sent')).toBe(true);
    w.setNow(attempt.debitAt);
    expect(await executeAttempt(w.execution, { accountId: w.accountId, attemptId: attempt.attemptId })).toBe(
      'succeeded',
    );

    expect(w.debitsInLedger()).toHaveLength(1);
    expect(w.debitsInLedger()[0]?.amountMinor).toBe(3_600);
    expect(
      await w.store.getInstalment({ accountId: w.accountId, instalmentId: w.instalmentId }),
    ).toMatchObject({
      status: 'paid',
      paidMinor: 3_600,
    });
    const account = await w.accounts.get(w.accountId);
    expect(account).toMatchObject({ amountOverdueMinor: 0, balanceMinor: 120_000 - 3_600 });
    expect(account?.oldestUnpaidDueDate).toBeUndefined();

    const [succeeded] = w.eventsOf('DebitSucceeded');
    expect(succeeded?.detail).toMatchObject({ amountMinor: 3_600, number: 1 });
    const outcome = await applyDebitFeedback(w.feedback, {
      detailType: 'DebitSucceeded',
      detail: succeeded!.detail as never,
    });
    expect(outcome).toBe('receipt');
    const receipt = (await w.contacts.list(w.accountId)).find(
      (m) => m.draftId.endsWith('#receipt') && m.channel === 'sms',
    );
    expect(receipt?.text).toContain('USD 36.00');
    // The attempt left the work index: the sweep finds nothing more to do.
    expect(await sweepDebits(w.execution, { limit: 100, concurrency: 4 })).toEqual({});
  });

  it('plans one debit however often PaymentMissed is delivered, even all at once', async () => {
    await w.open();
    await w.missed();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () =>
        onPaymentMissed(w.planning, { accountId: w.accountId, instalmentId: w.instalmentId }),
      ),
    );
    expect(outcomes.filter((o) => typeof o !== 'string' && o.outcome === 'scheduled')).toHaveLength(1);
    expect(await w.store.listAttempts(w.accountId)).toHaveLength(1);
    expect(w.eventsOf('DebitScheduled')).toHaveLength(1);
    expect((await w.contacts.list(w.accountId)).length).toBe(2);
    await w.deliverNotices();
    w.setNow('2026-12-01T15:00:00.000Z');
    await sweepDebits(w.execution, { limit: 100, concurrency: 4 });
    expect(w.debitsInLedger()).toHaveLength(1);
  });

  it('debits once when many workers race on the same attempt', async () => {
    const attempt = await readyToDebit(w);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () =>
        executeAttempt(w.execution, { accountId: w.accountId, attemptId: attempt.attemptId }),
      ),
    );
    expect(outcomes.filter((o) => o === 'succeeded')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'taken')).toHaveLength(9);
    expect(w.debitsInLedger()).toHaveLength(1);
    expect((await w.accounts.get(w.accountId))?.amountOverdueMinor).toBe(0);
  });

  it('recovers from a crash between the bank call and the write without debiting again', async () => {
    const attempt = await readyToDebit(w);
    const real = w.execution.gateway;
    const crashing: PaymentGateway = {
      balance: (account) => real.balance(account),
      lookup: (key) => real.lookup(key),
      debit: async (request) => {
        await real.debit(request);
        throw new Error('worker died');
      },
    };
    const key = { accountId: w.accountId, attemptId: attempt.attemptId };
    await expect(executeAttempt({ ...w.execution, gateway: crashing }, key)).rejects.toThrow('worker died');
    expect(w.debitsInLedger()).toHaveLength(1);
    expect(await w.store.getAttempt(key)).toMatchObject({ state: 'executing', amountMinor: 3_600 });
    // Within the lease nobody touches it.
    expect(await executeAttempt(w.execution, key)).toBe('taken');
    w.setNow(new Date(Date.parse(attempt.debitAt) + LEASE_MS + 1_000).toISOString());
    expect(await sweepDebits(w.execution, { limit: 100, concurrency: 4 })).toEqual({ succeeded: 1 });
    expect(w.debitsInLedger()).toHaveLength(1);
    const account = await w.accounts.get(w.accountId);
    expect(account?.balanceMinor).toBe(120_000 - 3_600);
    expect(await w.store.getAttempt(key)).toMatchObject({ state: 'succeeded' });
  });

  it('reconciles a timeout that actually booked, by lookup, without a second debit', async () => {
    const attempt = await readyToDebit(w);
    ledger.injectFault(w.debtor, 'timeout_after_booking');
    const key = { accountId: w.accountId, attemptId: attempt.attemptId };
    expect(await executeAttempt(w.execution, key)).toBe('unknown');
    expect(w.debitsInLedger()).toHaveLength(1);
    const unknown = await w.store.getAttempt(key);
    expect(unknown).toMatchObject({ state: 'unknown', reconciliations: 1 });
    w.setNow(new Date(Date.parse(attempt.debitAt) + 3 * 60_000).toISOString());
    expect(await executeAttempt(w.execution, key)).toBe('succeeded');
    expect(w.debitsInLedger()).toHaveLength(1);
    expect((await w.accounts.get(w.accountId))?.amountOverdueMinor).toBe(0);
  });

  it('re-sends with the same key after a timeout that never reached the bank', async () => {
    const attempt = await readyToDebit(w);
    ledger.injectFault(w.debtor, 'timeout_before_booking');
    const key = { accountId: w.accountId, attemptId: attempt.attemptId };
    expect(await executeAttempt(w.execution, key)).toBe('unknown');
    expect(w.debitsInLedger()).toHaveLength(0);
    w.setNow(new Date(Date.parse(attempt.debitAt) + 3 * 60_000).toISOString());
    expect(await executeAttempt(w.execution, key)).toBe('succeeded');
    expect(w.debitsInLedger()).toHaveLength(1);
    expect(w.debitsInLedger()[0]?.idempotencyKey).toBe(attempt.idempotencyKey);
  });
});

describe('what stops a debit', () => {
  let w: World;
  beforeEach(() => {
    w = world();
  });

  it('never debits without a mandate, and records why', async () => {
    await w.open({}, null);
    await w.missed();
    const planned = await onPaymentMissed(w.planning, {
      accountId: w.accountId,
      instalmentId: w.instalmentId,
    });
    expect(planned).toEqual({ outcome: 'blocked', reasons: ['NO_MANDATE'] });
    expect(await w.store.listAttempts(w.accountId)).toEqual([]);
    expect(
      (await w.store.getInstalment({ accountId: w.accountId, instalmentId: w.instalmentId }))
        ?.debitBlockedReasons,
    ).toEqual(['NO_MANDATE']);
    expect(await w.contacts.list(w.accountId)).toEqual([]);
  });

  it.each([
    ['dispute', { dispute: true }, 'DISPUTE'],
    ['stop request', { ceaseRequested: true }, 'CEASE'],
    ['hardship plan', { hardshipPlan: true }, 'HARDSHIP_PLAN'],
    ['reported fraud', { fraudReported: true }, 'FRAUD_REPORTED'],
    ['reported crisis', { vulnerable: true }, 'SPECIALIST_CARE'],
    ['reported death', { deceased: true }, 'ACCOUNT_EXCLUDED'],
  ])('a %s raised after the debit was planned stops it at its time', async (_name, flag, reason) => {
    const attempt = await readyToDebit(w);
    const account = (await w.accounts.get(w.accountId))!;
    await tables.db.send(
      new PutCommand({
        TableName: tables.names.accounts,
        Item: { ...account, flags: { ...account.flags, ...flag } },
      }),
    );
    expect(await executeAttempt(w.execution, { accountId: w.accountId, attemptId: attempt.attemptId })).toBe(
      'cancelled',
    );
    expect(w.debitsInLedger()).toHaveLength(0);
    expect(w.eventsOf('DebitCancelled')[0]?.detail).toMatchObject({ reasons: [reason] });
  });

  it('a hold cancels every scheduled debit at once, before its time', async () => {
    const attempt = await readyToDebit(w);
    w.setNow(START);
    expect(await onDebitHold(w.planning, w.accountId, 'DISPUTE')).toBe(1);
    expect(await w.store.getAttempt(attempt)).toMatchObject({
      state: 'cancelled',
      cancelledReasons: ['DISPUTE'],
    });
    w.setNow(attempt.debitAt);
    expect(await executeAttempt(w.execution, attempt)).toBe('taken');
    expect(w.debitsInLedger()).toHaveLength(0);
  });

  it('a lawyer stops the debits of a US customer at once, not before its time', async () => {
    const attempt = await readyToDebit(w);
    w.setNow(START);
    expect(await onRepresentedByLawyer(w.planning, w.accountId)).toBe(1);
    expect(await w.store.getAttempt(attempt)).toMatchObject({
      state: 'cancelled',
      cancelledReasons: ['REPRESENTED_BY_LAWYER'],
    });
  });

  it('honours a revocation even after the stop-by date, while the debit has not run', async () => {
    const attempt = await readyToDebit(w);
    await w.store.revokeMandate(w.accountId, `m-${w.accountId}`, '2026-11-30T12:00:00.000Z', 'portal');
    expect(await executeAttempt(w.execution, attempt)).toBe('cancelled');
    expect(w.eventsOf('DebitCancelled')[0]?.detail).toMatchObject({ reasons: ['MANDATE_REVOKED'] });
    expect(w.debitsInLedger()).toHaveLength(0);
  });

  it('a payment that arrives in time cancels the debit', async () => {
    const attempt = await readyToDebit(w);
    w.setNow('2026-11-27T12:00:00.000Z');
    const applied = await onPaymentReceived(w.planning, {
      accountId: w.accountId,
      paymentId: 'core-123',
      amountMinor: 3_600,
      currency: 'USD',
      receivedAt: '2026-11-27T12:00:00.000Z',
    });
    expect(applied).toBe('applied');
    // The same payment delivered again lands once.
    expect(
      await onPaymentReceived(w.planning, {
        accountId: w.accountId,
        paymentId: 'core-123',
        amountMinor: 3_600,
        currency: 'USD',
        receivedAt: '2026-11-27T12:00:00.000Z',
      }),
    ).toBe('duplicate');
    expect(await w.store.getAttempt(attempt)).toMatchObject({
      state: 'cancelled',
      cancelledReasons: ['PAID'],
    });
    expect((await w.accounts.get(w.accountId))?.balanceMinor).toBe(120_000 - 3_600);
    w.setNow(attempt.debitAt);
    expect(await executeAttempt(w.execution, attempt)).toBe('taken');
    expect(w.debitsInLedger()).toHaveLength(0);
  });

  it('does not debit when the notice never went out', async () => {
    await w.open();
    await w.missed();
    const planned = await onPaymentMissed(w.planning, {
      accountId: w.accountId,
      instalmentId: w.instalmentId,
    });
    const attempt = (planned as { attempt: { attemptId: string; debitAt: string } }).attempt;
    w.setNow(attempt.debitAt);
    expect(await executeAttempt(w.execution, { accountId: w.accountId, attemptId: attempt.attemptId })).toBe(
      'cancelled',
    );
    expect(w.eventsOf('DebitCancelled')[0]?.detail).toMatchObject({ reasons: ['NOTICE_NOT_SENT'] });
    expect(w.debitsInLedger()).toHaveLength(0);
  });
});

describe('partial sweeps and re-presentments', () => {
  let w: World;
  beforeEach(() => {
    w = world();
  });

  it('takes only what is above the protected minimum when partial sweeps are allowed', async () => {
    const attempt = await readyToDebit(w, {}, { partialAllowed: true });
    ledger.setBalance(w.debtor, 10_000 + 1_500); // USD 100.00 protected, 15.00 above it
    expect(await executeAttempt(w.execution, attempt)).toBe('succeeded');
    expect(w.debitsInLedger().map((d) => d.amountMinor)).toEqual([1_500]);
    expect(ledger.account(w.debtor)?.availableMinor).toBe(10_000);
    expect(
      await w.store.getInstalment({ accountId: w.accountId, instalmentId: w.instalmentId }),
    ).toMatchObject({
      status: 'missed',
      paidMinor: 1_500,
    });
    expect((await w.accounts.get(w.accountId))?.amountOverdueMinor).toBe(2_100);
  });

  it('presents a refused debit again at most twice, each with a notice, then hands it to a person', async () => {
    let attempt = await readyToDebit(w);
    ledger.setBalance(w.debtor, 5_000); // below the protected minimum: never presented, no bank fee
    for (let number = 1; number <= 3; number++) {
      expect(attempt.number).toBe(number);
      expect(await executeAttempt(w.execution, attempt)).toBe('failed');
      const failed = w.eventsOf('DebitFailed').at(-1)!.detail as {
        final: boolean;
        number: number;
        reason: string;
      };
      expect(failed).toMatchObject({ number, reason: 'insufficient_funds', final: number === 3 });
      const next = await onDebitRefused(w.planning, {
        accountId: w.accountId,
        instalmentId: w.instalmentId,
        ...failed,
      });
      if (number === 3) {
        expect(next).toBe('final');
        break;
      }
      expect(next).toMatchObject({ outcome: 'scheduled' });
      attempt = (next as { attempt: typeof attempt }).attempt;
      const notice = (await w.contacts.list(w.accountId)).find(
        (m) => m.draftId === `payment#${attempt.attemptId}#pre_debit` && m.channel === 'sms',
      );
      expect(notice?.text).toContain('did not go through');
      w.setNow(new Date(Date.parse(attempt.debitAt) - 86_400_000).toISOString());
      await w.deliverNotices();
      w.setNow(attempt.debitAt);
    }
    expect(w.debitsInLedger()).toHaveLength(0);
    expect(await w.store.listAttempts(w.accountId)).toHaveLength(3);
    const final = w.eventsOf('DebitFailed').at(-1)!;
    expect(
      await applyDebitFeedback(w.feedback, { detailType: 'DebitFailed', detail: final.detail as never }),
    ).toBe('failure_notice');
    expect((await w.accounts.get(w.accountId))?.escalation).toMatchObject({ reason: 'debit_failed' });
  });

  it('does not present again after a closed bank account', async () => {
    const attempt = await readyToDebit(w);
    ledger.close(w.debtor);
    expect(await executeAttempt(w.execution, attempt)).toBe('failed');
    expect(w.eventsOf('DebitFailed')[0]?.detail).toMatchObject({ reason: 'account_closed', final: true });
  });
});

describe('announcing results', () => {
  it('publishes a result again when the first publish was lost', async () => {
    const w = world();
    const attempt = await readyToDebit(w);
    let failOnce = true;
    const flaky = {
      publish: async (batch: readonly DomainEvent[]) => {
        if (failOnce && batch.some((e) => e.detailType === 'DebitSucceeded')) {
          failOnce = false;
          throw new Error('bus unavailable');
        }
        w.events.push(...batch);
      },
    };
    await expect(executeAttempt({ ...w.execution, events: flaky }, attempt)).rejects.toThrow(
      'bus unavailable',
    );
    expect(w.debitsInLedger()).toHaveLength(1);
    expect(w.eventsOf('DebitSucceeded')).toHaveLength(0);
    w.setNow(new Date(Date.parse(attempt.debitAt) + 6 * 60_000).toISOString());
    expect(await sweepDebits({ ...w.execution, events: flaky }, { limit: 100, concurrency: 4 })).toEqual({
      announced: 1,
    });
    expect(w.eventsOf('DebitSucceeded')).toHaveLength(1);
    expect(w.debitsInLedger()).toHaveLength(1);
  });
});

describe('an agreed plan collected on its due dates (the customer chose it with the mandate)', () => {
  let w: World;
  beforeEach(() => {
    w = world();
  });

  const PLAN = [
    { dueDate: '2026-12-02', amountMinor: 1_200 },
    { dueDate: '2027-01-04', amountMinor: 1_200 },
    { dueDate: '2027-02-02', amountMinor: 1_200 },
  ];

  /** A hardship plan agreed today, its instalments tracked as servicing does on PlanAccepted. */
  async function agreed(mandate: Partial<Mandate>) {
    const account = await w.open(
      {
        flags: { ...NO_FLAGS, hardshipPlan: true },
        repaymentPlan: {
          optionId: 'hardship-3',
          kind: 'hardship',
          totalMinor: 3_600,
          instalments: PLAN,
          acceptedAt: START,
        },
      },
      mandate,
    );
    await onPlanAccepted(w.planning, { accountId: w.accountId, decidedAt: START, instalments: PLAN });
    return account;
  }

  it('takes the first payment on its due date, noticed the policy lead ahead, and plans no later one yet', async () => {
    await agreed({ collectOnDueDate: true });
    const planned = await collectComingDue(w.planning, w.accountId);
    expect(planned).toHaveLength(1);
    const attempt = (planned[0] as { outcome: 'scheduled'; attempt: DebitAttempt }).attempt;
    expect(attempt).toMatchObject({
      requestedBy: 'schedule',
      debitDate: '2026-12-02',
      plannedMinor: 1_200,
      // Three business days before, Thanksgiving skipped.
      stopBy: '2026-11-27',
      state: 'scheduled',
    });
    expect((await w.contacts.list(w.accountId)).find((m) => m.channel === 'sms')?.text).toContain(
      'Dec 2, 2026',
    );
    // Asked again (the hourly monitor): nothing more.
    expect(await collectComingDue(w.planning, w.accountId)).toEqual([]);

    // Not without the notice having gone; then once, at its time, through the hardship plan.
    w.setNow(attempt.debitAt);
    expect(await executeAttempt(w.execution, { accountId: w.accountId, attemptId: attempt.attemptId })).toBe(
      'cancelled',
    );
  });

  it('is debited once its notice went out, and the instalment is paid', async () => {
    await agreed({ collectOnDueDate: true });
    const [planned] = await collectComingDue(w.planning, w.accountId);
    const attempt = (planned as { attempt: DebitAttempt }).attempt;
    await w.deliverNotices();
    w.setNow(attempt.debitAt);
    expect(await executeAttempt(w.execution, { accountId: w.accountId, attemptId: attempt.attemptId })).toBe(
      'succeeded',
    );
    expect(w.debitsInLedger().map((d) => d.amountMinor)).toEqual([1_200]);
    expect(
      await w.store.getInstalment({ accountId: w.accountId, instalmentId: attempt.instalmentId }),
    ).toMatchObject({ status: 'paid', paidMinor: 1_200 });
  });

  it('never debits a hardship plan the customer did not choose to have collected', async () => {
    await agreed({});
    expect(await collectComingDue(w.planning, w.accountId)).toEqual([]);
    // Even asked directly, a due-date debit without the choice is held.
    const [first] = (await w.store.listInstalments(w.accountId)).filter((i) => i.source === 'plan');
    const blocked = await planDebit(w.planning, {
      account: await w.accounts.get(w.accountId),
      mandate: await w.store.currentMandate(w.accountId),
      instalment: first!,
      number: 1,
      requestedBy: 'schedule',
      onDueDate: true,
    });
    expect(blocked).toEqual({ outcome: 'blocked', reasons: ['HARDSHIP_PLAN'] });
  });

  it('the customer may still pay the instalment now: the automatic debit waiting for its day stands down', async () => {
    await agreed({ collectOnDueDate: true });
    const [planned] = await collectComingDue(w.planning, w.accountId);
    const automatic = (planned as { attempt: DebitAttempt }).attempt;
    const now = await requestDebit(w.planning, {
      accountId: w.accountId,
      instalmentId: automatic.instalmentId,
      amountMinor: 1_200,
      requestedBy: 'customer',
    });
    expect(now).toMatchObject({ requestedBy: 'customer', number: 2, state: 'scheduled' });
    expect(
      await w.store.getAttempt({ accountId: w.accountId, attemptId: automatic.attemptId }),
    ).toMatchObject({ state: 'cancelled', cancelledReasons: ['PAID_NOW_BY_CUSTOMER'] });
    expect(await executeAttempt(w.execution, { accountId: w.accountId, attemptId: now.attemptId })).toBe(
      'succeeded',
    );
    expect(w.debitsInLedger().map((d) => d.amountMinor)).toEqual([1_200]);
    // Paid: another "pay now" is refused as such.
    await expect(
      requestDebit(w.planning, {
        accountId: w.accountId,
        instalmentId: automatic.instalmentId,
        amountMinor: 1,
        requestedBy: 'customer',
      }),
    ).rejects.toMatchObject({ code: 'INSTALMENT_PAID' });
  });

  it('a later instalment is planned when it comes within reach', async () => {
    await agreed({ collectOnDueDate: true });
    await collectComingDue(w.planning, w.accountId);
    w.setNow('2026-12-28T15:00:00.000Z');
    const planned = await collectComingDue(w.planning, w.accountId);
    expect(planned.map((p) => (p as { attempt: DebitAttempt }).attempt.debitDate)).toEqual(['2027-01-04']);
  });
});
