/**
 * Planning a debit: whether an instalment may be debited at all, how much, when, and the notice first.
 *
 * No mandate, no debit, ever. Holds stop debits like they stop contact: a dispute, a stop request, a hardship
 * plan (the customer pays an affordable plan their own way; an automatic debit is what hurts most here, so
 * the customer's own pay-now still goes through), and
 * the specialist holds (accounts/holds.ts: deceased, bankrupt, fraud reported, a lawyer in the US, a crisis). A debit never exceeds what is outstanding on the instalment, nor the
 * mandate's maximum: with partial sweeps allowed it takes up to the maximum, otherwise it is not made.
 */
import { domainEvent } from '../../../contracts/events';
import type { Account } from '../accounts/account';
import { specialistHold } from '../accounts/holds';
import { wallClockIn } from '../compliance/local-time';
import { DomainError } from '../errors';
import type { Outbox } from '../outreach/outreach';
import type { Clock, EventPublisher } from '../ports';
import { addBusinessDays, DEBIT_POLICY, type DebitPolicy, debitInstantOn } from './debit-policy';
import { queueDebitNotices } from './payment-notices';
import type { PaymentStore } from './payment-store';
import type { DebitAttempt, DebitBlockReason, DebitScheduler, Instalment, Mandate } from './payments';

export interface PlanDebitDeps {
  readonly store: PaymentStore;
  readonly outbox: Outbox;
  readonly events: EventPublisher;
  readonly scheduler: DebitScheduler;
  readonly clock: Clock;
  readonly policy?: DebitPolicy;
}

export const outstandingOf = (instalment: Instalment): number =>
  Math.max(0, instalment.amountMinor - instalment.paidMinor);

/**
 * Holds that stop what we start, not what the customer asks for: a customer who pays now in the portal while
 * on a hardship plan, or after asking us to stop contacting them, is paying by their own choice. Disputes and the
 * specialist holds stop even their own payment until a person has looked at the account.
 */
const CUSTOMER_MAY_PAY_THROUGH: ReadonlySet<DebitBlockReason> = new Set(['HARDSHIP_PLAN', 'CEASE']);

/**
 * Who asks for a debit that collects a plan's instalment on its due date: the customer chose it with the mandate
 * (`collectOnDueDate`). That choice is the explicit one a hardship plan needs; every other hold still stops it.
 */
export const DUE_DATE_COLLECTION = 'schedule';
const DUE_DATE_COLLECTION_PASSES: ReadonlySet<DebitBlockReason> = new Set(['HARDSHIP_PLAN']);

/** Debits we start: each is told to the customer first, and checked for that notice before it runs. */
export const NOTICED_REQUESTERS: ReadonlySet<string> = new Set(['monitor', DUE_DATE_COLLECTION]);

/**
 * Why the account may not be debited for this instalment now; empty when it may. `requestedBy` is who asked
 * (`customer` for the portal's pay-now, `schedule` for a plan instalment collected on its due date): see
 * `CUSTOMER_MAY_PAY_THROUGH` and `DUE_DATE_COLLECTION_PASSES`.
 */
export function debitBlockReasons(
  account: Account | undefined,
  mandate: Mandate | undefined,
  instalment: Instalment,
  requestedBy?: string,
): DebitBlockReason[] {
  const reasons = blockReasons(account, mandate, instalment);
  if (requestedBy === 'customer') return reasons.filter((reason) => !CUSTOMER_MAY_PAY_THROUGH.has(reason));
  if (requestedBy === DUE_DATE_COLLECTION) {
    const chosen = mandate?.collectOnDueDate === true && instalment.source === 'plan';
    return chosen ? reasons.filter((reason) => !DUE_DATE_COLLECTION_PASSES.has(reason)) : reasons;
  }
  return reasons;
}

function blockReasons(
  account: Account | undefined,
  mandate: Mandate | undefined,
  instalment: Instalment,
): DebitBlockReason[] {
  if (!account) return ['ACCOUNT_NOT_FOUND'];
  const reasons: DebitBlockReason[] = [];
  if (!mandate) reasons.push('NO_MANDATE');
  else if (mandate.status !== 'active') reasons.push('MANDATE_REVOKED');
  else if (mandate.currency !== account.currency) reasons.push('CURRENCY_MISMATCH');
  if (account.flags.dispute) reasons.push('DISPUTE');
  if (account.flags.ceaseRequested) reasons.push('CEASE');
  if (account.flags.hardshipPlan) reasons.push('HARDSHIP_PLAN');
  const hold = specialistHold(account);
  if (hold) reasons.push(hold);
  if (instalment.status === 'paid' || outstandingOf(instalment) === 0) reasons.push('PAID');
  if (instalment.status === 'superseded' || (instalment.source === 'statement' && account.repaymentPlan)) {
    reasons.push('SUPERSEDED');
  }
  return reasons;
}

/** What one debit of this instalment may take under the mandate, or why it may take nothing. */
export function plannedAmount(
  instalment: Instalment,
  mandate: Mandate,
): { amountMinor: number } | { reason: 'AMOUNT_ABOVE_MANDATE' } {
  const outstanding = outstandingOf(instalment);
  if (outstanding <= mandate.maxAmountMinor) return { amountMinor: outstanding };
  return mandate.partialAllowed
    ? { amountMinor: mandate.maxAmountMinor }
    : { reason: 'AMOUNT_ABOVE_MANDATE' };
}

export const idempotencyKeyOf = (accountId: string, attemptId: string): string =>
  `debit.${accountId}.${attemptId}`.replaceAll('#', '.');

export type PlanOutcome =
  | { readonly outcome: 'scheduled'; readonly attempt: DebitAttempt }
  | { readonly outcome: 'exists'; readonly attempt: DebitAttempt | undefined }
  | { readonly outcome: 'blocked'; readonly reasons: readonly DebitBlockReason[] };

export interface PlanRequest {
  readonly account: Account | undefined;
  readonly instalment: Instalment;
  readonly mandate: Mandate | undefined;
  /** 1 for the first presentment. */
  readonly number: number;
  /** `monitor`, `customer` or `agent:<id>`. */
  readonly requestedBy: string;
  /** A customer's or agent's request: the amount asked for, taken now (the customer asked, so no lead). */
  readonly requestedMinor?: number;
  /** The previous presentment was refused by the bank: the notice says so. */
  readonly afterRefusal?: boolean;
  /** A plan instalment collected on its due date (or the first day the notice lead allows, if later). */
  readonly onDueDate?: boolean;
}

/**
 * Schedules attempt `number` of the instalment's debit, queues its notice and its one-off schedule, and
 * announces it; or records why not. Idempotent: a repeat finds the attempt and only makes sure its notice
 * and schedule exist.
 */
export async function planDebit(deps: PlanDebitDeps, request: PlanRequest): Promise<PlanOutcome> {
  const { account, instalment, mandate, number } = request;
  const attemptId = `${instalment.instalmentId}#${number}`;
  const existing = await deps.store.getAttempt({ accountId: instalment.accountId, attemptId });
  if (existing) {
    if (existing.state === 'scheduled' && account) await announce(deps, account, existing, false);
    return { outcome: 'exists', attempt: existing };
  }
  const reasons = debitBlockReasons(account, mandate, instalment, request.requestedBy);
  if (reasons.length > 0 || !account || !mandate) return blocked(deps, instalment, reasons, request);
  const amount = request.requestedMinor ?? plannedAmountOrReason(instalment, mandate);
  if (typeof amount !== 'number') return blocked(deps, instalment, [amount], request);

  const now = deps.clock.now();
  const policy = (deps.policy ?? DEBIT_POLICY).jurisdictions[account.jurisdiction];
  // Dates the customer reads are their own calendar's: 07:30 in Beijing is already tomorrow in UTC terms.
  const today = wallClockIn(account.customer.timezone, now.getTime())?.date ?? now.toISOString().slice(0, 10);
  const onRequest = request.requestedMinor !== undefined;
  const earliest = addBusinessDays(
    today,
    number === 1 ? policy.noticeLeadBusinessDays : policy.representmentGapBusinessDays,
    account.jurisdiction,
  );
  const debitDate = onRequest
    ? today
    : request.onDueDate && instalment.dueDate > earliest
      ? instalment.dueDate
      : earliest;
  const debitAt = onRequest ? now.toISOString() : debitInstantOn(debitDate, policy);
  const nowIso = now.toISOString();
  const attempt: DebitAttempt = {
    accountId: account.accountId,
    attemptId,
    instalmentId: instalment.instalmentId,
    number,
    idempotencyKey: idempotencyKeyOf(account.accountId, attemptId),
    mandateId: mandate.mandateId,
    debtorAccount: mandate.debtorAccount,
    currency: account.currency,
    plannedMinor: amount,
    debitAt,
    debitDate: onRequest ? today : debitDate,
    stopBy: onRequest
      ? today
      : addBusinessDays(debitDate, -policy.stopNoticeBusinessDays, account.jurisdiction),
    state: 'scheduled',
    requestedBy: request.requestedBy,
    ...(request.afterRefusal ? { afterRefusal: true } : {}),
    createdAt: nowIso,
    updatedAt: nowIso,
    reconciliations: 0,
  };
  if (!(await deps.store.createAttempt(attempt))) {
    return { outcome: 'exists', attempt: await deps.store.getAttempt(attempt) };
  }
  await announce(deps, account, attempt, true);
  return { outcome: 'scheduled', attempt };
}

function plannedAmountOrReason(instalment: Instalment, mandate: Mandate): number | DebitBlockReason {
  const planned = plannedAmount(instalment, mandate);
  return 'amountMinor' in planned ? planned.amountMinor : planned.reason;
}

/** Notice first, then the schedule, then the event: each step is idempotent, so a repeat completes them. */
async function announce(deps: PlanDebitDeps, account: Account, attempt: DebitAttempt, first: boolean) {
  const now = deps.clock.now();
  // A customer paying now in the portal sees it on the screen and gets the receipt; everyone else is told first.
  if (attempt.requestedBy !== 'customer') await preDebitNotice(deps, account, attempt, now);
  await deps.scheduler.scheduleAttempt(attempt);
  if (!first) return;
  await deps.events.publish([
    domainEvent('DebitScheduled', {
      accountId: attempt.accountId,
      attemptId: attempt.attemptId,
      instalmentId: attempt.instalmentId,
      number: attempt.number,
      amountMinor: attempt.plannedMinor,
      currency: attempt.currency,
      debitAt: attempt.debitAt,
      stopBy: attempt.stopBy,
      requestedBy: attempt.requestedBy,
    }),
  ]);
}

function preDebitNotice(deps: PlanDebitDeps, account: Account, attempt: DebitAttempt, now: Date) {
  return queueDebitNotices(deps, account, {
    kind: 'pre_debit',
    ref: attempt.attemptId,
    figures: {
      amountMinor: attempt.plannedMinor,
      date: attempt.debitDate,
      stopBy: attempt.stopBy,
      retryOfRefused: attempt.afterRefusal === true,
    },
    now,
    // A notice that arrives after the debit is no notice.
    expiresAt:
      attempt.debitAt > now.toISOString()
        ? attempt.debitAt
        : new Date(now.getTime() + 3_600_000).toISOString(),
  });
}

async function blocked(
  deps: PlanDebitDeps,
  instalment: Instalment,
  reasons: readonly DebitBlockReason[],
  request: PlanRequest,
): Promise<PlanOutcome> {
  await deps.store.recordDebitBlocked(instalment, reasons);
  // A person asking is answered with the reason as well.
  if (request.requestedMinor !== undefined) throw refusal(reasons);
  return { outcome: 'blocked', reasons };
}

function refusal(reasons: readonly DebitBlockReason[]): DomainError {
  const message = `No debit: ${reasons.join(', ')}.`;
  if (reasons.includes('PAID')) return new DomainError('conflict', 'INSTALMENT_PAID', message);
  if (reasons.includes('AMOUNT_ABOVE_MANDATE'))
    return new DomainError('invalid', 'AMOUNT_ABOVE_MANDATE', message);
  if (reasons.some(isHold)) return new DomainError('conflict', 'HOLD', message);
  return new DomainError(
    'conflict',
    reasons.includes('SUPERSEDED') ? 'INSTALMENT_SUPERSEDED' : 'NO_MANDATE',
    message,
  );
}

const HOLDS: readonly DebitBlockReason[] = [
  'DISPUTE',
  'CEASE',
  'HARDSHIP_PLAN',
  'ACCOUNT_EXCLUDED',
  'FRAUD_REPORTED',
  'REPRESENTED_BY_LAWYER',
  'SPECIALIST_CARE',
];
export const isHold = (reason: DebitBlockReason): boolean => HOLDS.includes(reason);
