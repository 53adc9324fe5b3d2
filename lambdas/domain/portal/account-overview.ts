/**
 * What a verified customer sees first: what is overdue, the balance, the next due date, the repayment options
 * their account has now, and the notices we left for them. No score, tier or internal reason: those are the
 * bank's working data, not the customer's statement.
 */
import type { Account } from '../accounts/account';
import { isCurrentDraft } from '../drafting/agent-script';
import { notFound } from '../errors';
import { withAgentOffer } from '../offers/agent-plan';
import { OFFER_POLICY } from '../offers/offer-policy';
import { computeOffers, type OfferSet } from '../offers/plan-calculator';
import type { DraftStore, Outbox } from '../outreach/outreach';
import type { AccountRepository, Clock } from '../ports';
import { TREATMENT_POLICY } from '../treatment/treatment-policy';

export interface PortalOverview {
  readonly accountId: string;
  readonly currency: Account['currency'];
  readonly language: Account['customer']['language'];
  readonly amountOverdueMinor: number;
  readonly balanceMinor: number;
  readonly nextDueDate: string;
  /** None while the account is on hold (dispute, hardship plan, …) or owes nothing. */
  readonly offers: OfferSet | null;
  readonly notices: readonly { readonly text: string; readonly sentAt: string }[];
  /** The plan the customer accepted: their schedule from then on. */
  readonly repaymentPlan?: Account['repaymentPlan'];
  readonly promise?: Account['promise'];
}

export async function portalOverview(
  deps: { accounts: AccountRepository; drafts: DraftStore; outbox: Outbox; clock: Clock },
  accountId: string,
): Promise<PortalOverview> {
  const account = await deps.accounts.get(accountId);
  if (!account) throw notFound('ACCOUNT_NOT_FOUND', `No account ${accountId}.`);
  const [offers, messages] = await Promise.all([offersOf(deps, account), deps.outbox.list(accountId)]);
  const notices = messages
    .filter((message) => message.channel === 'portal' && message.status === 'sent' && message.sentAt)
    .map((message) => ({ text: message.text, sentAt: message.sentAt! }))
    .sort((a, b) => b.sentAt.localeCompare(a.sentAt));
  return {
    accountId,
    currency: account.currency,
    language: account.customer.language,
    amountOverdueMinor: account.amountOverdueMinor,
    balanceMinor: account.balanceMinor,
    nextDueDate: account.nextDueDate,
    offers,
    notices,
    repaymentPlan: account.repaymentPlan,
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
