/**
 * A debit's result goes back to collections. The account's figures were already settled with the debit
 * (see `execute-debit.ts`); here the customer gets a receipt, or a gentle notice when a debit failed for
 * good, a person is asked to look at the account after the last refusal, and every result is written to
 * the audit trail. Idempotent per attempt: notices and audit entries are keyed by it.
 */
import { DETAIL_TYPES } from '../../../contracts/events';
import type { Outbox } from '../outreach/outreach';
import type { AccountRepository, AuditLog, Clock, EventPublisher } from '../ports';
import type { AccountUpdater } from '../servicing/customer-decisions';
import { queueDebitNotices } from './payment-notices';

export interface DebitFeedbackDeps {
  readonly accounts: AccountRepository & AccountUpdater;
  readonly outbox: Outbox;
  readonly events: EventPublisher;
  readonly audit: AuditLog;
  readonly clock: Clock;
}

export interface DebitResult {
  readonly detailType: string;
  readonly detail: {
    readonly accountId: string;
    readonly attemptId: string;
    readonly instalmentId: string;
    readonly number: number;
    readonly finishedAt?: string;
    readonly amountMinor?: number;
    readonly plannedMinor?: number;
    readonly reason?: string;
    readonly reasons?: readonly string[];
    readonly final?: boolean;
  };
}

/** A notice about a past debit is worth sending for a week; after that the portal shows it anyway. */
const NOTICE_VALIDITY_MS = 7 * 86_400_000;

export async function applyDebitFeedback(
  deps: DebitFeedbackDeps,
  result: DebitResult,
): Promise<'receipt' | 'failure_notice' | 'recorded' | 'no_account'> {
  const { detail } = result;
  const account = await deps.accounts.get(detail.accountId);
  if (!account) return 'no_account';
  const now = deps.clock.now();
  const at = detail.finishedAt ?? now.toISOString();
  const notice = (kind: 'receipt' | 'failure', figures: { amountMinor: number; remainingMinor?: number }) =>
    queueDebitNotices(deps, account, {
      kind,
      ref: detail.attemptId,
      figures: { ...figures, date: at.slice(0, 10) },
      now,
      expiresAt: new Date(now.getTime() + NOTICE_VALIDITY_MS).toISOString(),
    });
  let outcome: Awaited<ReturnType<typeof applyDebitFeedback>> = 'recorded';
  if (result.detailType === DETAIL_TYPES.debitSucceeded) {
    await notice('receipt', {
      amountMinor: detail.amountMinor ?? 0,
      remainingMinor: account.amountOverdueMinor,
    });
    outcome = 'receipt';
  } else if (result.detailType === DETAIL_TYPES.debitFailed && detail.final) {
    await notice('failure', { amountMinor: detail.amountMinor ?? 0 });
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

function summaryOf({ detailType, detail }: DebitResult): string {
  const attempt = `Debit ${detail.number} for ${detail.instalmentId}`;
  if (detailType === DETAIL_TYPES.debitSucceeded) return `${attempt}: ${detail.amountMinor} taken`;
  if (detailType === DETAIL_TYPES.debitFailed) {
    return `${attempt} refused (${detail.reason})${detail.final ? ', no further attempts' : ', to be presented again'}`;
  }
  return `${attempt} cancelled: ${(detail.reasons ?? []).join(', ')}`;
}
