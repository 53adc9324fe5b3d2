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

/** Sentinel for ratios whose denominator is not positive: sorts below every real ratio, so it gets its own bin. */
export const NOT_APPLICABLE = -1;

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

const ratioOrNotApplicable = (numerator: number, denominator: number): number =>
  denominator > NOTHING_OWED ? numerator / denominator : NOT_APPLICABLE;

const statuses = (input: RiskModelInput): number[] => input.months.map((month) => month.payStatus);
const balances = (input: RiskModelInput): number[] => input.months.map((month) => month.statementBalance);
const payments = (input: RiskModelInput): number[] => input.months.map((month) => month.amountPaid);

/** Payments made in month i settle the statement of the month before (i + 1); the oldest has no pair. */
const paidAgainstPreviousStatement = (input: RiskModelInput, monthCount: number): number =>
  ratioOrNotApplicable(
    sum(payments(input).slice(0, monthCount)),
    sum(balances(input).slice(1, monthCount + 1).map((balance) => Math.max(balance, 0))),
  );

/**
 * The model's features. Each names the reason code its contribution is reported under; several features may
 * share one code (their contributions are then added).
 */
export const FEATURES = {
  latestPayStatus: {
    reasonCode: 'LATEST_PAYMENT_LATE',
    definition: 'Payment status of the latest statement (-2 no use, -1 paid in full, 0 revolving, 1..9 months late)',
    compute: (input: RiskModelInput) => input.months[0]!.payStatus,
  },
  previousPayStatus: {
    reasonCode: 'PREVIOUS_PAYMENT_LATE',
    definition: 'Payment status of the statement before the latest',
    compute: (input: RiskModelInput) => input.months[1]!.payStatus,
  },
  delayedMonthCount: {
    reasonCode: 'REPEATED_DELINQUENCY',
    definition: 'Number of the 6 statements with a payment delay (status 1 or more)',
    compute: (input: RiskModelInput) => statuses(input).filter((status) => status >= 1).length,
  },
  creditLimit: {
    reasonCode: 'LOW_CREDIT_LIMIT',
    definition: 'Credit limit',
    compute: (input: RiskModelInput) => input.creditLimit,
  },
  utilisation: {
    reasonCode: 'HIGH_UTILISATION',
    definition: 'Latest statement balance / credit limit',
    compute: (input: RiskModelInput) => input.months[0]!.statementBalance / input.creditLimit,
  },
  peakUtilisation: {
    reasonCode: 'HIGH_UTILISATION',
    definition: 'Highest statement balance of the 6 months / credit limit',
    compute: (input: RiskModelInput) => Math.max(...balances(input)) / input.creditLimit,
  },
  balanceTrend: {
    reasonCode: 'RISING_BALANCE',
    definition: '(Latest balance − balance 5 statements earlier) / credit limit',
    compute: (input: RiskModelInput) =>
      (input.months[0]!.statementBalance - input.months[5]!.statementBalance) / input.creditLimit,
  },
  latestPaymentRatio: {
    reasonCode: 'LOW_RECENT_PAYMENT',
    definition: `Amount paid in the latest month / previous statement balance (${NOT_APPLICABLE} when nothing was owed)`,
    compute: (input: RiskModelInput) => paidAgainstPreviousStatement(input, 1),
  },
  historicPaymentRatio: {
    reasonCode: 'LOW_PAYMENT_HISTORY',
    definition: `Amounts paid in the latest 5 months / the 5 statements they settle (${NOT_APPLICABLE} when nothing was owed)`,
    compute: (input: RiskModelInput) => paidAgainstPreviousStatement(input, 5),
  },
  paidMonthCount: {
    reasonCode: 'FEW_PAYMENT_MONTHS',
    definition: 'Number of the 6 months in which any payment was made',
    compute: (input: RiskModelInput) => payments(input).filter((amount) => amount > 0).length,
  },
} as const satisfies Record<
  string,
  { reasonCode: ReasonCode; definition: string; compute: (input: RiskModelInput) => number }
>;

export type FeatureId = keyof typeof FEATURES;

// ---------------------------------------------------------------------------------------------------------
// Reason catalogue: every reason a score can give. Texts are product copy, versioned with this module.
// ---------------------------------------------------------------------------------------------------------

export const REASON_CATALOGUE = {
  LATEST_PAYMENT_LATE: {
    en: 'Latest statement was not paid on time',
    zh: '最近一期账单未按时还款',
  },
  PREVIOUS_PAYMENT_LATE: {
    en: 'Previous statement was not paid on time',
    zh: '上一期账单未按时还款',
  },
  REPEATED_DELINQUENCY: {
    en: 'Late payments in several of the last 6 statements',
    zh: '近6期账单中多次逾期还款',
  },
  LOW_CREDIT_LIMIT: {
    en: 'Low credit limit',
    zh: '信用额度较低',
  },
  HIGH_UTILISATION: {
    en: 'Balance uses a large share of the credit limit',
    zh: '账单余额占信用额度比例较高',
  },
  RISING_BALANCE: {
    en: 'Balance has grown over the last 6 statements',
    zh: '近6期账单余额有所上升',
  },
  LOW_RECENT_PAYMENT: {
    en: 'Little or nothing paid against the previous statement',
    zh: '上一期账单还款金额很少或未还款',
  },
  LOW_PAYMENT_HISTORY: {
    en: 'Payments over the last 5 months are small compared with the balances',
    zh: '近5个月还款金额相对账单余额偏低',
  },
  FEW_PAYMENT_MONTHS: {
    en: 'Payments were made in few of the last 6 months',
    zh: '近6个月中有还款的月份较少',
  },
  INSUFFICIENT_DATA: {
    en: 'Account history is incomplete or invalid; a conservative score was used',
    zh: '账户历史数据不完整或无效，已采用保守评分',
  },
} as const satisfies Record<string, { en: string; zh: string }>;

export type ReasonCode = keyof typeof REASON_CATALOGUE;

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

export type RiskBand = 'A' | 'B' | 'C' | 'D' | 'E';

/** Bands in ascending risk: an account is in the first band whose maxProbability >= its PD. */
export interface BandCutOff {
  band: RiskBand;
  maxProbability: number;
}

export interface RiskModelArtifact {
  version: string;
  kind: 'additive-binned-logit';
  /** Log-odds of default of an account whose every group scores its portfolio average. */
  baseLogit: number;
  /** score = round(scoreAtEvenOdds + pointsToDoubleOdds * log2(odds of default)): higher = riskier. */
  scoreScale: { scoreAtEvenOdds: number; pointsToDoubleOdds: number };
  groups: PointsGroup[];
  bands: BandCutOff[];
  /** PD used when an account's history cannot be scored. */
  fallbackProbability: number;
  training: Record<string, unknown>;
}

export interface RiskReason {
  code: ReasonCode;
  /** Contribution to the log-odds of default relative to an average account (natural log units). */
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
  const marginal = (axis: BinnedAxis) => axis.marginalPoints![cellIndex(axis.upperEdges, features[axis.feature])]!;
  const firstMarginal = marginal(first!);
  const secondMarginal = marginal(second);
  return [(firstMarginal + points - secondMarginal) / 2, (secondMarginal + points - firstMarginal) / 2];
}

export interface RiskExplanation {
  baseLogit: number;
  /** baseLogit plus every contribution below, added in this order. */
  logit: number;
  /** Every reason code the model uses, in catalogue order; negative contributions lowered the risk. */
  contributions: Array<{ code: ReasonCode; contribution: number }>;
}

/** The full additive breakdown of an input's log-odds of default, by reason code. */
export function explainRisk(model: RiskModelArtifact, input: RiskModelInput): RiskExplanation {
  const features = computeFeatures(input);
  const byCode = new Map<ReasonCode, number>();
  for (const group of model.groups) {
    groupAttribution(group, features).forEach((contribution, axis) => {
      const code = FEATURES[group.axes[axis]!.feature].reasonCode;
      byCode.set(code, (byCode.get(code) ?? 0) + contribution);
    });
  }
  const contributions = (Object.keys(REASON_CATALOGUE) as ReasonCode[]).flatMap((code) => {
    const contribution = byCode.get(code);
    return contribution === undefined ? [] : [{ code, contribution }];
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

function withText(code: ReasonCode, contribution: number): RiskReason {
  return { code, contribution, ...REASON_CATALOGUE[code] };
}

/** Scores a valid input. Call validateRiskModelInput first, or use scoreRiskOrFallback. */
export function scoreRisk(model: RiskModelArtifact, input: RiskModelInput): RiskScore {
  const { logit, contributions } = explainRisk(model, input);
  const probabilityOfDefault = sigmoid(logit);
  const reasons = contributions
    .filter(({ contribution }) => contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, MAX_REASONS)
    .map(({ code, contribution }) => withText(code, contribution));
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

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function monthProblems(month: unknown, index: number): string[] {
  const where = `months[${index}]`;
  if (!isRecord(month)) return [`${where} must be an object`];
  const problems: string[] = [];
  const { payStatus, statementBalance, amountPaid } = month;
  if (!Number.isInteger(payStatus) || (payStatus as number) < MIN_PAY_STATUS || (payStatus as number) > MAX_PAY_STATUS) {
    problems.push(`${where}.payStatus must be an integer from ${MIN_PAY_STATUS} to ${MAX_PAY_STATUS}`);
  }
  if (!isFiniteNumber(statementBalance)) problems.push(`${where}.statementBalance must be a finite number`);
  if (!isFiniteNumber(amountPaid) || amountPaid < 0) {
    problems.push(`${where}.amountPaid must be a finite number >= 0`);
  }
  return problems;
}

/** Rejects histories the model cannot score: returns every problem found, not just the first. */
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
 * fallbackProbability (above the portfolio average, so the account is not deprioritised), flagged
 * `fallback: true` with the single reason INSUFFICIENT_DATA, and should be routed to a human for review.
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
    reasons: [withText('INSUFFICIENT_DATA', logit - model.baseLogit)],
    fallback: true,
    problems: validation.problems,
  };
}
