/**
 * What a verified customer sees first: what is overdue, the balance, the next due date, the repayment options
 * their account has now, and the notices we left for them. No score, tier or internal reason: those are the
 * bank's working data, not the customer's statement. Once a plan is agreed it is the account's state: what is
 * overdue and due next come from the plan (what was paid on it included), and the options it replaced are gone.
 */
import type { Account } from '../accounts/account';
import { isCurrentDraft } from '../drafting/agent-script';
import { notFound } from '../errors';
import { withAgentOffer } from '../offers/agent-plan';
import { OFFER_POLICY } from '../offers/offer-policy';
import { computeOffers, type OfferSet } from '../offers/plan-calculator';
import type { DraftStore, Outbox } from '../outreach/outreach';
import type { PaymentStore } from '../payments/payment-store';
import { customerToday, type PlanStatus, planStatus } from '../payments/plan-status';
import type { AccountRepository, Clock } from '../ports';
import { TREATMENT_POLICY } from '../treatment/treatment-policy';

export interface PortalOverview {
  readonly accountId: string;
  readonly currency: Account['currency'];
  readonly language: Account['customer']['language'];
  /** Under an agreed plan: what is unpaid of its instalments whose date has passed. */
  readonly amountOverdueMinor: number;
  readonly balanceMinor: number;
  /** Under an agreed plan: its next instalment's date (absent when none is left). */
  readonly nextDueDate?: string;
  /** Under an agreed plan: what its next instalment asks. */
  readonly nextAmountMinor?: number;
  /** None while the account is on hold (dispute, hardship plan, …), once a plan is agreed, or owes nothing. */
  readonly offers: OfferSet | null;
  readonly notices: readonly { readonly text: string; readonly sentAt: string }[];
  /** The plan the customer accepted: their schedule from then on. */
  readonly repaymentPlan?: Account['repaymentPlan'];
  /** Where they stand on it: paid, overdue, next, every instalment. */
  readonly plan?: PlanStatus;
  readonly promise?: Account['promise'];
}

export async function portalOverview(
  deps: {
    accounts: AccountRepository;
    drafts: DraftStore;
    outbox: Outbox;
    store: Pick<PaymentStore, 'listInstalments'>;
    clock: Clock;
  },
  accountId: string,
): Promise<PortalOverview> {
  const account = await deps.accounts.get(accountId);
  if (!account) throw notFound('ACCOUNT_NOT_FOUND', `No account ${accountId}.`);
  const [offers, messages, instalments] = await Promise.all([
    offersOf(deps, account),
    deps.outbox.list(accountId),
    account.repaymentPlan ? deps.store.listInstalments(accountId) : [],
  ]);
  const plan = account.repaymentPlan
    ? planStatus(account.repaymentPlan, instalments, customerToday(account, deps.clock.now()))
    : undefined;
  // Outreach sent before the plan was agreed pitched the options it replaced: gone from the overview (the
  // contact history keeps it). Payment notices stay.
  const superseded = (message: (typeof messages)[number]) =>
    account.repaymentPlan !== undefined &&
    message.purpose === undefined &&
    (message.sentAt ?? '') < account.repaymentPlan.acceptedAt;
  const notices = messages
    .filter(
      (message) =>
        message.channel === 'portal' && message.status === 'sent' && message.sentAt && !superseded(message),
    )
    .map((message) => ({ text: message.text, sentAt: message.sentAt! }))
    .sort((a, b) => b.sentAt.localeCompare(a.sentAt));
  return {
    accountId,
    currency: account.currency,
    language: account.customer.language,
    amountOverdueMinor: plan ? plan.overdueMinor : account.amountOverdueMinor,
    balanceMinor: account.balanceMinor,
    ...(plan
      ? plan.next
        ? { nextDueDate: plan.next.dueDate, nextAmountMinor: plan.next.owedMinor }
        : {}
      : { nextDueDate: account.nextDueDate }),
    offers,
    notices,
    repaymentPlan: account.repaymentPlan,
    ...(plan ? { plan } : {}),
    promise: account.promise,
  };
}

/** The current draft's options while they hold, otherwise the tier's options as of today; with the agent's plan. */
export async function offersOf(
  deps: { drafts: DraftStore; clock: Clock },
  account: Account,
): Promise<OfferSet | null> {
  const { treatment, risk } = account;
  if (!treatment || !risk || account.balanceMinor <= 0) return null;
  // An agreed plan replaces the options it was chosen from (whatever tier the last scoring run left).
  if (account.repaymentPlan) return null;
  const eligible = TREATMENT_POLICY.tiers[treatment.tier].offers;
  if (eligible.length === 0) return null;
  const today = deps.clock.now().toISOString().slice(0, 10);
  const stored = await deps.drafts.latest(account.accountId);
  if (stored && isCurrentDraft(stored, treatment.tier, today))
    return withAgentOffer(stored.offers, account, today);
  const computed = computeOffers({
    account,
    bucket: treatment.bucket,
    riskBand: risk.band,
    eligible,
    today,
    policy: OFFER_POLICY,
  });
  // A plan an agent built within policy is one more option (offers/agent-plan.ts).
  return withAgentOffer(computed, account, today);
}
