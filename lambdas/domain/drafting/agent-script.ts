/**
 * The agent's suggested call script for one account: the repayment options its tier allows, computed by the
 * plan calculator, and a script drafted around them (by the LLM port when given, else offline), with the
 * compliance gate's verdict on it.
 */
import { conflict, notFound } from '../errors';
import { OFFER_POLICY } from '../offers/offer-policy';
import { computeOffers, type OfferSet } from '../offers/plan-calculator';
import type { AccountRepository, Clock } from '../ports';
import { type Tier, type TierStrategy, TREATMENT_POLICY } from '../treatment/treatment-policy';
import type { Draft, DraftMetadata } from './draft';
import { type DraftingResult, draftOutreach, type LlmPort } from './drafting-service';

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
}

export async function suggestedScript(
  deps: { accounts: AccountRepository; llm: LlmPort | undefined; clock: Clock },
  accountId: string,
): Promise<SuggestedScript> {
  const account = await deps.accounts.get(accountId);
  if (!account) throw notFound('ACCOUNT_NOT_FOUND', `No account ${accountId}.`);
  if (!account.treatment || !account.risk) {
    throw conflict(
      'ACCOUNT_NOT_SCORED',
      `Account ${accountId} has not been scored yet, so it has no treatment tier.`,
    );
  }
  if (account.balanceMinor <= 0) throw conflict('NOTHING_DUE', `Account ${accountId} owes nothing.`);
  const { tier, bucket } = account.treatment;
  const strategy = TREATMENT_POLICY.tiers[tier];
  const offers = computeOffers({
    account,
    bucket,
    riskBand: account.risk.band,
    eligible: strategy.offers,
    today: deps.clock.now().toISOString().slice(0, 10),
    policy: OFFER_POLICY,
  });
  const result = await draftOutreach(
    { llm: deps.llm, clock: deps.clock },
    {
      account,
      offerSet: offers,
      tier,
      strategy,
      language: account.customer.language,
      jurisdiction: account.jurisdiction,
    },
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
