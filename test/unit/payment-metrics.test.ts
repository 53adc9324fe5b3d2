/** The dashboard's real-time debit figures: every number from known rows, by hand. */
import { describe, expect, it } from 'vitest';
import {
  type PaymentMetricsAttempt,
  type PaymentMetricsInstalment,
  paymentMetrics,
} from '../../lambdas/domain/dashboard/payment-metrics';

const MISSED_AT = '2026-10-29T00:00:00Z';

const instalment = (
  accountId: string,
  instalmentId: string,
  status: PaymentMetricsInstalment['status'],
  extra: Partial<PaymentMetricsInstalment> = {},
): PaymentMetricsInstalment => ({ accountId, instalmentId, currency: 'USD', status, ...extra });

const attempt = (
  accountId: string,
  instalmentId: string,
  number: number,
  state: PaymentMetricsAttempt['state'],
  extra: Partial<PaymentMetricsAttempt> = {},
): PaymentMetricsAttempt => ({
  accountId,
  attemptId: `${instalmentId}#${number}`,
  instalmentId,
  number,
  currency: 'USD',
  state,
  ...extra,
});

const INSTALMENTS: PaymentMetricsInstalment[] = [
  // Missed, then cured by the second presentment.
  instalment('X', 'statement-2026-10-25', 'paid', { missedAt: MISSED_AT }),
  // Missed, its debit still scheduled.
  instalment('X', 'statement-2026-11-25', 'missed', { missedAt: MISSED_AT }),
  // Missed, cured by the first presentment (CNY).
  instalment('Y', 'plan-2026-10-05', 'paid', { currency: 'CNY', missedAt: MISSED_AT }),
  // Missed, then a hardship plan replaced it and its debit was cancelled.
  instalment('Y', 'statement-2026-10-20', 'superseded', { currency: 'CNY', missedAt: MISSED_AT }),
  // Missed with no debit, and why.
  instalment('Z', 'statement-2026-10-25', 'missed', { debitBlockedReasons: ['NO_MANDATE'] }),
  instalment('Z', 'statement-2026-09-25', 'missed', { debitBlockedReasons: ['DISPUTE', 'CEASE'] }),
  instalment('W', 'statement-2026-10-25', 'missed'),
  // The same instalment id as X's on another account: X's attempts are not its attempts.
  instalment('V', 'statement-2026-10-25', 'missed', { debitBlockedReasons: ['NO_MANDATE', 'NO_MANDATE'] }),
  // Never missed: paid on time, or still due (the customer paid it now from the portal).
  instalment('W', 'statement-2026-09-25', 'paid'),
  instalment('W', 'statement-2026-11-25', 'due'),
];

const ATTEMPTS: PaymentMetricsAttempt[] = [
  attempt('X', 'statement-2026-10-25', 1, 'failed', {
    amountMinor: 5_000,
    failureReason: 'insufficient_funds',
  }),
  attempt('X', 'statement-2026-10-25', 2, 'succeeded', { amountMinor: 3_000 }),
  attempt('X', 'statement-2026-11-25', 1, 'scheduled'),
  attempt('Y', 'plan-2026-10-05', 1, 'succeeded', { currency: 'CNY', amountMinor: 10_000 }),
  attempt('Y', 'statement-2026-10-20', 1, 'cancelled', {
    currency: 'CNY',
    cancelledReasons: ['HARDSHIP_PLAN', 'SUPERSEDED'],
  }),
  attempt('W', 'statement-2026-11-25', 1, 'succeeded', { amountMinor: 2_000 }),
  // Attempts whose instalments are not in the rows still count for recovery, failures and cancellations.
  attempt('X', 'statement-2026-08-25', 1, 'unresolved', { amountMinor: 4_000 }),
  attempt('X', 'statement-2026-07-25', 1, 'failed', { failureReason: 'account_closed' }),
  attempt('U', 'statement-2026-10-25', 3, 'failed', { failureReason: 'insufficient_funds' }),
  attempt('Q', 'statement-2026-10-25', 1, 'cancelled'),
  attempt('R', 'statement-2026-10-25', 1, 'cancelled', { cancelledReasons: ['MANDATE_REVOKED'] }),
  attempt('R', 'statement-2026-11-25', 1, 'cancelled', {
    cancelledReasons: ['MANDATE_REVOKED', 'MANDATE_REVOKED'],
  }),
];

describe('payment metrics', () => {
  const metrics = paymentMetrics({ instalments: INSTALMENTS, attempts: ATTEMPTS });

  it('counts attempts by state', () => {
    expect(metrics.attempts).toEqual({
      total: 12,
      byState: {
        scheduled: 1,
        executing: 0,
        unknown: 0,
        succeeded: 3,
        failed: 3,
        cancelled: 4,
        unresolved: 1,
      },
    });
  });

  it('cure rate: missed instalments with an attempt that ended paid, over those with an attempt', () => {
    expect(metrics.cure).toEqual({
      missed: 8,
      withAttempt: 4,
      cured: 2,
      stillMissed: 1,
      superseded: 1,
      rate: 0.5,
      withoutAttempt: 4,
      withoutAttemptByReason: [
        { reason: 'NO_MANDATE', count: 2 },
        { reason: 'CEASE', count: 1 },
        { reason: 'DISPUTE', count: 1 },
        { reason: 'UNSPECIFIED', count: 1 },
      ],
    });
  });

  it('recovered by attempt number, per currency, never summed across currencies', () => {
    expect(metrics.recovery).toEqual({
      recoveredMinor: { USD: 5_000, CNY: 10_000 },
      byAttempt: [
        // failed, succeeded, unresolved, failed; the scheduled one was not presented.
        { currency: 'USD', number: 1, presented: 4, succeeded: 1, recoveredMinor: 2_000 },
        { currency: 'USD', number: 2, presented: 1, succeeded: 1, recoveredMinor: 3_000 },
        { currency: 'USD', number: 3, presented: 1, succeeded: 0, recoveredMinor: 0 },
        // The cancelled CNY attempt was never presented.
        { currency: 'CNY', number: 1, presented: 1, succeeded: 1, recoveredMinor: 10_000 },
      ],
    });
  });

  it('fills the presentments nobody reached with zeros', () => {
    const only = paymentMetrics({
      instalments: [],
      attempts: [attempt('U', 'statement-2026-10-25', 2, 'succeeded', { amountMinor: 700 })],
    });
    expect(only.recovery.byAttempt).toEqual([
      { currency: 'USD', number: 1, presented: 0, succeeded: 0, recoveredMinor: 0 },
      { currency: 'USD', number: 2, presented: 1, succeeded: 1, recoveredMinor: 700 },
    ]);
  });

  it('failures by reason, with unresolved attempts as their own reason', () => {
    expect(metrics.failures).toEqual({
      failed: 3,
      unresolved: 1,
      byReason: [
        { reason: 'insufficient_funds', count: 2 },
        { reason: 'account_closed', count: 1 },
        { reason: 'unresolved', count: 1 },
      ],
    });
  });

  it('cancellations by reason, each reason once per attempt', () => {
    expect(metrics.cancellations).toEqual({
      cancelled: 4,
      byReason: [
        { reason: 'MANDATE_REVOKED', count: 2 },
        { reason: 'HARDSHIP_PLAN', count: 1 },
        { reason: 'SUPERSEDED', count: 1 },
        { reason: 'UNSPECIFIED', count: 1 },
      ],
    });
  });

  it('has no cure rate before a missed instalment had an attempt', () => {
    const none = paymentMetrics({ instalments: INSTALMENTS.slice(4, 8), attempts: [] });
    expect(none.cure).toMatchObject({ missed: 4, withAttempt: 0, cured: 0, rate: null, withoutAttempt: 4 });
    expect(paymentMetrics({ instalments: [], attempts: [] })).toEqual({
      attempts: {
        total: 0,
        byState: {
          scheduled: 0,
          executing: 0,
          unknown: 0,
          succeeded: 0,
          failed: 0,
          cancelled: 0,
          unresolved: 0,
        },
      },
      cure: {
        missed: 0,
        withAttempt: 0,
        cured: 0,
        stillMissed: 0,
        superseded: 0,
        rate: null,
        withoutAttempt: 0,
        withoutAttemptByReason: [],
      },
      recovery: { recoveredMinor: { USD: 0, CNY: 0 }, byAttempt: [] },
      failures: { failed: 0, unresolved: 0, byReason: [] },
      cancellations: { cancelled: 0, byReason: [] },
    });
  });
});
