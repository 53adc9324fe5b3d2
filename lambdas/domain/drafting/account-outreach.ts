import type { Account, Bucket } from '../accounts/account';
import type { BusinessMetrics } from '../business-metrics';
import { OFFER_POLICY, type OfferPolicy } from '../offers/offer-policy';
import { computeOffers, type OfferSet } from '../offers/plan-calculator';
import type { Clock } from '../ports';
import type { RiskBand } from '../scoring/risk-model';
import { type Tier, TREATMENT_POLICY, type TreatmentPolicy } from '../treatment/treatment-policy';
import { type DraftingResult, draftOutreach, type LlmPort } from './drafting-service';

export interface AccountOutreachInput {
  readonly account: Account;
  readonly tier: Tier;
  readonly bucket: Bucket;
  readonly riskBand: RiskBand;
  readonly offerPolicy?: OfferPolicy;
  readonly treatmentPolicy?: TreatmentPolicy;
}

/** The options the account's tier allows, as of the clock's today, and the outreach drafted around them. */
export async function draftAccountOutreach(
  deps: { llm: LlmPort | undefined; clock: Clock; reviewer?: LlmPort; metrics?: BusinessMetrics },
  input: AccountOutreachInput,
): Promise<{ offers: OfferSet; result: DraftingResult }> {
  const { account, tier } = input;
  const strategy = (input.treatmentPolicy ?? TREATMENT_POLICY).tiers[tier];
  const offers = computeOffers({
    account,
    bucket: input.bucket,
    riskBand: input.riskBand,
    eligible: strategy.offers,
    today: deps.clock.now().toISOString().slice(0, 10),
    policy: input.offerPolicy ?? OFFER_POLICY,
  });
  const result = await draftOutreach(deps, {
    account,
    offerSet: offers,
    tier,
    strategy,
    language: account.customer.language,
    jurisdiction: account.jurisdiction,
  });
  return { offers, result };
}
