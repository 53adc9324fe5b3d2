/**
 * Probability-of-default scorer: an additive, binned logistic model (a scorecard with pair terms, a GA²M).
 *
 * logit(PD) = baseLogit + Σ_groups points[group][cell(input)]
 *
 * A group is a points table over one binned feature or over a pair of features. Each group's points are
 * centred on the training portfolio (mean 0), so they are its contribution relative to an average account;
 * a pair's points are split between its two features by exact Shapley values. Reasons are therefore exact,
 * not approximations: baseLogit + Σ contributions is the logit. Pure code: no I/O, no dependencies.
 *
 * Inputs carry only account behaviour (credit limit and 6 statements). Protected characteristics
 * (sex, age, marital status) and education are not part of the input type, so the model cannot read them.
 */

export interface StatementMonth {
  /** -2 no consumption, -1 paid in full, 0 revolving credit, 1..9 months of payment delay. */
  payStatus: number;
  /** Statement balance in major currency units (may be negative: a credit balance). */
  statementBalance: number;
  /** Amount paid during the month in major currency units. */
  amountPaid: number;
}

export interface RiskModelInput {
  /** Credit limit in major currency units. */
  creditLimit: number;
  /** Exactly 6 statement months, latest first (months[0] is the latest statement). */
  months: StatementMonth[];
}

export const STATEMENT_MONTHS = 6;
export const MIN_PAY_STATUS = -2;
export const MAX_PAY_STATUS = 9;

// ---------------------------------------------------------------------------------------------------------
// Features: derived only from the credit limit and the statement history.
// ---------------------------------------------------------------------------------------------------------

/** A ratio's denominator at or below this is treated as "nothing owed" (amounts are in major units). */
const NOTHING_OWED = 1;

/** Value of a payment ratio when nothing was owed: below every real ratio, so it gets its own cell. */
export const NOT_APPLICABLE = -1;

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);
const statuses = (input: RiskModelInput): number[] => input.months.map((month) => month.payStatus);
const balances = (input: RiskModelInput): number[] => input.months.map((month) => month.statementBalance);
const payments = (input: RiskModelInput): number[] => input.months.map((month) => month.amountPaid);

/** Payments made in month i settle the statement of month i + 1 (the one before it). */
function paidAgainstPreviousStatements(input: RiskModelInput, monthCount: number): number {
  const paid = sum(payments(input).slice(0, monthCount));
  const owed = sum(
    balances(input)
      .slice(1, monthCount + 1)
      .map((balance) => Math.max(balance, 0)),
  );
  return owed > NOTHING_OWED ? paid / owed : NOT_APPLICABLE;
}

export const FEATURES = {
  latestPayStatus: {
    definition:
      'Payment status of the latest statement (-2 no use, -1 paid in full, 0 revolving, 1..9 months late)',
    compute: (input: RiskModelInput) => input.months[0]!.payStatus,
  },
  previousPayStatus: {
    definition: 'Payment status of the statement before the latest',
    compute: (input: RiskModelInput) => input.months[1]!.payStatus,
  },
  delayedMonthCount: {
    definition: 'Number of the 6 statements with a payment delay (status 1 or more)',
    compute: (input: RiskModelInput) => statuses(input).filter((status) => status >= 1).length,
  },
  creditLimit: {
    definition: 'Credit limit',
    compute: (input: RiskModelInput) => input.creditLimit,
  },
  utilisation: {
    definition: 'Latest statement balance / credit limit',
    compute: (input: RiskModelInput) => input.months[0]!.statementBalance / input.creditLimit,
  },
  peakUtilisation: {
    definition: 'Highest statement balance of the 6 / credit limit',
    compute: (input: RiskModelInput) => Math.max(...balances(input)) / input.creditLimit,
  },
  balanceTrend: {
    definition: '(Latest statement balance − the balance 5 statements earlier) / credit limit',
    compute: (input: RiskModelInput) =>
      (input.months[0]!.statementBalance - input.months[5]!.statementBalance) / input.creditLimit,
  },
  latestPaymentRatio: {
    definition: `Amount paid in the latest month / previous statement balance (${NOT_APPLICABLE} if nothing owed)`,
    compute: (input: RiskModelInput) => paidAgainstPreviousStatements(input, 1),
  },
  historicPaymentRatio: {
    definition: `Amounts paid in the latest 5 months / the 5 balances they settle (${NOT_APPLICABLE} if nothing owed)`,
    compute: (input: RiskModelInput) => paidAgainstPreviousStatements(input, 5),
  },
  paidMonthCount: {
    definition: 'Number of the 6 months in which a payment was made',
    compute: (input: RiskModelInput) => payments(input).filter((amount) => amount > 0).length,
  },
} as const satisfies Record<string, { definition: string; compute: (input: RiskModelInput) => number }>;

export type FeatureId = keyof typeof FEATURES;

// ---------------------------------------------------------------------------------------------------------
// Reason catalogue. One code per feature: a reason states the account's own value of the feature, because
// several effects are not monotone (in this portfolio, very low utilisation and "paid in full" also carry
// above-average risk), so a fixed direction such as "high utilisation" would sometimes be untrue.
// ---------------------------------------------------------------------------------------------------------

export interface ReasonText {
  en: string;
  zh: string;
}

const formatAmount = (value: number): string =>
  Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const formatPercent = (ratio: number): string => `${Math.round(ratio * 100)}%`;

function payStatusText(status: number): ReasonText {
  if (status === -2) return { en: 'no spending', zh: '无消费' };
  if (status === -1) return { en: 'paid in full', zh: '已全额还款' };
  if (status === 0) return { en: 'minimum paid, balance revolving', zh: '已还最低还款额，余额循环' };
  if (status === 1) return { en: 'payment 1 month late', zh: '逾期1个月' };
  if (status >= MAX_PAY_STATUS)
    return { en: `payment ${status}+ months late`, zh: `逾期${status}个月及以上` };
  return { en: `payment ${status} months late`, zh: `逾期${status}个月` };
}

interface ReasonEntry {
  /** The feature whose contribution this reason reports; null for the fallback reason. */
  feature: FeatureId | null;
  title: ReasonText;
  describe: (value: number) => ReasonText;
}

export const REASON_CATALOGUE = {
  LATEST_PAYMENT_STATUS: {
    feature: 'latestPayStatus',
    title: { en: 'Latest payment status', zh: '最近一期还款状态' },
    describe: (status) => {
      const text = payStatusText(status);
      return { en: `Latest statement: ${text.en}`, zh: `最近一期账单：${text.zh}` };
    },
  },
  PREVIOUS_PAYMENT_STATUS: {
    feature: 'previousPayStatus',
    title: { en: 'Previous payment status', zh: '上一期还款状态' },
    describe: (status) => {
      const text = payStatusText(status);
      return { en: `Previous statement: ${text.en}`, zh: `上一期账单：${text.zh}` };
    },
  },
  LATE_PAYMENT_COUNT: {
    feature: 'delayedMonthCount',
    title: { en: 'Late payments in the last 6 statements', zh: '近6期账单逾期次数' },
    describe: (count) =>
      count === 0
        ? { en: 'No late payment in the last 6 statements', zh: '近6期账单均无逾期' }
        : { en: `Late payment in ${count} of the last 6 statements`, zh: `近6期账单中有${count}期逾期` },
  },
  CREDIT_LIMIT: {
    feature: 'creditLimit',
    title: { en: 'Credit limit', zh: '信用额度' },
    describe: (limit) => ({
      en: `Credit limit of ${formatAmount(limit)}`,
      zh: `信用额度为${formatAmount(limit)}`,
    }),
  },
  UTILISATION: {
    feature: 'utilisation',
    title: { en: 'Balance against the credit limit', zh: '账单余额占信用额度比例' },
    describe: (ratio) => ({
      en: `Latest balance is ${formatPercent(ratio)} of the credit limit`,
      zh: `最近一期账单余额为信用额度的${formatPercent(ratio)}`,
    }),
  },
  PEAK_UTILISATION: {
    feature: 'peakUtilisation',
    title: { en: 'Highest balance against the credit limit', zh: '最高账单余额占信用额度比例' },
    describe: (ratio) => ({
      en: `Highest balance of the last 6 statements was ${formatPercent(ratio)} of the credit limit`,
      zh: `近6期最高账单余额为信用额度的${formatPercent(ratio)}`,
    }),
  },
  BALANCE_TREND: {
    feature: 'balanceTrend',
    title: { en: 'Change in balance over 6 statements', zh: '近6期账单余额变化' },
    describe: (change) =>
      change >= 0
        ? {
            en: `Balance rose by ${formatPercent(change)} of the credit limit over 6 statements`,
            zh: `近6期账单余额上升了信用额度的${formatPercent(change)}`,
          }
        : {
            en: `Balance fell by ${formatPercent(-change)} of the credit limit over 6 statements`,
            zh: `近6期账单余额下降了信用额度的${formatPercent(-change)}`,
          },
  },
  LATEST_PAYMENT_RATIO: {
    feature: 'latestPaymentRatio',
    title: { en: 'Latest payment against the previous statement', zh: '最近一次还款占上一期账单比例' },
    describe: (ratio) =>
      ratio === NOT_APPLICABLE
        ? { en: 'Nothing was owed on the previous statement', zh: '上一期账单无欠款' }
        : {
            en: `Latest payment covered ${formatPercent(ratio)} of the previous statement`,
            zh: `最近一次还款金额为上一期账单的${formatPercent(ratio)}`,
          },
  },
  PAYMENT_HISTORY_RATIO: {
    feature: 'historicPaymentRatio',
    title: { en: 'Payments against balances over 5 months', zh: '近5个月还款占账单余额比例' },
    describe: (ratio) =>
      ratio === NOT_APPLICABLE
        ? { en: 'Nothing was owed over the last 5 statements', zh: '近5期账单均无欠款' }
        : {
            en: `Payments over the last 5 months covered ${formatPercent(ratio)} of the balances due`,
            zh: `近5个月还款金额为应还账单余额的${formatPercent(ratio)}`,
          },
  },
  PAYMENT_MONTHS: {
    feature: 'paidMonthCount',
    title: { en: 'Months with a payment', zh: '有还款的月份数' },
    describe: (count) => ({
      en: `Payments made in ${count} of the last 6 months`,
      zh: `近6个月中有${count}个月有还款`,
    }),
  },
  INSUFFICIENT_DATA: {
    feature: null,
    title: { en: 'Insufficient data', zh: '数据不足' },
    describe: () => ({
      en: 'Account history is incomplete or invalid; a conservative score was used',
      zh: '账户历史数据不完整或无效，已采用保守评分',
    }),
  },
} as const satisfies Record<string, ReasonEntry>;

export type ReasonCode = keyof typeof REASON_CATALOGUE;

const REASON_CODES = Object.keys(REASON_CATALOGUE) as ReasonCode[];
const REASON_CODE_OF_FEATURE = Object.fromEntries(
  REASON_CODES.flatMap((code) => {
    const { feature } = REASON_CATALOGUE[code];
    return feature === null ? [] : [[feature, code]];
  }),
) as Record<FeatureId, ReasonCode>;

// ---------------------------------------------------------------------------------------------------------
// Artifact and score shapes.
// ---------------------------------------------------------------------------------------------------------

/** One axis of a points table: value x falls in cell k where upperEdges[k-1] < x <= upperEdges[k]. */
export interface BinnedAxis {
  feature: FeatureId;
  upperEdges: number[];
  /**
   * Pair groups only: for each cell of this axis, the group's mean points over the training distribution
   * of the other axis. Splits a pair's points between its two features by their exact Shapley values.
   */
  marginalPoints?: number[];
}

/** A points table over one feature, or a pair that interacts; row-major over the axes' cells, mean 0. */
export interface PointsGroup {
  axes: BinnedAxis[];
  points: number[];
}

/** A = lowest risk … E = highest risk. */
export type RiskBand = 'A' | 'B' | 'C' | 'D' | 'E';

/** Bands in ascending risk: an account is in the first band whose maxProbability >= its PD. */
export interface BandCutOff {
  band: RiskBand;
  maxProbability: number;
}

export interface RiskModelArtifact {
  version: string;
  kind: 'additive-binned-logit';
  /** Provenance and cross-validated metrics; not used for scoring. */
  training: Record<string, unknown>;
  /** score = round(scoreAtEvenOdds + pointsToDoubleOdds × log2(odds of default)): higher = riskier. */
  scoreScale: { scoreAtEvenOdds: number; pointsToDoubleOdds: number };
  bands: BandCutOff[];
  /** PD used when an account's history cannot be scored. */
  fallbackProbability: number;
  /** Log-odds of default of an account whose every group scores its portfolio average. */
  baseLogit: number;
  groups: PointsGroup[];
}

export interface RiskReason {
  code: ReasonCode;
  /** Raise in the log-odds of default against an average account (natural-log units, > 0). */
  contribution: number;
  en: string;
  zh: string;
}

export interface RiskScore {
  modelVersion: string;
  probabilityOfDefault: number;
  /** Integer points: higher = riskier; +pointsToDoubleOdds points = twice the odds of default. */
  score: number;
  band: RiskBand;
  /** Up to 3 reasons that raised the risk above an average account, largest first. */
  reasons: RiskReason[];
  /** True when the input was invalid and the conservative fallback PD was used instead of the model. */
  fallback: boolean;
}

const MAX_REASONS = 3;

// ---------------------------------------------------------------------------------------------------------
// Scoring.
// ---------------------------------------------------------------------------------------------------------

/** Index of the cell holding value: number of upper edges strictly below it (binary search). */
export function cellIndex(upperEdges: readonly number[], value: number): number {
  let low = 0;
  let high = upperEdges.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (upperEdges[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Row-major cell index of the input within a group's points table. */
export function groupCell(group: PointsGroup, features: Readonly<Record<FeatureId, number>>): number {
  return group.axes.reduce(
    (cell, axis) => cell * (axis.upperEdges.length + 1) + cellIndex(axis.upperEdges, features[axis.feature]),
    0,
  );
}

export function computeFeatures(input: RiskModelInput): Record<FeatureId, number> {
  const features = {} as Record<FeatureId, number>;
  for (const id of Object.keys(FEATURES) as FeatureId[]) features[id] = FEATURES[id].compute(input);
  return features;
}

/**
 * Splits one group's points between its features. A single feature takes all of them; a pair (a, b) uses
 * the exact two-player Shapley values against the training distribution (mean points are 0):
 * φa = (Ma + f − Mb) / 2 and φb = (Mb + f − Ma) / 2, which add up to f.
 */
function groupAttribution(group: PointsGroup, features: Readonly<Record<FeatureId, number>>): number[] {
  const points = group.points[groupCell(group, features)]!;
  const [first, second] = group.axes;
  if (second === undefined) return [points];
  const marginal = (axis: BinnedAxis) =>
    axis.marginalPoints![cellIndex(axis.upperEdges, features[axis.feature])]!;
  const firstMarginal = marginal(first!);
  const secondMarginal = marginal(second);
  return [(firstMarginal + points - secondMarginal) / 2, (secondMarginal + points - firstMarginal) / 2];
}

export interface RiskExplanation {
  baseLogit: number;
  /** baseLogit plus every contribution below, added in this order. */
  logit: number;
  /** Every reason code the model uses, in catalogue order; negative contributions lowered the risk. */
  contributions: Array<{ code: ReasonCode; contribution: number; text: ReasonText }>;
}

/** The full additive breakdown of an input's log-odds of default, by reason code. */
export function explainRisk(model: RiskModelArtifact, input: RiskModelInput): RiskExplanation {
  const features = computeFeatures(input);
  const byCode = new Map<ReasonCode, number>();
  for (const group of model.groups) {
    groupAttribution(group, features).forEach((contribution, axis) => {
      const code = REASON_CODE_OF_FEATURE[group.axes[axis]!.feature];
      byCode.set(code, (byCode.get(code) ?? 0) + contribution);
    });
  }
  const contributions = REASON_CODES.flatMap((code) => {
    const contribution = byCode.get(code);
    const { feature, describe } = REASON_CATALOGUE[code];
    if (contribution === undefined || feature === null) return [];
    return [{ code, contribution, text: describe(features[feature]) }];
  });
  const logit = contributions.reduce((total, { contribution }) => total + contribution, model.baseLogit);
  return { baseLogit: model.baseLogit, logit, contributions };
}

const sigmoid = (logit: number): number => 1 / (1 + Math.exp(-logit));

export function bandFor(bands: readonly BandCutOff[], probability: number): RiskBand {
  const cutOff = bands.find((candidate) => probability <= candidate.maxProbability);
  return (cutOff ?? bands[bands.length - 1]!).band;
}

function pointsScore(model: RiskModelArtifact, logit: number): number {
  const { scoreAtEvenOdds, pointsToDoubleOdds } = model.scoreScale;
  return Math.round(scoreAtEvenOdds + (pointsToDoubleOdds * logit) / Math.LN2);
}

/** Scores a valid input. Call validateRiskModelInput first, or use scoreRiskOrFallback. */
export function scoreRisk(model: RiskModelArtifact, input: RiskModelInput): RiskScore {
  const { logit, contributions } = explainRisk(model, input);
  const probabilityOfDefault = sigmoid(logit);
  const reasons = contributions
    .filter(({ contribution }) => contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, MAX_REASONS)
    .map(({ code, contribution, text }) => ({ code, contribution, ...text }));
  return {
    modelVersion: model.version,
    probabilityOfDefault,
    score: pointsScore(model, logit),
    band: bandFor(model.bands, probabilityOfDefault),
    reasons,
    fallback: false,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Validation and fallback.
// ---------------------------------------------------------------------------------------------------------

export type RiskInputValidation = { ok: true; value: RiskModelInput } | { ok: false; problems: string[] };

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isPayStatus = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= MIN_PAY_STATUS && (value as number) <= MAX_PAY_STATUS;

function monthProblems(month: unknown, index: number): string[] {
  const where = `months[${index}]`;
  if (!isRecord(month)) return [`${where} must be an object`];
  const problems: string[] = [];
  if (!isPayStatus(month.payStatus)) {
    problems.push(`${where}.payStatus must be an integer from ${MIN_PAY_STATUS} to ${MAX_PAY_STATUS}`);
  }
  if (!isFiniteNumber(month.statementBalance))
    problems.push(`${where}.statementBalance must be a finite number`);
  if (!isFiniteNumber(month.amountPaid) || month.amountPaid < 0) {
    problems.push(`${where}.amountPaid must be a finite number >= 0`);
  }
  return problems;
}

/** Rejects histories the model cannot score, listing every problem; the value keeps only the known fields. */
export function validateRiskModelInput(input: unknown): RiskInputValidation {
  if (!isRecord(input)) return { ok: false, problems: ['input must be an object'] };
  const problems: string[] = [];
  if (!isFiniteNumber(input.creditLimit) || input.creditLimit <= 0) {
    problems.push('creditLimit must be a finite number > 0');
  }
  if (!Array.isArray(input.months) || input.months.length !== STATEMENT_MONTHS) {
    problems.push(`months must be an array of exactly ${STATEMENT_MONTHS} statements, latest first`);
  } else {
    input.months.forEach((month, index) => {
      problems.push(...monthProblems(month, index));
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const months = (input.months as StatementMonth[]).map(({ payStatus, statementBalance, amountPaid }) => ({
    payStatus,
    statementBalance,
    amountPaid,
  }));
  return { ok: true, value: { creditLimit: input.creditLimit as number, months } };
}

/**
 * Never throws on bad data, so a batch run keeps going: an invalid history gets the artifact's conservative
 * fallbackProbability (above the portfolio default rate, so the account is not deprioritised), flagged
 * `fallback: true` with the single reason INSUFFICIENT_DATA and the validation problems, for human review.
 */
export function scoreRiskOrFallback(
  model: RiskModelArtifact,
  input: unknown,
): RiskScore & { problems?: string[] } {
  const validation = validateRiskModelInput(input);
  if (validation.ok) return scoreRisk(model, validation.value);
  const probabilityOfDefault = model.fallbackProbability;
  const logit = Math.log(probabilityOfDefault / (1 - probabilityOfDefault));
  return {
    modelVersion: model.version,
    probabilityOfDefault,
    score: pointsScore(model, logit),
    band: bandFor(model.bands, probabilityOfDefault),
    reasons: [
      {
        code: 'INSUFFICIENT_DATA',
        contribution: logit - model.baseLogit,
        ...REASON_CATALOGUE.INSUFFICIENT_DATA.describe(),
      },
    ],
    fallback: true,
    problems: validation.problems,
  };
}
