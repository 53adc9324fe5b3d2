/**
 * A debit's result goes back to collections. The account's figures were already settled with the debit
 * (see `execute-debit.ts`); here the customer gets a receipt, or a gentle notice when a debit failed for
 * good, a person is asked to look at the account after the last refusal, and every result is written to
 * the audit trail. Idempotent per attempt: notices and audit entries are keyed by it.
 */
import type { DetailOf } from '../../../contracts/events';
import type { BusinessMetrics } from '../business-metrics';
import type { AccountUpdater } from '../decisions/customer-decisions';
import type { Outbox } from '../outreach/outreach';
import type { AccountRepository, AuditLog, Clock, EventPublisher } from '../ports';
import type { DebitNoticeFigures } from './debit-notices';
import { queueDebitNotices } from './payment-notices';
import type { PaymentStore } from './payment-store';
import { customerToday, planStatus } from './plan-status';

export interface DebitFeedbackDeps {
  readonly accounts: AccountRepository & AccountUpdater;
  readonly outbox: Outbox;
  readonly events: EventPublisher;
  readonly audit: AuditLog;
  readonly clock: Clock;
  /** Business figures counted here (catalog/metrics.ts); none: not counted. */
  readonly metrics?: BusinessMetrics;
  /** The tracked instalments: a receipt on an agreed plan says where the customer stands on it. */
  readonly store?: Pick<PaymentStore, 'listInstalments'>;
}

/** A debit's result as its contract reads it. */
export type DebitResult<T extends DebitOutcome = DebitOutcome> = T extends DebitOutcome
  ? { readonly detailType: T; readonly detail: DetailOf<T> }
  : never;
type DebitOutcome = 'DebitSucceeded' | 'DebitFailed' | 'DebitCancelled';

const DEBIT_OUTCOMES: Record<DebitOutcome, string> = {
  DebitSucceeded: 'succeeded',
  DebitFailed: 'failed',
  DebitCancelled: 'cancelled',
};

/** A notice about a past debit is worth sending for a week; after that the portal shows it anyway. */
const NOTICE_VALIDITY_MS = 7 * 86_400_000;

export async function applyDebitFeedback(
  deps: DebitFeedbackDeps,
  result: DebitResult,
): Promise<'receipt' | 'failure_notice' | 'recorded' | 'no_account'> {
  const { detail } = result;
  const account = await deps.accounts.get(detail.accountId);
  if (!account) return 'no_account';
  deps.metrics?.count('Debits', { by: DEBIT_OUTCOMES[result.detailType] });
  const now = deps.clock.now();
  const at = detail.finishedAt ?? now.toISOString();
  const notice = (kind: 'receipt' | 'failure', figures: Omit<DebitNoticeFigures, 'date'>) =>
    queueDebitNotices(deps, account, {
      kind,
      ref: detail.attemptId,
      figures: { ...figures, date: at.slice(0, 10) },
      now,
      expiresAt: new Date(now.getTime() + NOTICE_VALIDITY_MS).toISOString(),
    });
  let outcome: Awaited<ReturnType<typeof applyDebitFeedback>> = 'recorded';
  if (result.detailType === 'DebitSucceeded') {
    const plan =
      account.repaymentPlan && deps.store
        ? planStatus(
            account.repaymentPlan,
            await deps.store.listInstalments(account.accountId),
            customerToday(account, now),
          )
        : undefined;
    await notice('receipt', {
      amountMinor: result.detail.amountMinor,
      ...(plan
        ? {
            plan: {
              overdueMinor: plan.overdueMinor,
              ...(plan.next ? { next: { amountMinor: plan.next.owedMinor, date: plan.next.dueDate } } : {}),
            },
          }
        : { remainingMinor: account.amountOverdueMinor }),
    });
    outcome = 'receipt';
  } else if (result.detailType === 'DebitFailed' && result.detail.final) {
    await notice('failure', { amountMinor: result.detail.amountMinor });
    // After the last refusal, a person talks it through: no more automatic attempts.
    await deps.accounts.update(detail.accountId, { escalation: { reason: 'debit_failed', at } });
    outcome = 'failure_notice';
  }
  await deps.audit.append({
    accountId: detail.accountId,
    entryId: `debit#${detail.attemptId}#${result.detailType}`,
    at,
    kind: result.detailType,
    summary: summaryOf(result),
    data: { ...detail },
  });
  return outcome;
}

function summaryOf(result: DebitResult): string {
  const attempt = `Debit ${result.detail.number} for ${result.detail.instalmentId}`;
  switch (result.detailType) {
    case 'DebitSucceeded':
      return `${attempt}: ${result.detail.amountMinor} taken`;
    case 'DebitFailed':
      return `${attempt} refused (${result.detail.reason})${result.detail.final ? ', no further attempts' : ', to be presented again'}`;
    case 'DebitCancelled':
      return `${attempt} cancelled: ${result.detail.reasons.join(', ')}`;
  }
}
