/**
 * The agent's suggested call script for one account: the repayment options its tier allows, computed by the
 * plan calculator, and a script drafted around them, with the compliance gate's verdict on it. The current
 * stored draft (written by the drafting function, with the model when one is configured) is used while it
 * still fits the account: same tier, offer dates not passed. Otherwise a script is drafted now (by the LLM
 * port when given, else offline). Once a plan is agreed the script is a check-in on that plan (plan-check-in.ts).
 */
import type { Account } from '../accounts/account';
import { conflict, notFound } from '../errors';
import type { OfferSet } from '../offers/plan-calculator';
import type { DraftRecord, DraftStore } from '../outreach/outreach';
import type { PaymentStore } from '../payments/payment-store';
import { customerToday, type PlanStatus, planStatus } from '../payments/plan-status';
import type { AccountRepository, Clock } from '../ports';
import { type Tier, type TierStrategy, TREATMENT_POLICY } from '../treatment/treatment-policy';
import { draftAccountOutreach } from './account-outreach';
import type { Draft, DraftMetadata } from './draft';
import type { DraftingResult, LlmPort } from './drafting-service';
import { PLAN_CHECK_IN_TEMPLATES, planCheckIn } from './plan-check-in';

export interface SuggestedScript {
  readonly accountId: string;
  readonly tier: Tier;
  readonly strategy: TierStrategy;
  readonly offers: OfferSet;
  readonly status: DraftingResult['status'];
  readonly script?: Draft['callScript'];
  readonly verdict?: NonNullable<DraftingResult['verdicts']>['call_script'];
  /** Model (or offline templates), prompt version and tokens behind the script. */
  readonly metadata?: DraftMetadata;
  readonly reasons?: readonly string[];
  /** The stored draft the script comes from; absent when it was drafted for this request. */
  readonly draftId?: string;
  /** The agreed plan the check-in script is about. */
  readonly plan?: PlanStatus;
}

export async function suggestedScript(
  deps: {
    accounts: AccountRepository;
    drafts: DraftStore;
    store: Pick<PaymentStore, 'listInstalments'>;
    llm: LlmPort | undefined;
    clock: Clock;
  },
  accountId: string,
): Promise<SuggestedScript> {
  const account = await deps.accounts.get(accountId);
  if (!account) throw notFound('ACCOUNT_NOT_FOUND', `No account ${accountId}.`);
  if (account.repaymentPlan) return checkInScript(deps, account, account.repaymentPlan);
  if (!account.treatment || !account.risk) {
    throw conflict(
      'ACCOUNT_NOT_SCORED',
      `Account ${accountId} has not been scored yet, so it has no treatment tier.`,
    );
  }
  if (account.balanceMinor <= 0) throw conflict('NOTHING_DUE', `Account ${accountId} owes nothing.`);
  const { tier, bucket } = account.treatment;
  const strategy = TREATMENT_POLICY.tiers[tier];
  const today = deps.clock.now().toISOString().slice(0, 10);
  const stored = await deps.drafts.latest(accountId);
  if (stored && isCurrentDraft(stored, tier, today)) {
    return {
      accountId,
      tier,
      strategy,
      offers: stored.offers,
      status: stored.status,
      script: stored.draft?.callScript,
      verdict: stored.verdicts?.call_script,
      metadata: stored.draft?.metadata,
      draftId: stored.draftId,
    };
  }
  const { offers, result } = await draftAccountOutreach(
    { llm: deps.llm, clock: deps.clock },
    { account, tier, bucket, riskBand: account.risk.band },
  );
  return {
    accountId,
    tier,
    strategy,
    offers,
    status: result.status,
    script: result.draft?.callScript,
    verdict: result.verdicts?.call_script,
    metadata: result.draft?.metadata,
    reasons: result.reasons,
  };
}

/** A ready draft for the account's tier whose every offer date is still ahead. */
export function isCurrentDraft(record: DraftRecord, tier: Tier, today: string): boolean {
  return (
    record.status === 'ready' &&
    record.tier === tier &&
    record.offers.options.every((option) => option.firstDueDate > today)
  );
}

/** An agreed plan: the check-in on it, with the plan's figures as the only ones it may state. */
async function checkInScript(
  deps: { store: Pick<PaymentStore, 'listInstalments'>; clock: Clock },
  account: Account,
  accepted: NonNullable<Account['repaymentPlan']>,
): Promise<SuggestedScript> {
  const now = deps.clock.now();
  const plan = planStatus(
    accepted,
    await deps.store.listInstalments(account.accountId),
    customerToday(account, now),
  );
  const { script, verdict } = planCheckIn(account, plan);
  const tier: Tier =
    account.treatment?.tier ?? (plan.kind === 'hardship' ? 'hardship_plan_active' : 'plan_active');
  return {
    accountId: account.accountId,
    tier,
    strategy: TREATMENT_POLICY.tiers[tier],
    offers: {
      policyVersion: PLAN_CHECK_IN_TEMPLATES.version,
      currency: account.currency,
      totalDueMinor: plan.remainingMinor,
      options: [],
    },
    status: verdict.allowed ? 'ready' : 'blocked',
    script,
    verdict,
    metadata: {
      promptId: PLAN_CHECK_IN_TEMPLATES.id,
      promptVersion: PLAN_CHECK_IN_TEMPLATES.version,
      model: 'offline-templates',
      language: account.customer.language,
      pseudonymised: true,
      tokens: { prompt: 0, completion: 0 },
      source: 'offline',
      attempts: 1,
      draftedAt: now.toISOString(),
    },
    plan,
  };
}
