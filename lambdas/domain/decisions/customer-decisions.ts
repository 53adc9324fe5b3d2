/**
 * Customers' decisions take effect on the account at once: an accepted plan becomes its schedule, a promise
 * or a hardship plan pauses outreach, a dispute, a stop request, a reported fraud, bankruptcy, death, lawyer
 * or crisis holds collection (outreach, debits and the queue read these flags: accounts/holds.ts), contact
 * preferences apply to the next send, and whatever needs a person puts the account in the agent queue.
 * Each decision is also written to the audit trail, where compliance reviews disputes and stop requests.
 */
import type { DetailOf, DetailType } from '../../../contracts/events';
import type { Account, AccountFlags, ContactPreferences, Escalation } from '../accounts/account';
import type { BusinessMetrics } from '../business-metrics';
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

/** The decisions this applies, in the order of the rule that routes them here (catalog/functions.ts). */
export const CUSTOMER_DECISIONS = [
  'PlanAccepted',
  'PromiseToPayRecorded',
  'PromiseBroken',
  'HardshipRegistered',
  'DisputeOpened',
  'FraudReported',
  'LegalRepresentationReported',
  'BankruptcyReported',
  'DeceasedReported',
  'VulnerabilityReported',
  'ComplaintRecorded',
  'PaymentTraceRequested',
  'CeaseRequested',
  'ContactPreferencesChanged',
  'EscalationRequested',
  'AgentJoined',
] as const satisfies readonly DetailType[];
export type CustomerDecision = (typeof CUSTOMER_DECISIONS)[number];

/** A decision as its contract reads it; `id` is the event's id (the audit entry's key). */
export type DecisionEvent<T extends CustomerDecision = CustomerDecision> = T extends CustomerDecision
  ? { readonly id: string; readonly detailType: T; readonly detail: DetailOf<T> }
  : never;

/** When the decision was taken: its contract names the moment by what happened. */
export function decidedAtOf(event: DecisionEvent): string {
  switch (event.detailType) {
    case 'PromiseBroken':
      return event.detail.brokenAt;
    case 'AgentJoined':
      return event.detail.joinedAt;
    default:
      return event.detail.decidedAt;
  }
}

/** What each decision changes on the account. */
export function patchFor(event: DecisionEvent): AccountPatch {
  const at = decidedAtOf(event);
  const conversationId = 'conversationId' in event.detail ? event.detail.conversationId : undefined;
  const escalate = (reason: string) => ({ reason, at, ...(conversationId ? { conversationId } : {}) });
  switch (event.detailType) {
    case 'PlanAccepted': {
      const d = event.detail;
      return {
        repaymentPlan: {
          optionId: d.optionId,
          kind: d.kind,
          totalMinor: d.totalMinor,
          instalments: d.instalments,
          acceptedAt: at,
          conversationId: d.conversationId,
        },
        flags: {
          hardshipPlan: d.kind === 'hardship',
          planAgreed: d.kind !== 'hardship',
          promiseToPay: false,
        },
        promise: null,
      };
    }
    case 'PromiseToPayRecorded': {
      const d = event.detail;
      return {
        promise: {
          amountMinor: d.amountMinor,
          dueDate: d.dueDate,
          recordedAt: at,
          source: d.agentId ? `agent:${d.agentId}` : 'portal',
        },
        flags: { promiseToPay: true },
      };
    }
    case 'PromiseBroken':
      return {
        promise: null,
        flags: { promiseToPay: false },
        escalation: escalate('promise_broken'),
      };
    case 'HardshipRegistered':
      return { affordability: budgetOf(event.detail) };
    case 'DisputeOpened':
      return { flags: { dispute: true }, escalation: escalate('dispute') };
    case 'FraudReported':
      return { flags: { fraudReported: true }, escalation: escalate('fraud') };
    case 'LegalRepresentationReported':
      return { flags: { legalRepresentation: true }, escalation: escalate('legal_representation') };
    case 'BankruptcyReported':
      return { flags: { bankrupt: true }, escalation: escalate('bankruptcy') };
    case 'DeceasedReported':
      return { flags: { deceased: true }, escalation: escalate('deceased') };
    case 'VulnerabilityReported':
      return {
        flags: { vulnerable: true },
        escalation: escalate(event.detail.selfHarm ? 'self_harm' : 'vulnerability'),
      };
    case 'ComplaintRecorded':
      return { escalation: escalate('complaint') };
    case 'PaymentTraceRequested':
      return { escalation: escalate('payment_trace') };
    case 'CeaseRequested':
      return { flags: { ceaseRequested: true } };
    case 'ContactPreferencesChanged': {
      const d = event.detail;
      return {
        refusedChannels: d.refusedChannels,
        contactPreferences: {
          ...(d.noWorkplace === true ? { noWorkplace: true } : {}),
          ...(d.noThirdParties === true ? { noThirdParties: true } : {}),
          ...(d.contactHours ? { contactHours: d.contactHours } : {}),
        },
      };
    }
    case 'EscalationRequested':
      return { escalation: escalate(event.detail.reason) };
    case 'AgentJoined':
      return { escalation: null };
  }
}

export async function applyCustomerDecision(
  deps: { accounts: AccountUpdater; audit: AuditLog; metrics?: BusinessMetrics },
  event: DecisionEvent,
): Promise<'applied' | 'no_account'> {
  const patch = patchFor(event);
  if (!(await deps.accounts.update(event.detail.accountId, patch))) return 'no_account';
  await deps.audit.append({
    accountId: event.detail.accountId,
    entryId: event.id,
    at: decidedAtOf(event),
    kind: event.detailType,
    summary: summaryOf(event),
    data: { ...event.detail },
  });
  if (event.detailType === 'PromiseToPayRecorded') deps.metrics?.count('PromisesRecorded');
  if (event.detailType === 'PlanAccepted') deps.metrics?.count('PlansAccepted');
  return 'applied';
}

/** A declared budget: each figure when stated (whole minor units). */
function budgetOf(d: DetailOf<'HardshipRegistered'>): NonNullable<Account['affordability']> {
  const budget = {
    monthlyIncomeMinor: d.monthlyIncomeMinor,
    monthlyExpensesMinor: d.monthlyExpensesMinor,
    affordableMinor: d.affordableMinor,
  };
  return Object.fromEntries(Object.entries(budget).filter(([, value]) => value !== undefined));
}

function summaryOf(event: DecisionEvent): string {
  switch (event.detailType) {
    case 'PlanAccepted': {
      const d = event.detail;
      return `Plan ${d.optionId} accepted: ${d.instalments.length} payment(s), ${d.totalMinor} in total`;
    }
    case 'PromiseToPayRecorded':
      return `Promise to pay ${event.detail.amountMinor} by ${event.detail.dueDate}`;
    case 'DisputeOpened':
      return 'Debt disputed: collection held for compliance review';
    case 'CeaseRequested':
      return 'Customer asked us to stop contacting them: compliance review';
    case 'FraudReported':
      return 'Fraud or identity theft reported: collection stopped, fraud case opened';
    case 'LegalRepresentationReported':
      return 'Customer represented by a lawyer: routed to agents';
    case 'BankruptcyReported':
      return 'Bankruptcy reported: collection held, specialist team';
    case 'DeceasedReported':
      return 'Account holder reported deceased: collection held, specialist team';
    case 'VulnerabilityReported':
      return event.detail.selfHarm
        ? 'Customer mentioned self-harm: crisis line given, a person asked to join'
        : 'Vulnerable customer: collection paused, specialist team';
    case 'ComplaintRecorded':
      return 'Complaint recorded: supervisor';
    case 'PaymentTraceRequested':
      return 'Customer says a payment is missing: trace requested';
    default:
      return event.detailType;
  }
}
