/**
 * Customers' decisions take effect on the account at once: an accepted plan becomes its schedule, a promise
 * or a hardship plan pauses outreach, a dispute, a stop request, a reported fraud, bankruptcy, death, lawyer
 * or crisis holds collection (outreach, debits and the queue read these flags: accounts/holds.ts), contact
 * preferences apply to the next send, and whatever needs a person puts the account in the agent queue.
 * Each decision is also written to the audit trail, where compliance reviews disputes and stop requests.
 */
import { DETAIL_TYPES } from '../../../lib/catalog/events';
import type { Account, AccountFlags, ContactPreferences, Escalation } from '../accounts/account';
import type { ContactChannel } from '../compliance';
import type { AuditLog } from '../ports';

/**
 * The changes one decision makes; absent fields stay as they are, `null` removes. An escalation replaces an
 * open one only when at least as urgent (accounts/escalations.ts): a payment trace never hides a crisis.
 */
export interface AccountPatch {
  readonly flags?: Partial<AccountFlags>;
  readonly repaymentPlan?: Account['repaymentPlan'];
  readonly promise?: Account['promise'] | null;
  readonly affordability?: Account['affordability'];
  readonly refusedChannels?: readonly ContactChannel[];
  readonly contactPreferences?: Partial<
    Pick<ContactPreferences, 'noWorkplace' | 'noThirdParties' | 'contactHours'>
  >;
  readonly escalation?: Escalation | null;
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
  const escalate = (reason: string) => ({
    reason,
    at,
    ...(typeof d.conversationId === 'string' ? { conversationId: d.conversationId } : {}),
  });
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
        escalation: escalate('promise_broken'),
      };
    case DETAIL_TYPES.hardshipRegistered:
      return { affordability: budgetOf(d) };
    case DETAIL_TYPES.disputeOpened:
      return { flags: { dispute: true }, escalation: escalate('dispute') };
    case DETAIL_TYPES.fraudReported:
      return { flags: { fraudReported: true }, escalation: escalate('fraud') };
    case DETAIL_TYPES.legalRepresentationReported:
      return { flags: { legalRepresentation: true }, escalation: escalate('legal_representation') };
    case DETAIL_TYPES.bankruptcyReported:
      return { flags: { bankrupt: true }, escalation: escalate('bankruptcy') };
    case DETAIL_TYPES.deceasedReported:
      return { flags: { deceased: true }, escalation: escalate('deceased') };
    case DETAIL_TYPES.vulnerabilityReported:
      return {
        flags: { vulnerable: true },
        escalation: escalate(d.selfHarm === true ? 'self_harm' : 'vulnerability'),
      };
    case DETAIL_TYPES.complaintRecorded:
      return { escalation: escalate('complaint') };
    case DETAIL_TYPES.paymentTraceRequested:
      return { escalation: escalate('payment_trace') };
    case DETAIL_TYPES.ceaseRequested:
      return { flags: { ceaseRequested: true } };
    case DETAIL_TYPES.contactPreferencesChanged:
      return {
        refusedChannels: d.refusedChannels as ContactChannel[],
        contactPreferences: {
          ...(d.noWorkplace === true ? { noWorkplace: true } : {}),
          ...(d.noThirdParties === true ? { noThirdParties: true } : {}),
          ...(d.contactHours && typeof d.contactHours === 'object'
            ? { contactHours: d.contactHours as ContactPreferences['contactHours'] }
            : {}),
        },
      };
    case DETAIL_TYPES.escalationRequested:
      return { escalation: escalate(String(d.reason)) };
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

/** A declared budget: each figure when stated (whole minor units). */
function budgetOf(d: Record<string, unknown>): NonNullable<Account['affordability']> {
  const figure = (value: unknown) =>
    Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : undefined;
  const budget = {
    monthlyIncomeMinor: figure(d.monthlyIncomeMinor),
    monthlyExpensesMinor: figure(d.monthlyExpensesMinor),
    affordableMinor: figure(d.affordableMinor),
  };
  return Object.fromEntries(Object.entries(budget).filter(([, value]) => value !== undefined));
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
    case DETAIL_TYPES.fraudReported:
      return 'Fraud or identity theft reported: collection stopped, fraud case opened';
    case DETAIL_TYPES.legalRepresentationReported:
      return 'Customer represented by a lawyer: routed to agents';
    case DETAIL_TYPES.bankruptcyReported:
      return 'Bankruptcy reported: collection held, specialist team';
    case DETAIL_TYPES.deceasedReported:
      return 'Account holder reported deceased: collection held, specialist team';
    case DETAIL_TYPES.vulnerabilityReported:
      return d.selfHarm === true
        ? 'Customer mentioned self-harm: crisis line given, a person asked to join'
        : 'Vulnerable customer: collection paused, specialist team';
    case DETAIL_TYPES.complaintRecorded:
      return 'Complaint recorded: supervisor';
    case DETAIL_TYPES.paymentTraceRequested:
      return 'Customer says a payment is missing: trace requested';
    default:
      return event.detailType;
  }
}
