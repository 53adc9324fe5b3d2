/**
 * The repayment plan calculator: the only place offer numbers come from (the LLM only words them).
 *
 * Rules every option keeps:
 * - Money is integer minor units; a schedule sums exactly to its option's total.
 * - No fees and no interest, ever: a total is the balance, or the balance less a settlement discount.
 * - A plan's instalments differ by at most one minor unit; the remainder units go to the first ones.
 * - Due dates are business days: the first on or after today + the policy's lead, the rest monthly on its
 *   day of the month (clamped to month end), each rolled forward past weekends and public holidays.
 */
import type { Account, Bucket, Currency } from '../accounts/account';
import { DomainError } from '../errors';
import type { RiskBand } from '../scoring/risk-model';
import { addDays, isIsoDate, monthlyDueDates, rollForwardToBusinessDay } from './business-days';
import {
  BASIS_POINTS_PER_UNIT,
  BUCKETS,
  type JurisdictionOfferPolicy,
  type OfferPolicy,
  RISK_BANDS,
} from './offer-policy';

/** Offer kinds in the order options are listed: quickest to clear first. */
export const OFFER_KINDS = ['pay_in_full', 'settlement', 'instalment', 'hardship'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

/**
 * The customer's own declared monthly figures: income and essential expenses (their difference is the
 * disposable income), and/or the most they say they can pay a month. Each when stated.
 */
export interface Affordability {
  readonly monthlyIncomeMinor?: number;
  readonly monthlyExpensesMinor?: number;
  readonly affordableMinor?: number;
}

export interface OfferInput {
  readonly account: Pick<
    Account,
    'accountId' | 'jurisdiction' | 'currency' | 'balanceMinor' | 'amountOverdueMinor' | 'minimumDueMinor'
  >;
  readonly bucket: Bucket;
  readonly riskBand: RiskBand;
  /** The kinds the account's treatment tier allows; nothing else is ever offered. */
  readonly eligible: readonly OfferKind[];
  /** `YYYY-MM-DD`. */
  readonly today: string;
  readonly affordability?: Affordability;
  readonly policy: OfferPolicy;
}

export interface ScheduledPayment {
  readonly dueDate: string;
  readonly amountMinor: number;
}

export interface OfferOption {
  /** Stable within an offer set: `pay-in-full`, `settlement`, `instalment-<months>`, `hardship-<months>`. */
  readonly id: string;
  readonly kind: OfferKind;
  readonly totalMinor: number;
  readonly discountMinor: number;
  /** discountMinor as a percentage of the balance, rounded down to 2 decimals: never overstated. */
  readonly discountPercent: number;
  /** The number of monthly payments (1 for a single payment). */
  readonly termMonths: number;
  readonly instalments: readonly ScheduledPayment[];
  readonly firstDueDate: string;
  /** The largest payment of the schedule (the first). */
  readonly monthlyAmountMinor: number;
  /** With declared affordability only: false when the monthly amount exceeds what the customer can pay. */
  readonly affordable?: boolean;
}

/**
 * Why no reduced-payment plan fits the customer's declared budget: the longest term the policy allows still
 * asks more a month (`TERM_LIMIT`), or the smallest payment the policy takes is above it (`PAYMENT_FLOOR`), or
 * nothing is left after essentials (`NO_SURPLUS`). A person works out the way forward.
 */
export interface NoAffordablePlan {
  readonly reason: 'TERM_LIMIT' | 'PAYMENT_FLOOR' | 'NO_SURPLUS';
  /** The most a month may ask: what is left after essentials and what the customer said they can pay. */
  readonly capMinor: number;
  /** The lowest monthly payment a reduced-payment plan could ask (the largest of its instalments). */
  readonly lowestMonthlyMinor?: number;
  /** The longest term the policy allows. */
  readonly maxTermMonths: number;
}

export interface OfferSet {
  readonly policyVersion: string;
  readonly currency: Currency;
  readonly totalDueMinor: number;
  readonly options: readonly OfferOption[];
  /** With a declared budget that no reduced-payment plan fits: why (the calculator offers none above it). */
  readonly noAffordablePlan?: NoAffordablePlan;
}

/** What every option of one offer set is computed from. */
interface PlanContext {
  readonly balanceMinor: number;
  readonly bucket: Bucket;
  readonly riskBand: RiskBand;
  readonly rules: JurisdictionOfferPolicy;
  readonly firstDueDate: string;
  readonly holidays: ReadonlySet<string>;
  /** Income − expenses; undefined when the customer did not declare both. */
  readonly disposableMinor: number | undefined;
  /** The most a month may ask: the disposable income and the amount the customer can pay, the lower. */
  readonly capMinor: number | undefined;
}

/**
 * All options the policy and the treatment tier allow, in OFFER_KINDS order, never two with one schedule.
 * Unaffordable standard options stay listed (marked `affordable: false`): the customer may have means beyond
 * the declared budget, and the agent must see them. A reduced-payment (hardship) plan is never above the
 * declared budget, not even by the rounding of one instalment: when none fits, none is offered and
 * `noAffordablePlan` says why. With no disposable income at all, no option is offered.
 */
export function computeOffers(input: OfferInput): OfferSet {
  assertValidInput(input);
  const { account, today, affordability, policy } = input;
  const rules = policy.jurisdictions[account.jurisdiction];
  const holidays = new Set(rules.holidays);
  const disposableMinor =
    affordability?.monthlyIncomeMinor !== undefined && affordability.monthlyExpensesMinor !== undefined
      ? affordability.monthlyIncomeMinor - affordability.monthlyExpensesMinor
      : undefined;
  const caps = [disposableMinor, affordability?.affordableMinor].filter((cap) => cap !== undefined);
  const context: PlanContext = {
    balanceMinor: account.balanceMinor,
    bucket: input.bucket,
    riskBand: input.riskBand,
    rules,
    firstDueDate: rollForwardToBusinessDay(addDays(today, rules.firstDueLeadDays), holidays),
    holidays,
    disposableMinor,
    capMinor: caps.length > 0 ? Math.min(...caps) : undefined,
  };
  const built = offeredKinds(input.eligible, context.capMinor).flatMap((kind) =>
    OPTION_BUILDERS[kind](context),
  );
  const cap = context.capMinor;
  const beyondBudget = (option: OfferOption) =>
    option.kind === 'hardship' && cap !== undefined && option.monthlyAmountMinor > cap;
  const options = withoutRepeats(built.filter((option) => !beyondBudget(option))).map((option) =>
    markAffordability(option, cap),
  );
  const noAffordablePlan =
    cap !== undefined &&
    input.eligible.includes('hardship') &&
    !options.some((option) => option.kind === 'hardship')
      ? whyNothingFits(context, cap, built.find(beyondBudget))
      : undefined;
  return {
    policyVersion: policy.version,
    currency: account.currency,
    totalDueMinor: account.balanceMinor,
    options,
    ...(noAffordablePlan ? { noAffordablePlan } : {}),
  };
}

function whyNothingFits(
  context: PlanContext,
  capMinor: number,
  unaffordable: OfferOption | undefined,
): NoAffordablePlan | undefined {
  const { maxTermMonths, reducedPaymentFloorMinor } = context.rules.hardship;
  if (capMinor <= 0) return { reason: 'NO_SURPLUS', capMinor, maxTermMonths };
  if (!unaffordable) return undefined;
  return {
    reason: capMinor < reducedPaymentFloorMinor ? 'PAYMENT_FLOOR' : 'TERM_LIMIT',
    capMinor,
    lowestMonthlyMinor: unaffordable.monthlyAmountMinor,
    maxTermMonths,
  };
}

function offeredKinds(eligible: readonly OfferKind[], capMinor: number | undefined): OfferKind[] {
  const noDisposableIncome = capMinor !== undefined && capMinor <= 0;
  return OFFER_KINDS.filter(
    (kind) => eligible.includes(kind) && (!noDisposableIncome || kind === 'hardship'),
  );
}

const OPTION_BUILDERS: Record<OfferKind, (context: PlanContext) => OfferOption[]> = {
  pay_in_full: (context) => [buildOption('pay-in-full', 'pay_in_full', [context.balanceMinor], 0, context)],
  settlement: settlementOptions,
  instalment: instalmentOptions,
  hardship: hardshipOptions,
};

/** One payment of the balance less the largest whole-unit discount within the bucket × band cap. */
function settlementOptions(context: PlanContext): OfferOption[] {
  const capFraction = context.rules.settlement.maxDiscount[context.bucket][context.riskBand];
  const discountMinor = fractionOfMinor(context.balanceMinor, toBasisPoints(capFraction));
  // No settlement without a discount: it would only repeat pay-in-full.
  if (discountMinor === 0) return [];
  const totalMinor = context.balanceMinor - discountMinor;
  return [buildOption('settlement', 'settlement', [totalMinor], discountMinor, context)];
}

/** One plan per policy term whose smallest instalment still reaches the minimum instalment. */
function instalmentOptions(context: PlanContext): OfferOption[] {
  const { termMonths, minInstalmentMinor } = context.rules.instalment;
  return termMonths
    .filter((months) => Math.floor(context.balanceMinor / months) >= minInstalmentMinor)
    .map((months) =>
      buildOption(
        `instalment-${months}`,
        'instalment',
        splitEvenly(context.balanceMinor, months),
        0,
        context,
      ),
    );
}

/** A reduced monthly payment over a longer term; none when the balance is below the payment floor. */
function hardshipOptions(context: PlanContext): OfferOption[] {
  const months = hardshipTermMonths(context);
  if (months === 0) return [];
  return [
    buildOption(`hardship-${months}`, 'hardship', splitEvenly(context.balanceMinor, months), 0, context),
  ];
}

/**
 * With a declared budget: as many months as it takes at the target payment (a share of disposable income,
 * no more than the amount the customer said they can pay, never below the floor), so no instalment exceeds
 * the target. Without one: the longest term. Either way capped by the policy's maximum term (which raises
 * the payment) and by the floor (no instalment below it).
 */
function hardshipTermMonths(context: PlanContext): number {
  const { maxTermMonths, reducedPaymentFloorMinor, disposableIncomeShare } = context.rules.hardship;
  const longestAboveFloor = Math.floor(context.balanceMinor / reducedPaymentFloorMinor);
  if (context.capMinor === undefined) return Math.min(maxTermMonths, longestAboveFloor);
  const shareOfDisposable =
    context.disposableMinor === undefined
      ? Number.POSITIVE_INFINITY
      : fractionOfMinor(Math.max(0, context.disposableMinor), toBasisPoints(disposableIncomeShare));
  const targetPaymentMinor = Math.max(
    reducedPaymentFloorMinor,
    Math.min(shareOfDisposable, Math.max(0, context.capMinor)),
  );
  const monthsAtTarget = Math.ceil(context.balanceMinor / targetPaymentMinor);
  return Math.min(maxTermMonths, longestAboveFloor, monthsAtTarget);
}

function buildOption(
  id: string,
  kind: OfferKind,
  amountsMinor: readonly number[],
  discountMinor: number,
  context: PlanContext,
): OfferOption {
  const dueDates = monthlyDueDates(context.firstDueDate, amountsMinor.length, context.holidays);
  return {
    id,
    kind,
    totalMinor: amountsMinor.reduce((total, amount) => total + amount, 0),
    discountMinor,
    discountPercent: percentRoundedDown(discountMinor, context.balanceMinor),
    termMonths: amountsMinor.length,
    instalments: amountsMinor.map((amountMinor, month) => ({ dueDate: dueDates[month]!, amountMinor })),
    firstDueDate: context.firstDueDate,
    monthlyAmountMinor: Math.max(...amountsMinor),
  };
}

/**
 * One option per schedule: when a hardship plan asks the same payments on the same dates as an instalment plan
 * (a budget that lands on a standard term), only the hardship plan stays, as it also carries the hardship
 * protections. Two identical choices only confuse.
 */
function withoutRepeats(options: readonly OfferOption[]): OfferOption[] {
  const scheduleOf = (option: OfferOption) =>
    option.instalments.map((payment) => `${payment.dueDate}=${payment.amountMinor}`).join(',');
  const hardshipSchedules = new Set(options.filter((option) => option.kind === 'hardship').map(scheduleOf));
  return options.filter((option) => option.kind === 'hardship' || !hardshipSchedules.has(scheduleOf(option)));
}

function markAffordability(option: OfferOption, capMinor: number | undefined): OfferOption {
  if (capMinor === undefined) return option;
  return { ...option, affordable: option.monthlyAmountMinor <= capMinor };
}

/** `count` amounts summing exactly to `totalMinor`, differing by at most 1: the first ones take the remainder. */
export function splitEvenly(totalMinor: number, count: number): number[] {
  const base = Math.floor(totalMinor / count);
  const remainder = totalMinor - base * count;
  return Array.from({ length: count }, (_, index) => (index < remainder ? base + 1 : base));
}

const toBasisPoints = (fraction: number): number => Math.round(fraction * BASIS_POINTS_PER_UNIT);

/** amount × basisPoints / 10 000, rounded down, exact for any safe integer amount. */
function fractionOfMinor(amountMinor: number, basisPoints: number): number {
  return Number((BigInt(amountMinor) * BigInt(basisPoints)) / BigInt(BASIS_POINTS_PER_UNIT));
}

/** part / whole as a percentage with 2 decimals, rounded down (in whole basis points first, exactly). */
function percentRoundedDown(partMinor: number, wholeMinor: number): number {
  const basisPoints = (BigInt(partMinor) * BigInt(BASIS_POINTS_PER_UNIT)) / BigInt(wholeMinor);
  return Number(basisPoints) / 100;
}

// ---------------------------------------------------------------------------------------------------------
// Input checks: handlers validate requests, but the calculator never computes an offer from bad numbers.
// ---------------------------------------------------------------------------------------------------------

const invalid = (code: string, message: string) => new DomainError('invalid', code, message);

const isMinorAmount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function assertMinorAmount(name: string, value: unknown): void {
  if (!isMinorAmount(value)) {
    throw invalid(
      'INVALID_MONEY',
      `${name} must be a non-negative whole number of minor units, got ${value}`,
    );
  }
}

function assertValidInput(input: OfferInput): void {
  const { account, policy } = input;
  const rules = Object.hasOwn(policy.jurisdictions, account.jurisdiction)
    ? policy.jurisdictions[account.jurisdiction]
    : undefined;
  if (!rules)
    throw invalid('UNKNOWN_JURISDICTION', `No offer policy for jurisdiction ${account.jurisdiction}`);
  if (account.currency !== rules.currency) {
    throw invalid(
      'CURRENCY_MISMATCH',
      `${account.jurisdiction} offers are in ${rules.currency}, the account is in ${account.currency}`,
    );
  }
  assertMinorAmount('balanceMinor', account.balanceMinor);
  assertMinorAmount('amountOverdueMinor', account.amountOverdueMinor);
  assertMinorAmount('minimumDueMinor', account.minimumDueMinor);
  if (account.balanceMinor === 0)
    throw invalid('ZERO_BALANCE', 'Nothing is owed: no repayment plan to offer');
  if (!(BUCKETS as readonly string[]).includes(input.bucket)) {
    throw invalid('UNKNOWN_BUCKET', `Unknown delinquency bucket ${input.bucket}`);
  }
  if (!(RISK_BANDS as readonly string[]).includes(input.riskBand)) {
    throw invalid('UNKNOWN_RISK_BAND', `Unknown risk band ${input.riskBand}`);
  }
  const unknownKind = input.eligible.find((kind) => !(OFFER_KINDS as readonly string[]).includes(kind));
  if (unknownKind !== undefined) throw invalid('UNKNOWN_OFFER_KIND', `Unknown offer kind ${unknownKind}`);
  if (!isIsoDate(input.today))
    throw invalid('INVALID_DATE', `today must be a YYYY-MM-DD date, got ${input.today}`);
  if (input.affordability) {
    for (const field of ['monthlyIncomeMinor', 'monthlyExpensesMinor', 'affordableMinor'] as const) {
      const value = input.affordability[field];
      if (value !== undefined) assertMinorAmount(field, value);
    }
  }
}
