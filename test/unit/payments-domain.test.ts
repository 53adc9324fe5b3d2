/**
 * The pure parts of real-time debit: whether an instalment may be debited and for how much, how a payment
 * lands, the mandate's authorisation text, statement instalments, re-presentment and result events.
 */
import { describe, expect, it } from 'vitest';
import { DETAIL_TYPES, EVENT_SOURCES } from '../../contracts/events';
import type { Account, AccountFlags } from '../../lambdas/domain/accounts/account';
import { DomainError } from '../../lambdas/domain/errors';
import { DEBIT_POLICY, type DebitPolicy, missAtOf } from '../../lambdas/domain/payments/debit-policy';
import { isFinalFailure, resultEvent } from '../../lambdas/domain/payments/execute-debit';
import { statementInstalments } from '../../lambdas/domain/payments/instalment-monitor';
import {
  MANDATE_TERMS_VERSION,
  MAX_MANDATE_AMOUNT_MINOR,
  type MandateChoices,
  mandateTerms,
} from '../../lambdas/domain/payments/mandates';
import { applicationOf } from '../../lambdas/domain/payments/payment-application';
import type { DebitAttempt, Instalment, Mandate } from '../../lambdas/domain/payments/payments';
import { debitBlockReasons, outstandingOf, plannedAmount } from '../../lambdas/domain/payments/plan-debit';
import { anAccount, NO_FLAGS } from '../support/accounts';
import { cnCardNumber, US_ROUTING, usAccountNumber, usDebtor } from '../support/bank-accounts';

const ACCOUNT_ID = 'ACC-PAY-004217';

const account = (changes: Partial<Account> = {}): Account =>
  anAccount({
    accountId: ACCOUNT_ID,
    amountOverdueMinor: 5_000,
    oldestUnpaidDueDate: '2026-10-10',
    ...changes,
  });

const cnAccount = (changes: Partial<Account> = {}): Account => {
  const base = account();
  return {
    ...base,
    jurisdiction: 'CN',
    currency: 'CNY',
    customer: { ...base.customer, language: 'zh-CN', timezone: 'Asia/Shanghai' },
    ...changes,
  };
};

const flagged = (flags: Partial<AccountFlags>) => account({ flags: { ...NO_FLAGS, ...flags } });

const mandate = (changes: Partial<Mandate> = {}): Mandate => ({
  accountId: ACCOUNT_ID,
  mandateId: 'mandate-1',
  status: 'active',
  debtorAccount: usDebtor('3000'),
  currency: 'USD',
  maxAmountMinor: 50_000,
  partialAllowed: false,
  authorisationText: 'I authorise …',
  termsVersion: MANDATE_TERMS_VERSION,
  authorisedAt: '2026-11-01T10:00:00.000Z',
  channel: 'portal',
  ...changes,
});

const instalment = (dueDate: string, amountMinor: number, changes: Partial<Instalment> = {}): Instalment => ({
  accountId: ACCOUNT_ID,
  instalmentId: `${changes.source ?? 'statement'}-${dueDate}`,
  source: 'statement',
  dueDate,
  currency: 'USD',
  amountMinor,
  paidMinor: 0,
  status: 'missed',
  missAt: missAtOf(dueDate, 'credit_card'),
  createdAt: '2026-10-01T00:00:00.000Z',
  ...changes,
});

const plan: NonNullable<Account['repaymentPlan']> = {
  optionId: 'instalment-6',
  kind: 'instalment',
  totalMinor: 60_000,
  instalments: [{ dueDate: '2026-12-05', amountMinor: 10_000 }],
  acceptedAt: '2026-11-20T10:00:00.000Z',
};

function domainErrorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

describe('debitBlockReasons', () => {
  const due = instalment('2026-11-10', 3_600);

  it('allows a debit with an active mandate in the account currency and no hold', () => {
    expect(debitBlockReasons(account(), mandate(), due)).toEqual([]);
    expect(outstandingOf(due)).toBe(3_600);
  });

  it('needs the account', () => {
    expect(debitBlockReasons(undefined, mandate(), due)).toEqual(['ACCOUNT_NOT_FOUND']);
  });

  it('needs an active mandate in the account currency', () => {
    expect(debitBlockReasons(account(), undefined, due)).toEqual(['NO_MANDATE']);
    expect(
      debitBlockReasons(account(), mandate({ status: 'revoked', revokedAt: '2026-11-02T00:00:00Z' }), due),
    ).toEqual(['MANDATE_REVOKED']);
    expect(debitBlockReasons(account(), mandate({ currency: 'CNY' }), due)).toEqual(['CURRENCY_MISMATCH']);
  });

  it.each([
    [{ dispute: true }, 'DISPUTE'],
    [{ ceaseRequested: true }, 'CEASE'],
    [{ hardshipPlan: true }, 'HARDSHIP_PLAN'],
    [{ deceased: true }, 'ACCOUNT_EXCLUDED'],
    [{ bankrupt: true }, 'ACCOUNT_EXCLUDED'],
    [{ fraudReported: true }, 'FRAUD_REPORTED'],
    [{ legalRepresentation: true }, 'REPRESENTED_BY_LAWYER'],
    [{ vulnerable: true }, 'SPECIALIST_CARE'],
  ] as const)('holds the debit for %o with %s', (flags, reason) => {
    expect(debitBlockReasons(flagged(flags), mandate(), due)).toEqual([reason]);
  });

  it("lets the customer's own pay-now through a hardship plan or a stop request, never through the other holds", () => {
    expect(debitBlockReasons(flagged({ hardshipPlan: true }), mandate(), due, 'customer')).toEqual([]);
    expect(debitBlockReasons(flagged({ ceaseRequested: true }), mandate(), due, 'customer')).toEqual([]);
    expect(debitBlockReasons(flagged({ hardshipPlan: true }), mandate(), due, 'agent:alice')).toEqual([
      'HARDSHIP_PLAN',
    ]);
    expect(debitBlockReasons(flagged({ hardshipPlan: true }), mandate(), due, 'monitor')).toEqual([
      'HARDSHIP_PLAN',
    ]);
    for (const [flags, reason] of [
      [{ dispute: true }, 'DISPUTE'],
      [{ deceased: true }, 'ACCOUNT_EXCLUDED'],
      [{ fraudReported: true }, 'FRAUD_REPORTED'],
      [{ vulnerable: true }, 'SPECIALIST_CARE'],
    ] as const) {
      expect(debitBlockReasons(flagged(flags), mandate(), due, 'customer')).toEqual([reason]);
    }
  });

  it('gives every reason at once', () => {
    expect(
      debitBlockReasons(flagged({ dispute: true, ceaseRequested: true }), undefined, {
        ...due,
        status: 'paid',
      }),
    ).toEqual(['NO_MANDATE', 'DISPUTE', 'CEASE', 'PAID']);
  });

  it('does not debit what is paid, by status or by amount', () => {
    expect(debitBlockReasons(account(), mandate(), { ...due, status: 'paid', paidMinor: 3_600 })).toEqual([
      'PAID',
    ]);
    expect(debitBlockReasons(account(), mandate(), { ...due, paidMinor: 3_600 })).toEqual(['PAID']);
    expect(debitBlockReasons(account(), mandate(), { ...due, paidMinor: 3_599 })).toEqual([]);
  });

  it('does not debit a superseded instalment, nor a statement instalment once a plan is the schedule', () => {
    expect(debitBlockReasons(account(), mandate(), { ...due, status: 'superseded' })).toEqual(['SUPERSEDED']);
    expect(debitBlockReasons(account({ repaymentPlan: plan }), mandate(), due)).toEqual(['SUPERSEDED']);
    const planned = instalment('2026-12-05', 10_000, { source: 'plan' });
    expect(planned.instalmentId).toBe('plan-2026-12-05');
    expect(debitBlockReasons(account({ repaymentPlan: plan }), mandate(), planned)).toEqual([]);
  });
});

describe('plannedAmount', () => {
  it('takes what is outstanding when the mandate allows it', () => {
    expect(plannedAmount(instalment('2026-11-10', 3_600), mandate())).toEqual({ amountMinor: 3_600 });
    expect(plannedAmount(instalment('2026-11-10', 3_600, { paidMinor: 1_000 }), mandate())).toEqual({
      amountMinor: 2_600,
    });
    expect(plannedAmount(instalment('2026-11-10', 50_000), mandate())).toEqual({ amountMinor: 50_000 });
  });

  it('above the maximum: the maximum with partial sweeps, nothing without', () => {
    const large = instalment('2026-11-10', 50_001);
    expect(plannedAmount(large, mandate({ partialAllowed: true }))).toEqual({ amountMinor: 50_000 });
    expect(plannedAmount(large, mandate({ partialAllowed: false }))).toEqual({
      reason: 'AMOUNT_ABOVE_MANDATE',
    });
  });
});

describe('applicationOf', () => {
  const oldest = instalment('2026-10-10', 3_000);
  const later = instalment('2026-11-10', 2_000, { paidMinor: 500 });
  const upcoming = instalment('2026-12-15', 1_500, { status: 'due' });
  const paid = instalment('2026-09-10', 1_000, { status: 'paid', paidMinor: 1_000 });
  const superseded = instalment('2026-08-10', 4_000, { status: 'superseded' });
  const all = [upcoming, paid, later, superseded, oldest];

  const apply = (amountMinor: number, changes: Partial<Parameters<typeof applicationOf>[0]> = {}) =>
    applicationOf({
      account: account({ balanceMinor: 120_000, amountOverdueMinor: 4_500, minimumDueMinor: 6_000 }),
      instalments: all,
      paymentId: 'pay-1',
      amountMinor,
      receivedAt: '2026-11-20T09:00:00.000Z',
      via: 'external',
      ...changes,
    });

  const allocated = (result: ReturnType<typeof applicationOf>) =>
    result.allocations.map((a) => [a.instalment.instalmentId, a.paidMinor, a.status]);

  it('pays the oldest open instalments first, and skips paid and superseded ones', () => {
    const result = apply(4_000);
    expect(allocated(result)).toEqual([
      ['statement-2026-10-10', 3_000, 'paid'],
      ['statement-2026-11-10', 1_500, 'missed'],
    ]);
    expect(result).toMatchObject({
      accountId: ACCOUNT_ID,
      paymentId: 'pay-1',
      amountMinor: 4_000,
      currency: 'USD',
      receivedAt: '2026-11-20T09:00:00.000Z',
      via: 'external',
    });
  });

  it("pays the debit's own instalment first, then the oldest", () => {
    const result = apply(2_500, { forInstalmentId: 'statement-2026-12-15', via: 'debit' });
    expect(allocated(result)).toEqual([
      ['statement-2026-12-15', 1_500, 'paid'],
      ['statement-2026-10-10', 1_000, 'missed'],
    ]);
    expect(result.via).toBe('debit');
  });

  it('updates the account figures, never below zero, and an overpayment pays everything', () => {
    const part = apply(1_000);
    expect(part.account).toEqual({
      before: { balanceMinor: 120_000, amountOverdueMinor: 4_500 },
      after: {
        balanceMinor: 119_000,
        amountOverdueMinor: 3_500,
        minimumDueMinor: 5_000,
        cured: false,
        promiseKept: false,
      },
    });
    const over = apply(200_000);
    expect(allocated(over)).toEqual([
      ['statement-2026-10-10', 3_000, 'paid'],
      ['statement-2026-11-10', 2_000, 'paid'],
      ['statement-2026-12-15', 1_500, 'paid'],
    ]);
    expect(over.account.after).toEqual({
      balanceMinor: 0,
      amountOverdueMinor: 0,
      minimumDueMinor: 0,
      cured: true,
      promiseKept: false,
    });
  });

  it('cures the account exactly when the arrears are paid', () => {
    expect(apply(4_499).account.after.cured).toBe(false);
    expect(apply(4_500).account.after.cured).toBe(true);
    expect(apply(4_500).account.after.amountOverdueMinor).toBe(0);
  });

  it('keeps a promise paid in full, or when the arrears are cleared', () => {
    const promised = (promiseMinor: number) =>
      account({
        amountOverdueMinor: 4_500,
        promise: {
          amountMinor: promiseMinor,
          dueDate: '2026-11-25',
          recordedAt: '2026-11-15T00:00:00Z',
          source: 'portal',
        },
        flags: { ...NO_FLAGS, promiseToPay: true },
      });
    const keptBy = (promiseMinor: number, amountMinor: number) =>
      applicationOf({
        account: promised(promiseMinor),
        instalments: all,
        paymentId: 'pay-2',
        amountMinor,
        receivedAt: '2026-11-20T09:00:00.000Z',
        via: 'external',
      }).account.after.promiseKept;
    expect(keptBy(2_000, 2_000)).toBe(true);
    expect(keptBy(2_000, 1_999)).toBe(false);
    expect(keptBy(9_000, 4_500)).toBe(true); // less than promised, but nothing is overdue any more
    expect(apply(4_500).account.after.promiseKept).toBe(false); // no promise to keep
  });
});

describe('mandateTerms', () => {
  const choices: MandateChoices = {
    debtorAccount: usAccountNumber('3000'),
    routingNumber: US_ROUTING,
    maxAmountMinor: 50_000,
    partialAllowed: true,
  };
  const cnChoices: MandateChoices = {
    debtorAccount: cnCardNumber('3000'),
    maxAmountMinor: 50_000,
    partialAllowed: true,
  };

  it('is the same text and hash for the same inputs, however the account number was typed', () => {
    const first = mandateTerms(account(), choices);
    expect(mandateTerms(account(), { ...choices })).toEqual(first);
    expect(
      mandateTerms(account(), { ...choices, debtorAccount: '4000-1230 00', routingNumber: '021 000 021' }),
    ).toEqual(first);
    expect(first.termsVersion).toBe(MANDATE_TERMS_VERSION);
    expect(first.termsHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('binds the whole account number and the routing number, though the text shows only the last digits', () => {
    const one = mandateTerms(account(), { ...choices, debtorAccount: '11111234' });
    const other = mandateTerms(account(), { ...choices, debtorAccount: '22221234' });
    const otherBank = mandateTerms(account(), {
      ...choices,
      debtorAccount: '11111234',
      routingNumber: '011000015',
    });
    expect(other.text).toBe(one.text);
    expect(otherBank.text).toBe(one.text);
    expect(new Set([one.termsHash, other.termsHash, otherBank.termsHash]).size).toBe(3);
  });

  it('changes text and hash when any choice or the account changes', () => {
    const base = mandateTerms(account(), choices);
    const variants = [
      mandateTerms(account(), { ...choices, maxAmountMinor: 50_001 }),
      mandateTerms(account(), { ...choices, partialAllowed: false }),
      mandateTerms(account(), { ...choices, debtorAccount: usAccountNumber('9999') }),
      mandateTerms(anAccount({ accountId: 'ACC-PAY-009999' }), choices),
      mandateTerms(cnAccount(), cnChoices),
      mandateTerms(account({ jurisdiction: 'CN', currency: 'CNY' }), cnChoices),
      mandateTerms(account({ currency: 'CNY' }), choices),
    ];
    const texts = new Set([base.text, ...variants.map((v) => v.text)]);
    const hashes = new Set([base.termsHash, ...variants.map((v) => v.termsHash)]);
    expect(texts.size).toBe(variants.length + 1);
    expect(hashes.size).toBe(variants.length + 1);
  });

  it('changes with the policy it states', () => {
    const shorter: DebitPolicy = {
      ...DEBIT_POLICY,
      jurisdictions: {
        ...DEBIT_POLICY.jurisdictions,
        US: { ...DEBIT_POLICY.jurisdictions.US, protectedMinimumMinor: 50_00 },
      },
    };
    expect(mandateTerms(account(), choices, shorter).termsHash).not.toBe(
      mandateTerms(account(), choices).termsHash,
    );
  });

  it('states the maximum, the protected minimum, the notice, the retries and how to stop', () => {
    const { text } = mandateTerms(account(), choices);
    expect(text).toContain('ending 4217');
    expect(text).toContain('bank account ending 3000');
    expect(text).not.toContain(usAccountNumber('3000'));
    expect(text).not.toContain(US_ROUTING);
    expect(text).toContain('No single payment will be more than USD 500.00');
    expect(text).toContain('always leaving at least USD 100.00');
    expect(text).toContain('at least 4 business days before each payment');
    expect(text).toContain('at most 2 times');
    expect(text).toContain('at least 3 business days before a payment always stops it');
    const allOrNothing = mandateTerms(account(), { ...choices, partialAllowed: false }).text;
    expect(allOrNothing).toContain('only take the full amount');
    expect(allOrNothing).toContain('less than USD 100.00');
  });

  it('is written in Chinese for a Chinese-speaking customer, with the CN policy', () => {
    const { text } = mandateTerms(cnAccount(), cnChoices);
    expect(text).toMatch(/^本人授权银行/);
    expect(text).toContain('尾号3000的银行账户');
    expect(text).toContain('每笔扣款不超过人民币500.00元');
    expect(text).toContain('至少人民币500.00元'); // the CN protected minimum
    expect(text).toContain('至少2个工作日');
    expect(text).toContain('至少1个工作日');
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
  });

  it.each([
    '',
    'ABC12',
    '123',
    '4000-12!30',
    '1'.repeat(18),
    'SCUNTHORPEGENERALHOSPITAL',
    'DE89370400440532013000',
    'ÄÖÜ123456',
  ])('refuses the US account number %j with INVALID_DEBTOR_ACCOUNT', (debtorAccount) => {
    const error = domainErrorOf(() => mandateTerms(account(), { ...choices, debtorAccount }));
    expect(error).toMatchObject({ kind: 'invalid', code: 'INVALID_DEBTOR_ACCOUNT' });
  });

  it.each([undefined, '', '021000022', '02100002', '0210000210', '000000000', '990000001', '12345678A'])(
    'refuses the US routing number %j with INVALID_ROUTING_NUMBER',
    (routingNumber) => {
      const error = domainErrorOf(() => mandateTerms(account(), { ...choices, routingNumber }));
      expect(error).toMatchObject({ kind: 'invalid', code: 'INVALID_ROUTING_NUMBER' });
    },
  );

  it.each([
    '6222020000400001112', // check digit off by one
    '6222020000400001111'.slice(0, 15), // 15 digits
    `${cnCardNumber('1111')}0`, // 20 digits
    'SCUNTHORPEGENERALHOSPITAL',
    'CN12345678',
  ])('refuses the Chinese card number %j with INVALID_DEBTOR_ACCOUNT', (debtorAccount) => {
    const error = domainErrorOf(() => mandateTerms(cnAccount(), { ...cnChoices, debtorAccount }));
    expect(error).toMatchObject({ kind: 'invalid', code: 'INVALID_DEBTOR_ACCOUNT' });
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_MANDATE_AMOUNT_MINOR + 1, 2 ** 53])(
    'refuses the maximum %s with INVALID_AMOUNT',
    (maxAmountMinor) => {
      const error = domainErrorOf(() => mandateTerms(account(), { ...choices, maxAmountMinor }));
      expect(error).toMatchObject({ kind: 'invalid', code: 'INVALID_AMOUNT' });
    },
  );

  it('accepts the limits', () => {
    expect(mandateTerms(account(), { ...choices, maxAmountMinor: 1 }).text).toContain('USD 0.01');
    expect(mandateTerms(account(), { ...choices, maxAmountMinor: MAX_MANDATE_AMOUNT_MINOR }).text).toContain(
      'USD 1,000,000.00',
    );
    expect(mandateTerms(account(), { ...choices, debtorAccount: '1234' }).text).toContain('ending 1234');
    expect(mandateTerms(account(), { ...choices, debtorAccount: `${'1'.repeat(16)}9` }).text).toContain(
      'ending 1119',
    );
    expect(mandateTerms(cnAccount(), { ...cnChoices, debtorAccount: '4111 1111 1111 1111' }).text).toContain(
      '尾号1111',
    );
  });
});

describe('statementInstalments', () => {
  const now = new Date('2026-11-20T02:00:00.000Z');
  const monitored = (changes: Partial<Account>) =>
    account({ minimumDueMinor: 5_600, nextDueDate: '2026-12-15', ...changes });

  it('tracks the arrears at the oldest unpaid due date and the rest of the minimum at the next', () => {
    expect(
      statementInstalments(monitored({ amountOverdueMinor: 3_600, oldestUnpaidDueDate: '2026-11-10' }), now),
    ).toEqual([
      {
        accountId: ACCOUNT_ID,
        instalmentId: 'statement-2026-11-10',
        source: 'statement',
        dueDate: '2026-11-10',
        currency: 'USD',
        amountMinor: 3_600,
        paidMinor: 0,
        status: 'due',
        missAt: '2026-11-14T00:00:00.000Z',
        createdAt: '2026-11-20T02:00:00.000Z',
      },
      {
        accountId: ACCOUNT_ID,
        instalmentId: 'statement-2026-12-15',
        source: 'statement',
        dueDate: '2026-12-15',
        currency: 'USD',
        amountMinor: 2_000,
        paidMinor: 0,
        status: 'due',
        missAt: '2026-12-19T00:00:00.000Z',
        createdAt: '2026-11-20T02:00:00.000Z',
      },
    ]);
  });

  it('tracks only the next due date when nothing is overdue, only the arrears when they are the minimum', () => {
    const current = statementInstalments(
      monitored({ amountOverdueMinor: 0, oldestUnpaidDueDate: undefined, minimumDueMinor: 3_600 }),
      now,
    );
    expect(current.map((i) => [i.instalmentId, i.amountMinor])).toEqual([['statement-2026-12-15', 3_600]]);
    const arrearsOnly = statementInstalments(
      monitored({ amountOverdueMinor: 5_600, oldestUnpaidDueDate: '2026-11-10' }),
      now,
    );
    expect(arrearsOnly.map((i) => [i.instalmentId, i.amountMinor])).toEqual([
      ['statement-2026-11-10', 5_600],
    ]);
    expect(
      statementInstalments(
        monitored({ amountOverdueMinor: 0, oldestUnpaidDueDate: undefined, minimumDueMinor: 0 }),
        now,
      ),
    ).toEqual([]);
  });

  it('tracks none while an accepted plan is the schedule', () => {
    expect(
      statementInstalments(
        monitored({ amountOverdueMinor: 3_600, oldestUnpaidDueDate: '2026-11-10', repaymentPlan: plan }),
        now,
      ),
    ).toEqual([]);
  });

  it('uses the account currency and the policy grace', () => {
    const [cn] = statementInstalments(
      {
        ...cnAccount({
          amountOverdueMinor: 3_600,
          oldestUnpaidDueDate: '2026-11-10',
          minimumDueMinor: 3_600,
        }),
      },
      now,
      { ...DEBIT_POLICY, graceDays: { credit_card: 10 } },
    );
    expect(cn).toMatchObject({ currency: 'CNY', missAt: '2026-11-21T00:00:00.000Z' });
  });
});

const attempt = (changes: Partial<DebitAttempt> = {}): DebitAttempt => ({
  accountId: ACCOUNT_ID,
  attemptId: 'statement-2026-11-10#1',
  instalmentId: 'statement-2026-11-10',
  number: 1,
  idempotencyKey: `debit.${ACCOUNT_ID}.statement-2026-11-10.1`,
  mandateId: 'mandate-1',
  debtorAccount: usDebtor('3000'),
  currency: 'USD',
  plannedMinor: 3_600,
  debitAt: '2026-11-20T15:00:00.000Z',
  debitDate: '2026-11-20',
  stopBy: '2026-11-17',
  state: 'failed',
  failureReason: 'insufficient_funds',
  requestedBy: 'monitor',
  createdAt: '2026-11-16T02:00:00.000Z',
  updatedAt: '2026-11-20T15:00:05.000Z',
  reconciliations: 0,
  finishedAt: '2026-11-20T15:00:05.000Z',
  ...changes,
});

describe('isFinalFailure', () => {
  it('presents a refusal for lack of funds again, twice, then stops', () => {
    expect(isFinalFailure(attempt({ number: 1 }))).toBe(false);
    expect(isFinalFailure(attempt({ number: 2 }))).toBe(false);
    expect(isFinalFailure(attempt({ number: 3 }))).toBe(true);
    expect(isFinalFailure(attempt({ number: 3 }), DEBIT_POLICY, 'CN')).toBe(true);
  });

  it('never presents again what will not pass in a few days', () => {
    for (const failureReason of [
      'account_closed',
      'account_not_found',
      'currency_mismatch',
      'rejected',
    ] as const) {
      expect(isFinalFailure(attempt({ failureReason }))).toBe(true);
    }
    expect(isFinalFailure(attempt({ failureReason: undefined }))).toBe(true);
    expect(isFinalFailure(attempt({ state: 'unresolved', failureReason: undefined }))).toBe(true);
  });

  it('never presents again a debit a person asked for', () => {
    expect(isFinalFailure(attempt({ requestedBy: 'customer' }))).toBe(true);
    expect(isFinalFailure(attempt({ requestedBy: 'agent:agent-7' }))).toBe(true);
  });

  it("follows the jurisdiction's limit", () => {
    const policy: DebitPolicy = {
      ...DEBIT_POLICY,
      jurisdictions: {
        US: { ...DEBIT_POLICY.jurisdictions.US, maxRepresentments: 2 },
        CN: { ...DEBIT_POLICY.jurisdictions.CN, maxRepresentments: 0 },
      },
    };
    expect(isFinalFailure(attempt({ number: 1 }), policy, 'CN')).toBe(true);
    expect(isFinalFailure(attempt({ number: 1 }), policy, 'US')).toBe(false);
  });
});

describe('resultEvent', () => {
  const base = {
    accountId: ACCOUNT_ID,
    attemptId: 'statement-2026-11-10#1',
    instalmentId: 'statement-2026-11-10',
    number: 1,
    currency: 'USD',
    requestedBy: 'monitor',
    finishedAt: '2026-11-20T15:00:05.000Z',
  };

  it('a success carries the amount taken and the bank reference', () => {
    const event = resultEvent(
      attempt({ state: 'succeeded', failureReason: undefined, amountMinor: 2_500, gatewayDebitId: 'gw-9' }),
      'US',
    );
    expect(event).toEqual({
      source: EVENT_SOURCES.payments,
      detailType: DETAIL_TYPES.debitSucceeded,
      detail: { ...base, amountMinor: 2_500, gatewayDebitId: 'gw-9' },
    });
  });

  it('a refusal carries the reason and whether it is final', () => {
    expect(resultEvent(attempt({ amountMinor: 3_000 }), 'US')).toEqual({
      source: EVENT_SOURCES.payments,
      detailType: DETAIL_TYPES.debitFailed,
      detail: { ...base, amountMinor: 3_000, reason: 'insufficient_funds', final: false },
    });
    const last = resultEvent(attempt({ number: 3, attemptId: 'statement-2026-11-10#3' }), 'US');
    expect(last.detail).toMatchObject({ amountMinor: 3_600, number: 3, final: true });
    const closed = resultEvent(attempt({ failureReason: 'account_closed' }), 'CN');
    expect(closed.detail).toMatchObject({ reason: 'account_closed', final: true });
  });

  it('an unresolved attempt is a final failure for a person to reconcile', () => {
    const event = resultEvent(
      attempt({ state: 'unresolved', failureReason: undefined, amountMinor: 3_600 }),
      'US',
    );
    expect(event.detailType).toBe(DETAIL_TYPES.debitFailed);
    expect(event.detail).toMatchObject({ reason: 'unresolved', final: true, amountMinor: 3_600 });
  });

  it('a cancellation carries the planned amount and the reasons', () => {
    const event = resultEvent(
      attempt({ state: 'cancelled', failureReason: undefined, cancelledReasons: ['DISPUTE', 'CEASE'] }),
      'US',
    );
    expect(event).toEqual({
      source: EVENT_SOURCES.payments,
      detailType: DETAIL_TYPES.debitCancelled,
      detail: { ...base, plannedMinor: 3_600, reasons: ['DISPUTE', 'CEASE'] },
    });
  });
});
