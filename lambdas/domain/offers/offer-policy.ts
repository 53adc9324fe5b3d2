/**
 * The offer policy: every number the plan calculator may offer within, per jurisdiction, versioned so that
 * each offer records the policy it was computed under. Checked with zod at load: a bad policy fails the
 * function's init, never a customer's quote.
 */
import * as z from '../../../contracts/schema';
import type { Bucket } from '../accounts/account';
import type { RiskBand } from '../scoring/risk-model';
import { isIsoDate, PUBLIC_HOLIDAYS } from './business-days';

/** Delinquency buckets from no arrears to the deepest. */
export const BUCKETS = [
  'current',
  'dpd_1_30',
  'dpd_31_60',
  'dpd_61_90',
  'dpd_91_180',
  'dpd_180_plus',
] as const satisfies readonly Bucket[];

/** Risk bands from the lowest risk (A) to the highest (E). */
export const RISK_BANDS = ['A', 'B', 'C', 'D', 'E'] as const satisfies readonly RiskBand[];

/** China allows hardship instalment agreements of up to 5 years; no term in any jurisdiction goes beyond. */
export const MAX_TERM_MONTHS = 60;
export const MAX_SETTLEMENT_DISCOUNT = 0.5;
export const BASIS_POINTS_PER_UNIT = 10_000;

/** Fractions are whole basis points so that money arithmetic on them stays in exact integers. */
const isWholeBasisPoints = (fraction: number): boolean => {
  const basisPoints = fraction * BASIS_POINTS_PER_UNIT;
  return Math.abs(basisPoints - Math.round(basisPoints)) < 1e-9;
};
const fraction = (max: number) =>
  z
    .number()
    .check(z.gte(0), z.lte(max), z.refine(isWholeBasisPoints, 'must be a whole number of basis points'));
const positiveMinor = z.int().check(z.positive());
const termMonths = z.int().check(z.gte(1), z.lte(MAX_TERM_MONTHS));

type DiscountTable = Record<Bucket, Record<RiskBand, number>>;

/** Higher risk and deeper arrears may only allow a larger discount, never a smaller one. */
function growsWithRiskAndArrears(table: DiscountTable): boolean {
  return BUCKETS.every((bucket, bucketIndex) =>
    RISK_BANDS.every((band, bandIndex) => {
      const shallowerBucket = BUCKETS[bucketIndex - 1];
      const lowerBand = RISK_BANDS[bandIndex - 1];
      const discount = table[bucket][band];
      return (
        (shallowerBucket === undefined || discount >= table[shallowerBucket][band]) &&
        (lowerBand === undefined || discount >= table[bucket][lowerBand])
      );
    }),
  );
}

const jurisdictionPolicySchema = z
  .object({
    currency: z.enum(['USD', 'CNY']),
    /** Calendar days from today to the earliest first due date: time to arrange funds or a debit mandate. */
    firstDueLeadDays: z.int().check(z.gte(3), z.lte(10)),
    /** Due dates never fall on these or on a weekend; they roll forward to the next business day. */
    holidays: z.array(z.string().check(z.refine(isIsoDate, 'must be a YYYY-MM-DD date'))),
    instalment: z.object({
      termMonths: z.array(termMonths).check(
        z.minLength(1),
        z.refine((terms) => terms.every((term, i) => i === 0 || term > terms[i - 1]!), 'must be ascending'),
      ),
      minInstalmentMinor: positiveMinor,
    }),
    hardship: z.object({
      maxTermMonths: termMonths,
      /** No hardship instalment is smaller than this, whatever the customer's declared budget. */
      reducedPaymentFloorMinor: positiveMinor,
      /** Share of the declared disposable income (income − expenses) that sets the reduced payment. */
      disposableIncomeShare: fraction(1).check(z.positive()),
      /** A statement of the terms customers and agents are shown: plans never add interest or fees. */
      interestAndFeesFrozen: z.literal(true),
    }),
    settlement: z.object({
      /** Largest discount off the balance, as a fraction, by delinquency bucket and risk band. */
      maxDiscount: z
        .record(z.enum(BUCKETS), z.record(z.enum(RISK_BANDS), fraction(MAX_SETTLEMENT_DISCOUNT)))
        .check(z.refine(growsWithRiskAndArrears, 'must not shrink with higher risk or deeper arrears')),
    }),
  })
  .check(
    z.refine(
      (policy) => policy.hardship.reducedPaymentFloorMinor <= policy.instalment.minInstalmentMinor,
      'the hardship floor is a reduced payment: it must not exceed the minimum instalment',
    ),
  );

const offerPolicySchema = z.object({
  version: z.string().check(z.regex(/^offers-\d{4}\.\d{1,2}\.\d+$/)),
  jurisdictions: z.object({
    US: jurisdictionPolicySchema.check(
      z.refine((policy) => policy.currency === 'USD', 'US offers are in USD'),
    ),
    CN: jurisdictionPolicySchema.check(
      z.refine((policy) => policy.currency === 'CNY', 'CN offers are in CNY'),
    ),
  }),
});

export type OfferPolicy = z.infer<typeof offerPolicySchema>;
export type JurisdictionOfferPolicy = OfferPolicy['jurisdictions']['US'];

export class OfferPolicyError extends Error {
  readonly code = 'OFFER_POLICY_INVALID';
}

export function parseOfferPolicy(raw: unknown): OfferPolicy {
  const parsed = offerPolicySchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new OfferPolicyError(`Invalid offer policy: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/**
 * Settlement discounts, the same in both jurisdictions. None before 91 days past due: earlier arrears are
 * still curable by instalments, and a discount there would reward falling behind. From 91 days the cap grows
 * with risk (a band-E account is the least likely to pay in full, so a discount recovers more than it gives
 * up) and again after 180 days, when card balances are typically charged off and recovery rates fall.
 */
const NO_DISCOUNT = { A: 0, B: 0, C: 0, D: 0, E: 0 };
const SETTLEMENT_MAX_DISCOUNT: DiscountTable = {
  current: NO_DISCOUNT,
  dpd_1_30: NO_DISCOUNT,
  dpd_31_60: NO_DISCOUNT,
  dpd_61_90: NO_DISCOUNT,
  dpd_91_180: { A: 0.05, B: 0.1, C: 0.15, D: 0.2, E: 0.2 },
  dpd_180_plus: { A: 0.2, B: 0.25, C: 0.3, D: 0.35, E: 0.4 },
};

/** Shared by both jurisdictions: instalment terms long enough to clear arrears, short of a restructuring. */
const INSTALMENT_TERMS_MONTHS = [3, 6, 12];
const FIRST_DUE_LEAD_DAYS = 7;
/** Half of what is left after essential expenses, leaving the customer room for the unexpected. */
const DISPOSABLE_INCOME_SHARE = 0.5;

export const OFFER_POLICY: OfferPolicy = parseOfferPolicy({
  version: 'offers-2026.11.1',
  jurisdictions: {
    US: {
      currency: 'USD',
      firstDueLeadDays: FIRST_DUE_LEAD_DAYS,
      holidays: PUBLIC_HOLIDAYS.US,
      instalment: { termMonths: INSTALMENT_TERMS_MONTHS, minInstalmentMinor: 25_00 },
      hardship: {
        maxTermMonths: 60,
        reducedPaymentFloorMinor: 15_00,
        disposableIncomeShare: DISPOSABLE_INCOME_SHARE,
        interestAndFeesFrozen: true,
      },
      settlement: { maxDiscount: SETTLEMENT_MAX_DISCOUNT },
    },
    CN: {
      currency: 'CNY',
      firstDueLeadDays: FIRST_DUE_LEAD_DAYS,
      holidays: PUBLIC_HOLIDAYS.CN,
      instalment: { termMonths: INSTALMENT_TERMS_MONTHS, minInstalmentMinor: 100_00 },
      hardship: {
        // The 5-year limit on hardship instalment agreements is a rule, not a choice: never above 60.
        maxTermMonths: 60,
        reducedPaymentFloorMinor: 50_00,
        disposableIncomeShare: DISPOSABLE_INCOME_SHARE,
        interestAndFeesFrozen: true,
      },
      settlement: { maxDiscount: SETTLEMENT_MAX_DISCOUNT },
    },
  },
});
