/**
 * Scores one product account with the committed model and places it in its treatment tier. Pure: the caller
 * supplies the model, the policy and the date.
 */
import type { Account, Bucket, Currency, RiskAssessment, Treatment } from '../accounts/account';
import { bucketFor, daysPastDue } from '../accounts/delinquency';
import { type TreatmentPolicy, tierFor, variantFor } from '../treatment/treatment-policy';
import { type RiskModelArtifact, type RiskModelInput, scoreRiskOrFallback } from './risk-model';

/**
 * The model learned on New Taiwan dollar amounts. Account amounts are converted into that scale with fixed
 * reference rates (versioned with the code, not live FX) so limits and balances fall in the range it knows.
 */
export const MODEL_CURRENCY_SCALE: Record<Currency, number> = { USD: 32, CNY: 4.4 };

const toModelUnits = (minor: number, currency: Currency) => (minor / 100) * MODEL_CURRENCY_SCALE[currency];

/** The model's view of an account: limit and six statements. Invalid values pass through for the validator. */
export function riskModelInputFor(
  account: Pick<Account, 'currency' | 'creditLimitMinor' | 'statements'>,
): RiskModelInput {
  const { currency } = account;
  return {
    creditLimit: toModelUnits(account.creditLimitMinor, currency),
    months: (account.statements ?? []).map((statement) => ({
      payStatus: statement.payStatus,
      statementBalance: toModelUnits(statement.statementBalanceMinor, currency),
      amountPaid: toModelUnits(statement.amountPaidMinor, currency),
    })),
  };
}

const formatMoney = (minor: number, currency: Currency) =>
  `${currency} ${(minor / 100).toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

export function assessRisk(
  model: RiskModelArtifact,
  account: Pick<Account, 'currency' | 'creditLimitMinor' | 'statements'>,
): RiskAssessment {
  const { problems, ...score } = scoreRiskOrFallback(model, riskModelInputFor(account));
  // The limit reason must quote the customer's own limit and currency, not the model's scale.
  const reasons = score.reasons.map((reason) =>
    reason.code === 'CREDIT_LIMIT' ? { ...reason, ...creditLimitText(account) } : reason,
  );
  return { ...score, reasons, ...(problems ? { problems } : {}) };
}

function creditLimitText(account: Pick<Account, 'currency' | 'creditLimitMinor'>) {
  const amount = formatMoney(account.creditLimitMinor, account.currency);
  return { en: `Credit limit of ${amount}`, zh: `信用额度为${amount}` };
}

export type TreatmentDecision = Pick<
  Treatment,
  'bucket' | 'tier' | 'variant' | 'policyVersion' | 'fingerprint'
>;

/** Everything whose change is worth a write: score, band, bucket, tier, variant, model and policy versions. */
export function assessmentFingerprint(
  risk: Pick<RiskAssessment, 'band' | 'score' | 'modelVersion'>,
  decision: Omit<TreatmentDecision, 'fingerprint'>,
): string {
  return [
    risk.modelVersion,
    risk.score,
    risk.band,
    decision.bucket,
    decision.tier,
    decision.variant,
    decision.policyVersion,
  ].join('|');
}

export function decideTreatment(
  policy: TreatmentPolicy,
  account: Pick<Account, 'accountId' | 'oldestUnpaidDueDate' | 'flags'>,
  risk: Pick<RiskAssessment, 'band' | 'score' | 'modelVersion'>,
  today: string,
): TreatmentDecision {
  const bucket: Bucket = bucketFor(daysPastDue(account.oldestUnpaidDueDate, today));
  const variant = variantFor(policy, account.accountId);
  const tier = tierFor(policy, { bucket, band: risk.band, flags: account.flags, variant });
  const decision = { bucket, tier, variant, policyVersion: policy.version };
  return { ...decision, fingerprint: assessmentFingerprint(risk, decision) };
}
