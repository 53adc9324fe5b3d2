/**
 * The dashboard's figures on real-time debit, from the payments table's instalments and debit attempts.
 * Pure: rows in, figures out. Money stays per currency and is never summed across currencies.
 */
import type { Currency } from '../accounts/account';
import type { AttemptState, DebitAttempt, Instalment } from '../payments/payments';

// ---------------------------------------------------------------------------------------------------------
// What the figures read
// ---------------------------------------------------------------------------------------------------------

export type PaymentMetricsInstalment = Pick<
  Instalment,
  'accountId' | 'instalmentId' | 'currency' | 'status' | 'missedAt' | 'debitBlockedReasons'
>;

export type PaymentMetricsAttempt = Pick<
  DebitAttempt,
  | 'accountId'
  | 'attemptId'
  | 'instalmentId'
  | 'number'
  | 'currency'
  | 'state'
  | 'amountMinor'
  | 'failureReason'
  | 'cancelledReasons'
>;

export interface PaymentRows {
  readonly instalments: readonly PaymentMetricsInstalment[];
  readonly attempts: readonly PaymentMetricsAttempt[];
}

/** The attributes the figures need, as a scan's projection (plus `itemType`, to tell the rows apart). */
export const PAYMENT_METRICS_ATTRIBUTES = [
  'itemType',
  'accountId',
  'instalmentId',
  'attemptId',
  'number',
  'currency',
  'status',
  'state',
  'missedAt',
  'amountMinor',
  'failureReason',
  'debitBlockedReasons',
  'cancelledReasons',
] as const;

// ---------------------------------------------------------------------------------------------------------
// The figures
// ---------------------------------------------------------------------------------------------------------

export const PAYMENT_CURRENCIES = ['USD', 'CNY'] as const satisfies readonly Currency[];

export interface ReasonCount {
  readonly reason: string;
  readonly count: number;
}

export interface RecoveryRow {
  readonly currency: Currency;
  /** 1 = first presentment, 2.. = re-presentments. */
  readonly number: number;
  /** Attempts at this number sent to the bank (executing, unknown, succeeded, failed or unresolved). */
  readonly presented: number;
  readonly succeeded: number;
  /** What the succeeded attempts took, in minor units of `currency`. */
  readonly recoveredMinor: number;
}

export interface PaymentMetrics {
  readonly attempts: { readonly total: number; readonly byState: Record<AttemptState, number> };
  readonly cure: {
    /** Instalments ever missed (status `missed`, or a `missedAt` on them). */
    readonly missed: number;
    /** Missed instalments with at least one debit attempt (in any state). */
    readonly withAttempt: number;
    /** … of which ended `paid`. */
    readonly cured: number;
    /** … of which are still `missed` (a debit may still be on its way). */
    readonly stillMissed: number;
    /** … of which a plan replaced. */
    readonly superseded: number;
    /** cured / withAttempt, 4 decimals; null before any missed instalment had an attempt. */
    readonly rate: number | null;
    /** Missed instalments that never had an attempt, and why (each reason once per instalment). */
    readonly withoutAttempt: number;
    readonly withoutAttemptByReason: readonly ReasonCount[];
  };
  readonly recovery: {
    readonly recoveredMinor: Record<Currency, number>;
    /** Per currency that has attempts, numbers 1..highest seen (gaps filled with zeros). */
    readonly byAttempt: readonly RecoveryRow[];
  };
  readonly failures: {
    readonly failed: number;
    readonly unresolved: number;
    /** `failureReason` of failed attempts, and `unresolved` for attempts the bank never answered. */
    readonly byReason: readonly ReasonCount[];
  };
  readonly cancellations: {
    readonly cancelled: number;
    /** Each reason once per cancelled attempt. */
    readonly byReason: readonly ReasonCount[];
  };
}

const ATTEMPT_STATES: readonly AttemptState[] = [
  'scheduled',
  'executing',
  'unknown',
  'succeeded',
  'failed',
  'cancelled',
  'unresolved',
];
const PRESENTED = new Set<AttemptState>(['executing', 'unknown', 'succeeded', 'failed', 'unresolved']);
/** A row without a recorded reason still counts, under this name. */
export const UNSPECIFIED = 'UNSPECIFIED';

const ratio = (part: number, whole: number) => Math.round((part / whole) * 10_000) / 10_000;
const known = (currency: string): currency is Currency =>
  (PAYMENT_CURRENCIES as readonly string[]).includes(currency);
const key = (accountId: string, instalmentId: string) => `${accountId}#${instalmentId}`;

/** Counts by reason, most frequent first, then by name. */
function reasonCounts(reasonLists: readonly (readonly string[])[]): ReasonCount[] {
  const counts = new Map<string, number>();
  for (const reasons of reasonLists) {
    const distinct = new Set(reasons.filter(Boolean));
    if (distinct.size === 0) distinct.add(UNSPECIFIED);
    for (const reason of distinct) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

export function paymentMetrics({ instalments, attempts }: PaymentRows): PaymentMetrics {
  const byState = Object.fromEntries(ATTEMPT_STATES.map((state) => [state, 0])) as Record<
    AttemptState,
    number
  >;
  for (const attempt of attempts) if (attempt.state in byState) byState[attempt.state] += 1;
  return {
    attempts: { total: attempts.length, byState },
    cure: cure(instalments, attempts),
    recovery: recovery(attempts),
    failures: failures(attempts),
    cancellations: cancellations(attempts),
  };
}

function cure(
  instalments: readonly PaymentMetricsInstalment[],
  attempts: readonly PaymentMetricsAttempt[],
): PaymentMetrics['cure'] {
  const attempted = new Set(attempts.map((attempt) => key(attempt.accountId, attempt.instalmentId)));
  const missed = instalments.filter((instalment) => instalment.status === 'missed' || instalment.missedAt);
  const withAttempt = missed.filter((instalment) =>
    attempted.has(key(instalment.accountId, instalment.instalmentId)),
  );
  const without = missed.filter(
    (instalment) => !attempted.has(key(instalment.accountId, instalment.instalmentId)),
  );
  const cured = withAttempt.filter((instalment) => instalment.status === 'paid').length;
  return {
    missed: missed.length,
    withAttempt: withAttempt.length,
    cured,
    stillMissed: withAttempt.filter((instalment) => instalment.status === 'missed').length,
    superseded: withAttempt.filter((instalment) => instalment.status === 'superseded').length,
    rate: withAttempt.length === 0 ? null : ratio(cured, withAttempt.length),
    withoutAttempt: without.length,
    withoutAttemptByReason: reasonCounts(without.map((instalment) => instalment.debitBlockedReasons ?? [])),
  };
}

function recovery(attempts: readonly PaymentMetricsAttempt[]): PaymentMetrics['recovery'] {
  const recoveredMinor = Object.fromEntries(PAYMENT_CURRENCIES.map((currency) => [currency, 0])) as Record<
    Currency,
    number
  >;
  const rows = new Map<string, { -readonly [K in keyof RecoveryRow]: RecoveryRow[K] }>();
  const highest = new Map<Currency, number>();
  for (const attempt of attempts) {
    const { currency, number } = attempt;
    if (!known(currency) || !Number.isInteger(number) || number < 1) continue;
    highest.set(currency, Math.max(highest.get(currency) ?? 0, number));
    if (!PRESENTED.has(attempt.state)) continue;
    const rowKey = `${currency}#${number}`;
    const row = rows.get(rowKey) ?? { currency, number, presented: 0, succeeded: 0, recoveredMinor: 0 };
    row.presented += 1;
    if (attempt.state === 'succeeded') {
      const amount = attempt.amountMinor ?? 0;
      row.succeeded += 1;
      row.recoveredMinor += amount;
      recoveredMinor[currency] += amount;
    }
    rows.set(rowKey, row);
  }
  return {
    recoveredMinor,
    byAttempt: PAYMENT_CURRENCIES.flatMap((currency) =>
      Array.from(
        { length: highest.get(currency) ?? 0 },
        (_, index) =>
          rows.get(`${currency}#${index + 1}`) ?? {
            currency,
            number: index + 1,
            presented: 0,
            succeeded: 0,
            recoveredMinor: 0,
          },
      ),
    ),
  };
}

function failures(attempts: readonly PaymentMetricsAttempt[]): PaymentMetrics['failures'] {
  const failed = attempts.filter((attempt) => attempt.state === 'failed');
  const unresolved = attempts.filter((attempt) => attempt.state === 'unresolved');
  return {
    failed: failed.length,
    unresolved: unresolved.length,
    byReason: reasonCounts([
      ...failed.map((attempt) => (attempt.failureReason ? [attempt.failureReason] : [])),
      ...unresolved.map(() => ['unresolved']),
    ]),
  };
}

function cancellations(attempts: readonly PaymentMetricsAttempt[]): PaymentMetrics['cancellations'] {
  const cancelled = attempts.filter((attempt) => attempt.state === 'cancelled');
  return {
    cancelled: cancelled.length,
    byReason: reasonCounts(cancelled.map((attempt) => attempt.cancelledReasons ?? [])),
  };
}
