/**
 * Customers' decisions take effect on the account at once: an accepted plan becomes its schedule, a promise
 * or a hardship plan pauses outreach, a dispute or a stop request holds all collection contact (the contact
 * policy reads these flags at every send), and a request for a person puts the account in the agent queue.
 * Each decision is also written to the audit trail, where compliance reviews disputes and stop requests.
 */
import { DETAIL_TYPES } from '../../../lib/catalog/events';
import type { Account, AccountFlags } from '../accounts/account';
import type { ContactChannel } from '../compliance';
import type { AuditLog } from '../ports';

/** The changes one decision makes; absent fields stay as they are, `null` removes. */
export interface AccountPatch {
  readonly flags?: Partial<AccountFlags>;
  readonly repaymentPlan?: Account['repaymentPlan'];
  readonly promise?: Account['promise'] | null;
  readonly affordability?: Account['affordability'];
  readonly refusedChannels?: readonly ContactChannel[];
  readonly escalation?: Account['escalation'] | null;
}

export interface AccountUpdater {
  /** Applies the patch; false when there is no such account. */
  update(accountId: string, patch: AccountPatch): Promise<boolean>;
}

export interface DecisionEvent {
  readonly id: string;
  readonly detailType: string;
  readonly detail: { readonly accountId: string; readonly [key: string]: unknown };
}

/** What each decision changes on the account. */
export function patchFor(event: DecisionEvent): AccountPatch | undefined {
  const d = event.detail as Record<string, unknown> & { accountId: string };
  const at = String(d.decidedAt ?? d.joinedAt ?? d.brokenAt ?? '');
  switch (event.detailType) {
    case DETAIL_TYPES.planAccepted:
      return {
        repaymentPlan: {
          optionId: String(d.optionId),
          kind: d.kind as NonNullable<Account['repaymentPlan']>['kind'],
          totalMinor: Number(d.totalMinor),
          instalments: d.instalments as NonNullable<Account['repaymentPlan']>['instalments'],
          acceptedAt: at,
          conversationId: d.conversationId as string | undefined,
        },
        flags: { hardshipPlan: d.kind === 'hardship', promiseToPay: false },
        promise: null,
      };
    case DETAIL_TYPES.promiseToPayRecorded:
      return {
        promise: {
          amountMinor: Number(d.amountMinor),
          dueDate: String(d.dueDate),
          recordedAt: at,
          source: d.agentId ? `agent:${d.agentId}` : 'portal',
        },
        flags: { promiseToPay: true },
      };
    case DETAIL_TYPES.promiseBroken:
      return {
        promise: null,
        flags: { promiseToPay: false },
        escalation: { reason: 'promise_broken', at },
      };
    case DETAIL_TYPES.hardshipRegistered:
      return {
        affordability: {
          monthlyIncomeMinor: Number(d.monthlyIncomeMinor),
          monthlyExpensesMinor: Number(d.monthlyExpensesMinor),
        },
      };
    case DETAIL_TYPES.disputeOpened:
      return {
        flags: { dispute: true },
        escalation: { reason: 'dispute', at, conversationId: d.conversationId as string },
      };
    case DETAIL_TYPES.ceaseRequested:
      return { flags: { ceaseRequested: true } };
    case DETAIL_TYPES.contactPreferencesChanged:
      return { refusedChannels: d.refusedChannels as ContactChannel[] };
    case DETAIL_TYPES.escalationRequested:
      return { escalation: { reason: String(d.reason), at, conversationId: d.conversationId as string } };
    case DETAIL_TYPES.agentJoined:
      return { escalation: null };
    default:
      return undefined;
  }
}

export async function applyCustomerDecision(
  deps: { accounts: AccountUpdater; audit: AuditLog },
  event: DecisionEvent,
): Promise<'applied' | 'ignored' | 'no_account'> {
  const patch = patchFor(event);
  if (!patch) return 'ignored';
  if (!(await deps.accounts.update(event.detail.accountId, patch))) return 'no_account';
  await deps.audit.append({
    accountId: event.detail.accountId,
    entryId: event.id,
    at: String(
      event.detail.decidedAt ?? event.detail.joinedAt ?? event.detail.brokenAt ?? new Date(0).toISOString(),
    ),
    kind: event.detailType,
    summary: summaryOf(event),
    data: { ...event.detail },
  });
  return 'applied';
}

function summaryOf(event: DecisionEvent): string {
  const d = event.detail as Record<string, unknown>;
  switch (event.detailType) {
    case DETAIL_TYPES.planAccepted:
      return `Plan ${d.optionId} accepted: ${(d.instalments as unknown[]).length} payment(s), ${d.totalMinor} in total`;
    case DETAIL_TYPES.promiseToPayRecorded:
      return `Promise to pay ${d.amountMinor} by ${d.dueDate}`;
    case DETAIL_TYPES.disputeOpened:
      return 'Debt disputed: collection held for compliance review';
    case DETAIL_TYPES.ceaseRequested:
      return 'Customer asked us to stop contacting them: compliance review';
    default:
      return event.detailType;
  }
}
