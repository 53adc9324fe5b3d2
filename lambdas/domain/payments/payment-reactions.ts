/**
 * What other events do to instalments and debits:
 * - a missed instalment gets its debit planned (or the reason it gets none recorded);
 * - a new mandate plans debits for what is already missed; a refused debit is presented again (bounded);
 * - money received lands on the account and its instalments, and cancels debits no longer needed;
 * - an accepted plan becomes tracked instalments and replaces the statement ones;
 * - where the customer chose it, each plan instalment coming due gets its debit on its due date, noticed first;
 * - a dispute, a stop request, a hardship plan or a revoked mandate cancels every scheduled debit.
 * Each is idempotent: a redelivered event finds its work done.
 */
import type { Account } from '../accounts/account';
import { DomainError } from '../errors';
import type { AccountRepository } from '../ports';
import { addBusinessDays, DEBIT_POLICY, missAtOf } from './debit-policy';
import { ANNOUNCE_GRACE_MS, announceResult } from './execute-debit';
import { trackStatements } from './instalment-monitor';
import { applicationOf } from './payment-application';
import type { DebitAttempt, DebitBlockReason, Instalment } from './payments';
import {
  DUE_DATE_COLLECTION,
  outstandingOf,
  type PlanDebitDeps,
  type PlanOutcome,
  planDebit,
} from './plan-debit';
import { customerToday } from './plan-status';

export interface ServicingDeps extends PlanDebitDeps {
  readonly accounts: AccountRepository;
}

/** What applying payments and holds needs: no notices are queued and nothing is scheduled. */
export type HoldDeps = Pick<ServicingDeps, 'store' | 'accounts' | 'events' | 'clock'>;

/** `PaymentMissed`: the first presentment of the instalment's debit. */
export async function onPaymentMissed(
  deps: ServicingDeps,
  key: { accountId: string; instalmentId: string },
): Promise<PlanOutcome | 'unknown_instalment'> {
  const [account, mandate, instalment] = await Promise.all([
    deps.accounts.get(key.accountId),
    deps.store.currentMandate(key.accountId),
    deps.store.getInstalment(key),
  ]);
  if (!instalment) return 'unknown_instalment';
  return planDebit(deps, { account, mandate, instalment, number: 1, requestedBy: 'monitor' });
}

/** `MandateAuthorised`: the account's instalments are tracked, and what is already missed gets a debit. */
export async function onMandateAuthorised(deps: ServicingDeps, accountId: string): Promise<PlanOutcome[]> {
  const account = await deps.accounts.get(accountId);
  if (!account) return [];
  await trackStatements(deps, account);
  const [mandate, instalments, attempts] = await Promise.all([
    deps.store.currentMandate(accountId),
    deps.store.listInstalments(accountId),
    deps.store.listAttempts(accountId),
  ]);
  const nowIso = deps.clock.now().toISOString();
  const outcomes: PlanOutcome[] = [];
  for (const instalment of instalments) {
    const open =
      instalment.status === 'missed' || (instalment.status === 'due' && instalment.missAt <= nowIso);
    if (!open || outstandingOf(instalment) === 0) continue;
    // Before any debit, the instalment is missed and announced like any other (the monitor would, an hour later).
    if (instalment.status === 'due') await deps.store.markMissed(instalment, nowIso, nowIso);
    const tries = attempts.filter((a) => a.instalmentId === instalment.instalmentId).length;
    outcomes.push(
      await planDebit(deps, { account, mandate, instalment, number: tries + 1, requestedBy: 'monitor' }),
    );
  }
  return [...outcomes, ...(await collectComingDue(deps, accountId))];
}

/**
 * Business days beyond the notice lead within which a plan instalment's due-date debit is planned: the notice
 * goes out a few days before the lead requires, never weeks ahead. Four, so that a plan agreed on a weekend in
 * China (first due date a week out, rolled to the Monday: nine days) has its first debit planned when the
 * mandate is given (2 + 3 business days from a Saturday reached only the Friday).
 */
export const COLLECT_AHEAD_BUSINESS_DAYS = 4;

/**
 * The agreed plan's instalments coming due, for a customer who chose to have them collected on their due dates
 * (`collectOnDueDate` on the mandate): each gets its first debit on its due date, with the pre-debit notice the
 * policy's lead ahead (later when the lead no longer allows the due date). Run when the mandate is given and by
 * the hourly monitor; an instalment that already has a debit (the customer paid now, one is planned) is left.
 */
export async function collectComingDue(deps: ServicingDeps, accountId: string): Promise<PlanOutcome[]> {
  const [account, mandate] = await Promise.all([
    deps.accounts.get(accountId),
    deps.store.currentMandate(accountId),
  ]);
  if (!account?.repaymentPlan || mandate?.status !== 'active' || !mandate.collectOnDueDate) return [];
  const [instalments, attempts] = await Promise.all([
    deps.store.listInstalments(accountId),
    deps.store.listAttempts(accountId),
  ]);
  const rules = (deps.policy ?? DEBIT_POLICY).jurisdictions[account.jurisdiction];
  const horizon = addBusinessDays(
    customerToday(account, deps.clock.now()),
    rules.noticeLeadBusinessDays + COLLECT_AHEAD_BUSINESS_DAYS,
    account.jurisdiction,
  );
  const outcomes: PlanOutcome[] = [];
  for (const instalment of instalments) {
    if (instalment.source !== 'plan' || instalment.status !== 'due' || outstandingOf(instalment) === 0)
      continue;
    if (instalment.dueDate > horizon) continue;
    if (attempts.some((attempt) => attempt.instalmentId === instalment.instalmentId)) continue;
    outcomes.push(
      await planDebit(deps, {
        account,
        mandate,
        instalment,
        number: 1,
        requestedBy: DUE_DATE_COLLECTION,
        onDueDate: true,
      }),
    );
  }
  return outcomes;
}

/** `DebitFailed` that is not final: the next presentment, noticed like the first. */
export async function onDebitRefused(
  deps: ServicingDeps,
  failed: { accountId: string; instalmentId: string; number: number; final: boolean },
): Promise<PlanOutcome | 'final'> {
  if (failed.final) return 'final';
  const [account, mandate, instalment] = await Promise.all([
    deps.accounts.get(failed.accountId),
    deps.store.currentMandate(failed.accountId),
    deps.store.getInstalment(failed),
  ]);
  if (!instalment) return 'final';
  return planDebit(deps, {
    account,
    mandate,
    instalment,
    number: failed.number + 1,
    requestedBy: 'monitor',
    afterRefusal: true,
  });
}

export interface ReceivedPayment {
  readonly accountId: string;
  readonly paymentId: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly receivedAt: string;
}

/** `PaymentReceived` from core banking: applied once, then debits it made unnecessary are cancelled. */
export async function onPaymentReceived(
  deps: HoldDeps,
  payment: ReceivedPayment,
): Promise<'applied' | 'duplicate' | 'no_account'> {
  if (!Number.isSafeInteger(payment.amountMinor) || payment.amountMinor <= 0) {
    throw new DomainError(
      'invalid',
      'INVALID_AMOUNT',
      'A payment is a positive whole number of minor units.',
    );
  }
  for (let round = 0; round < 5; round++) {
    const [account, instalments] = await Promise.all([
      deps.accounts.get(payment.accountId),
      deps.store.listInstalments(payment.accountId),
    ]);
    if (!account) return 'no_account';
    if (account.currency !== payment.currency) {
      throw new DomainError('invalid', 'CURRENCY_MISMATCH', `The account is kept in ${account.currency}.`);
    }
    const result = await deps.store.applyPayment(
      applicationOf({ account, instalments, ...payment, via: 'external' }),
    );
    if (result === 'conflict') continue;
    await cancelScheduled(deps, payment.accountId, (instalment) =>
      instalment?.status === 'paid' ? ['PAID'] : [],
    );
    return result;
  }
  throw new Error(`Payment ${payment.paymentId} kept conflicting with other writes; it will be retried.`);
}

/** `PlanAccepted`: its instalments are tracked; the instalments it replaces and their debits stop. */
export async function onPlanAccepted(
  deps: HoldDeps,
  plan: {
    accountId: string;
    decidedAt: string;
    instalments: readonly { dueDate: string; amountMinor: number }[];
  },
): Promise<number> {
  const account = await deps.accounts.get(plan.accountId);
  if (!account) return 0;
  const existing = await deps.store.listInstalments(plan.accountId);
  const planRef = plan.decidedAt.replace(/\D/g, '').slice(0, 14);
  const fresh = plan.instalments.map((due, index) =>
    planInstalment(account, planRef, index, due, plan.decidedAt),
  );
  const freshIds = new Set(fresh.map((i) => i.instalmentId));
  await Promise.all(
    existing
      .filter((i) => !freshIds.has(i.instalmentId) && (i.status === 'due' || i.status === 'missed'))
      .map((i) => deps.store.supersede(i, plan.decidedAt)),
  );
  const tracked = await Promise.all(fresh.map((i) => deps.store.trackInstalment(i)));
  await cancelScheduled(deps, plan.accountId, (instalment) =>
    instalment && !freshIds.has(instalment.instalmentId) ? ['SUPERSEDED'] : [],
  );
  return tracked.filter(Boolean).length;
}

function planInstalment(
  account: Account,
  planRef: string,
  index: number,
  due: { dueDate: string; amountMinor: number },
  createdAt: string,
): Instalment {
  return {
    accountId: account.accountId,
    instalmentId: `plan-${planRef}-${index + 1}`,
    source: 'plan',
    dueDate: due.dueDate,
    currency: account.currency,
    amountMinor: due.amountMinor,
    paidMinor: 0,
    status: 'due',
    missAt: missAtOf(due.dueDate, account.product, DEBIT_POLICY),
    createdAt,
  };
}

/** A hold or a revoked mandate: every scheduled debit of the account stops. */
export async function onDebitHold(
  deps: HoldDeps,
  accountId: string,
  reason: DebitBlockReason,
): Promise<number> {
  return (await cancelScheduled(deps, accountId, () => [reason])).length;
}

/** A lawyer represents the customer: in the US no pre-debit notice may reach them, so debits stop too. */
export async function onRepresentedByLawyer(deps: HoldDeps, accountId: string): Promise<number> {
  const account = await deps.accounts.get(accountId);
  return account?.jurisdiction === 'US' ? onDebitHold(deps, accountId, 'REPRESENTED_BY_LAWYER') : 0;
}

/** Cancels each scheduled attempt `reasonsFor` gives reasons for; returns the ids of those it cancelled. */
export async function cancelScheduled(
  deps: HoldDeps,
  accountId: string,
  reasonsFor: (instalment: Instalment | undefined, attempt: DebitAttempt) => DebitBlockReason[],
): Promise<string[]> {
  const [attempts, instalments] = await Promise.all([
    deps.store.listAttempts(accountId),
    deps.store.listInstalments(accountId),
  ]);
  const now = deps.clock.now();
  const at = now.toISOString();
  const announceBy = new Date(now.getTime() + ANNOUNCE_GRACE_MS).toISOString();
  const cancelled: string[] = [];
  for (const attempt of attempts.filter((a) => a.state === 'scheduled')) {
    const reasons = reasonsFor(
      instalments.find((i) => i.instalmentId === attempt.instalmentId),
      attempt,
    );
    if (reasons.length === 0) continue;
    if (!(await deps.store.cancelAttempt(attempt, reasons, at, announceBy))) continue;
    await announceResult(deps, { ...attempt, state: 'cancelled', cancelledReasons: reasons, finishedAt: at });
    cancelled.push(attempt.attemptId);
  }
  return cancelled;
}
