/**
 * A reproducible synthetic credit-card portfolio for demos and local runs. Pure: no I/O, no clock, no
 * Math.random. The same options always give deeply equal accounts, and account i depends only on (seed, i),
 * so a smaller portfolio is a prefix of a larger one.
 *
 * Every account draws a hidden risk propensity (standard normal). It drives the delinquency bucket (through a
 * Gaussian copula, so the bucket shares stay on target), the utilisation, the payment ratios, the credit
 * limit and the past delays: a probability-of-default model trained on the UCI credit-card data can separate
 * risky from safe accounts. Customers are obviously fake: small name lists, example.com e-mails and
 * reserved/fictional phone numbers. Age and language never influence risk.
 */

import type {
  Account,
  AccountFlags,
  Currency,
  Customer,
  Jurisdiction,
  Language,
  StatementMonth,
} from '../../lambdas/domain/accounts/account';
import { seededRandom } from '../../lib/seeded-random';

export interface DemoPortfolioOptions {
  count: number;
  seed: number;
  /** Business date the portfolio is as of, `YYYY-MM-DD`. */
  asOf: string;
}

export const DEMO_PORTFOLIO_DEFAULTS = { count: 1200, seed: 20261123 } as const;

// ---------------------------------------------------------------------------------------------------------
// Distributions.
// ---------------------------------------------------------------------------------------------------------

const US_SHARE = 0.7;
/** Share of customers who prefer the other jurisdiction's language. */
const OTHER_LANGUAGE_SHARE = 0.1;

/** Weighted roughly by population, with the small zones bumped so that a demo portfolio shows them. */
const US_TIMEZONES: readonly (readonly [string, number])[] = [
  ['America/New_York', 0.4],
  ['America/Chicago', 0.27],
  ['America/Denver', 0.06],
  ['America/Phoenix', 0.04],
  ['America/Los_Angeles', 0.18],
  ['America/Anchorage', 0.02],
  ['Pacific/Honolulu', 0.03],
];
const CN_TIMEZONE = 'Asia/Shanghai';

/** Real area codes of each zone; the 555-0100..0199 exchange is reserved for fiction in every one of them. */
const US_AREA_CODES: Readonly<Record<string, readonly string[]>> = {
  'America/New_York': ['212', '617', '404', '305', '202'],
  'America/Chicago': ['312', '214', '713', '612'],
  'America/Denver': ['303', '801', '505'],
  'America/Phoenix': ['602', '480', '520'],
  'America/Los_Angeles': ['213', '415', '206', '503'],
  'America/Anchorage': ['907'],
  'Pacific/Honolulu': ['808'],
};

type BucketRange = { readonly share: number; readonly minDays: number; readonly maxDays: number };

/** Target share and days-past-due range of each bucket, in bucket order (the copula relies on the order). */
const DELINQUENCY_BUCKETS: readonly BucketRange[] = [
  { share: 0.55, minDays: 0, maxDays: 0 },
  { share: 0.18, minDays: 1, maxDays: 30 },
  { share: 0.09, minDays: 31, maxDays: 60 },
  { share: 0.06, minDays: 61, maxDays: 90 },
  { share: 0.07, minDays: 91, maxDays: 180 },
  { share: 0.05, minDays: 181, maxDays: 330 },
];
/** Correlation between the risk propensity and the latent variable that picks the bucket. */
const PROPENSITY_BUCKET_CORRELATION = 0.85;
/** Due days stay within 1..28 so that every month has them. */
const LAST_DUE_DAY = 28;

const STATEMENT_MONTHS = 6;
const MAX_PAY_STATUS = 9;
/** Months of delay are counted in whole 30-day periods, as in the UCI coding (65 days late → status 2). */
const DAYS_PER_DELAY_MONTH = 30;

interface JurisdictionProfile {
  readonly currency: Currency;
  readonly timezone?: string;
  readonly homeLanguage: Language;
  readonly otherLanguage: Language;
  /** Credit limit range and rounding, minor units. */
  readonly minLimitMinor: number;
  readonly maxLimitMinor: number;
  /** Limits below the threshold round to the small step, above it to the large step. */
  readonly limitStepThresholdMinor: number;
  readonly smallLimitStepMinor: number;
  readonly largeLimitStepMinor: number;
  /** US cards ask for about 1% + interest; Chinese cards for 10% of the bill. */
  readonly minimumPaymentRate: number;
  readonly minimumPaymentFloorMinor: number;
  readonly monthlyInterestRate: number;
  readonly lateFeeMinor: number;
}

const JURISDICTIONS: Readonly<Record<Jurisdiction, JurisdictionProfile>> = {
  US: {
    currency: 'USD',
    homeLanguage: 'en',
    otherLanguage: 'zh-CN',
    minLimitMinor: 500_00,
    maxLimitMinor: 25_000_00,
    limitStepThresholdMinor: 5_000_00,
    smallLimitStepMinor: 100_00,
    largeLimitStepMinor: 500_00,
    minimumPaymentRate: 0.03,
    minimumPaymentFloorMinor: 25_00,
    monthlyInterestRate: 0.02,
    lateFeeMinor: 30_00,
  },
  CN: {
    currency: 'CNY',
    timezone: CN_TIMEZONE,
    homeLanguage: 'zh-CN',
    otherLanguage: 'en',
    minLimitMinor: 3_000_00,
    maxLimitMinor: 150_000_00,
    limitStepThresholdMinor: 20_000_00,
    smallLimitStepMinor: 1_000_00,
    largeLimitStepMinor: 5_000_00,
    minimumPaymentRate: 0.1,
    minimumPaymentFloorMinor: 100_00,
    // 0.05% a day; China replaced late fees by interest-like penalties, folded in here.
    monthlyInterestRate: 0.015,
    lateFeeMinor: 0,
  },
};

/**
 * How an account behaves while not delinquent: transactors pay in full, revolvers pay about the minimum,
 * dormant cards are mostly unused. Weights of the UCI pay statuses (-2 no use, -1 paid in full, 0 revolving).
 */
type Behaviour = 'transactor' | 'revolver' | 'dormant';
const NORMAL_STATUS_WEIGHTS: Readonly<Record<Behaviour, readonly (readonly [number, number])[]>> = {
  transactor: [
    [-1, 0.85],
    [0, 0.08],
    [-2, 0.07],
  ],
  revolver: [
    [0, 0.86],
    [-1, 0.11],
    [-2, 0.03],
  ],
  dormant: [
    [-2, 0.8],
    [-1, 0.2],
  ],
};
/** The month before a delinquency starts: usually revolving, sometimes the last full payment. */
const PRE_DELINQUENCY_REVOLVING_SHARE = 0.8;
/** A cured delay in the history lasted one month, or two (status 1 then 2) in this share of cases. */
const TWO_MONTH_CURED_DELAY_SHARE = 0.3;
/** Rare credit-line increases for good accounts, so that the history limit is not always constant. */
const LIMIT_INCREASE_SHARE = 0.05;

/** Probabilities of the account flags, by situation. */
const FLAG_RATES = {
  dispute: 0.02,
  /** ~3% overall, mostly on accounts 31+ days past due (27% of the portfolio). */
  hardshipPlan31Plus: 0.1,
  hardshipPlanOther: 0.004,
  /** ~4% overall: only delinquent accounts (45%) have a promise to pay. */
  promiseToPayDelinquent: 0.09,
  /** ~1% overall: customers in collections ask for it more. */
  ceaseRequestedDelinquent: 0.02,
  ceaseRequestedCurrent: 0.002,
  deceased: 0.003,
  /** ~0.5% overall, concentrated on accounts 91+ days past due (12%). */
  bankrupt91Plus: 0.03,
  bankruptOther: 0.0016,
} as const;

const MS_PER_DAY = 86_400_000;
const MIN_ACCOUNT_AGE_DAYS = 366;
const MAX_ACCOUNT_AGE_DAYS = 12 * 365;
const BIRTH_RANGE_MS = [Date.UTC(1950, 0, 1), Date.UTC(2003, 11, 31)] as const;

// ---------------------------------------------------------------------------------------------------------
// Names. Romanised Chinese names go with the characters so that e-mail addresses stay ASCII.
// ---------------------------------------------------------------------------------------------------------

const ENGLISH_FIRST_NAMES = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Daniel',
  'Karen',
  'Carlos',
  'Maria',
  'Luis',
  'Sofia',
] as const;
const ENGLISH_LAST_NAMES = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Wilson',
  'Anderson',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Thompson',
  'White',
  'Harris',
  'Clark',
  'Walker',
  'Young',
] as const;
/** [characters, pinyin] */
type ChineseName = readonly [string, string];
const CHINESE_SURNAMES: readonly ChineseName[] = [
  ['王', 'Wang'],
  ['李', 'Li'],
  ['张', 'Zhang'],
  ['刘', 'Liu'],
  ['陈', 'Chen'],
  ['杨', 'Yang'],
  ['黄', 'Huang'],
  ['赵', 'Zhao'],
  ['吴', 'Wu'],
  ['周', 'Zhou'],
  ['徐', 'Xu'],
  ['孙', 'Sun'],
  ['马', 'Ma'],
  ['朱', 'Zhu'],
  ['胡', 'Hu'],
  ['郭', 'Guo'],
  ['林', 'Lin'],
  ['高', 'Gao'],
];
const CHINESE_GIVEN_NAMES: readonly ChineseName[] = [
  ['伟', 'Wei'],
  ['芳', 'Fang'],
  ['娜', 'Na'],
  ['敏', 'Min'],
  ['静', 'Jing'],
  ['丽', 'Li'],
  ['强', 'Qiang'],
  ['磊', 'Lei'],
  ['军', 'Jun'],
  ['洋', 'Yang'],
  ['艳', 'Yan'],
  ['杰', 'Jie'],
  ['涛', 'Tao'],
  ['明', 'Ming'],
  ['秀英', 'Xiuying'],
  ['建华', 'Jianhua'],
  ['志强', 'Zhiqiang'],
  ['晓明', 'Xiaoming'],
  ['海燕', 'Haiyan'],
  ['子涵', 'Zihan'],
  ['浩然', 'Haoran'],
  ['欣怡', 'Xinyi'],
];

// ---------------------------------------------------------------------------------------------------------
// Seeded randomness.
// ---------------------------------------------------------------------------------------------------------

type Rng = () => number;

/** One independent stream per account (murmur3 finaliser over seed and index), so accounts are prefix-stable. */
function accountSeed(seed: number, index: number): number {
  const high = Math.floor(seed / 4_294_967_296);
  let hash = (seed ^ Math.imul(high, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  hash = Math.imul(hash ^ (hash >>> 16), 0x7feb352d);
  hash = Math.imul(hash ^ (hash >>> 15), 0x846ca68b);
  return (hash ^ (hash >>> 16)) >>> 0;
}

const uniform = (rng: Rng, min: number, max: number): number => min + (max - min) * rng();
/** Integer in [min, max], both inclusive. */
const randomInt = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
const chance = (rng: Rng, probability: number): boolean => rng() < probability;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

function pickWeighted<T>(rng: Rng, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let remaining = rng() * total;
  for (const [value, weight] of entries) {
    remaining -= weight;
    if (remaining < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

/** Box–Muller; 1 - u keeps the logarithm finite. */
function standardNormal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** Standard normal CDF (Abramowitz & Stegun 7.1.26, error < 1.5e-7): maps the copula variable to [0, 1]. */
function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

// ---------------------------------------------------------------------------------------------------------
// Dates (UTC calendar dates as epoch milliseconds).
// ---------------------------------------------------------------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** Hand-rolled: toISOString dominated the generation time of large portfolios. */
function formatDate(ms: number): string {
  const date = new Date(ms);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}
const formatDateTime = (ms: number): string => `${formatDate(ms)}T00:00:00.000Z`;

function parseDate(value: string): number {
  const match = ISO_DATE.exec(value);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  // The round trip rejects impossible dates such as 2026-02-30.
  if (Number.isNaN(ms) || formatDate(ms) !== value) throw new RangeError(`asOf must be YYYY-MM-DD: ${value}`);
  return ms;
}

/** `YYYY-MM` of the statements, latest first: month 0 is the calendar month before asOf's month. */
function statementMonthKeys(asOfMs: number): string[] {
  const asOf = new Date(asOfMs);
  return Array.from({ length: STATEMENT_MONTHS }, (_, month) =>
    formatDate(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - month - 1, 1)).slice(0, 7),
  );
}

function addMonths(ms: number, months: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate());
}

/** The due day later this month, or else next month. */
function nextDueDate(asOfMs: number, dueDay: number): number {
  const asOf = new Date(asOfMs);
  const monthOffset = dueDay > asOf.getUTCDate() ? 0 : 1;
  return Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() + monthOffset, dueDay);
}

/** Due dates from the oldest unpaid one up to asOf: each missed a minimum payment. */
function missedDueDates(oldestUnpaidMs: number, asOfMs: number): number {
  let count = 0;
  while (addMonths(oldestUnpaidMs, count) <= asOfMs) count++;
  return count;
}

// ---------------------------------------------------------------------------------------------------------
// Account parts.
// ---------------------------------------------------------------------------------------------------------

interface RiskProfile {
  /** Hidden standard-normal risk propensity: higher is riskier. */
  readonly propensity: number;
  readonly behaviour: Behaviour;
  /** Typical statement balance / limit while not delinquent. */
  readonly baseUtilisation: number;
}

interface Delinquency {
  readonly daysPastDue: number;
  /** Day of month (1..28) on which the statement is due. */
  readonly dueDay: number;
  readonly oldestUnpaidDueMs?: number;
}

function pickJurisdiction(rng: Rng): Jurisdiction {
  return chance(rng, US_SHARE) ? 'US' : 'CN';
}

const accountId = (index: number): string => `ACC-${String(index + 1).padStart(6, '0')}`;

function buildCustomer(rng: Rng, jurisdiction: Jurisdiction, index: number): Customer {
  const profile = JURISDICTIONS[jurisdiction];
  const language = chance(rng, OTHER_LANGUAGE_SHARE) ? profile.otherLanguage : profile.homeLanguage;
  const timezone = profile.timezone ?? pickWeighted(rng, US_TIMEZONES);
  const { name, emailName } = buildName(rng, jurisdiction, language);
  const suffix = String(index + 1).padStart(6, '0');
  return {
    name,
    dateOfBirth: formatDate(
      BIRTH_RANGE_MS[0] + randomInt(rng, 0, daysBetween(...BIRTH_RANGE_MS)) * MS_PER_DAY,
    ),
    phone: jurisdiction === 'US' ? usPhone(rng, timezone) : cnPhone(rng),
    // The account number keeps addresses unique; example.com is reserved for documentation (RFC 2606).
    email: `${emailName}.${suffix}@example.com`,
    language,
    timezone,
    contactPreferences: demoContactPreferences(index),
  };
}

/**
 * From the account number, not the random stream, so adding preferences left every other seeded value as it
 * was: 4 in 5 customers consented to texts, 1 in 25 refused calls.
 */
function demoContactPreferences(index: number): Customer['contactPreferences'] {
  return { smsConsent: index % 5 !== 4, refusedChannels: index % 25 === 7 ? ['call'] : [] };
}

const daysBetween = (fromMs: number, toMs: number): number => Math.round((toMs - fromMs) / MS_PER_DAY);

/** CN customers carry their name in characters; Chinese-speaking US customers a romanised Chinese name. */
function buildName(
  rng: Rng,
  jurisdiction: Jurisdiction,
  language: Language,
): { name: string; emailName: string } {
  if (jurisdiction === 'US' && language === 'en') {
    const first = pick(rng, ENGLISH_FIRST_NAMES);
    const last = pick(rng, ENGLISH_LAST_NAMES);
    return { name: `${first} ${last}`, emailName: `${first}.${last}`.toLowerCase() };
  }
  const [surname, surnamePinyin] = pick(rng, CHINESE_SURNAMES);
  const [given, givenPinyin] = pick(rng, CHINESE_GIVEN_NAMES);
  const emailName = `${surnamePinyin}.${givenPinyin}`.toLowerCase();
  return jurisdiction === 'CN'
    ? { name: `${surname}${given}`, emailName }
    : { name: `${givenPinyin} ${surnamePinyin}`, emailName };
}

function usPhone(rng: Rng, timezone: string): string {
  const areaCode = pick(rng, US_AREA_CODES[timezone] ?? ['202']);
  return `+1-${areaCode}-555-01${String(randomInt(rng, 0, 99)).padStart(2, '0')}`;
}

/** 138-0000-xxxx: a zero block that no carrier assigns, obviously fake. */
function cnPhone(rng: Rng): string {
  return `+86-138-0000-${String(randomInt(rng, 0, 9999)).padStart(4, '0')}`;
}

function buildRiskProfile(rng: Rng, propensity: number, delinquent: boolean): RiskProfile {
  // Dormant cards cannot be delinquent; safer customers more often pay in full.
  const behaviour: Behaviour =
    !delinquent && chance(rng, 0.12 * sigmoid(-propensity))
      ? 'dormant'
      : chance(rng, sigmoid(-0.3 - 1.4 * propensity))
        ? 'transactor'
        : 'revolver';
  const noise = standardNormal(rng);
  const baseUtilisation =
    behaviour === 'revolver'
      ? clamp(sigmoid(0.2 + 0.9 * propensity + 0.5 * noise), 0.05, 0.97)
      : behaviour === 'transactor'
        ? 0.04 + 0.25 * sigmoid(-0.5 + 0.5 * propensity + 0.6 * noise)
        : uniform(rng, 0.02, 0.08);
  return { propensity, behaviour, baseUtilisation };
}

/**
 * Gaussian copula: a latent variable correlated with the propensity picks the bucket by its quantile, so the
 * shares match DELINQUENCY_BUCKETS exactly in expectation while risky accounts land in the later buckets.
 */
function pickDelinquency(rng: Rng, propensity: number, asOfMs: number): Delinquency {
  const rho = PROPENSITY_BUCKET_CORRELATION;
  const quantile = normalCdf(rho * propensity + Math.sqrt(1 - rho * rho) * standardNormal(rng));
  let cumulative = 0;
  const bucket =
    DELINQUENCY_BUCKETS.find((candidate) => {
      cumulative += candidate.share;
      return quantile < cumulative;
    }) ?? DELINQUENCY_BUCKETS[DELINQUENCY_BUCKETS.length - 1]!;
  if (bucket.maxDays === 0) return { daysPastDue: 0, dueDay: randomInt(rng, 1, LAST_DUE_DAY) };

  // The oldest unpaid date is a due date, so it must fall on a day 1..28: redraw the few that do not.
  let days = 0;
  let dueMs = 0;
  for (let attempt = 0; attempt < 100; attempt++) {
    // Squaring skews the open-ended 180+ bucket towards its start: most such accounts are charged off soon.
    const spread = bucket.minDays > 180 ? rng() ** 2 : rng();
    days = bucket.minDays + Math.floor(spread * (bucket.maxDays - bucket.minDays + 1));
    dueMs = asOfMs - days * MS_PER_DAY;
    if (new Date(dueMs).getUTCDate() <= LAST_DUE_DAY) break;
  }
  return {
    daysPastDue: days,
    dueDay: Math.min(new Date(dueMs).getUTCDate(), LAST_DUE_DAY),
    oldestUnpaidDueMs: dueMs,
  };
}

/**
 * Pay statuses, latest first. The current delinquency rolls forward one status a month back to its start
 * (200 days late → 6,5,4,3,2,1); the month before it was revolving or paid in full. Older months follow the
 * account's behaviour, with an occasional cured delay of 1–2 months, more often on riskier accounts.
 */
function buildPayStatuses(rng: Rng, profile: RiskProfile, daysPastDue: number): number[] {
  const statuses = Array.from({ length: STATEMENT_MONTHS }, () =>
    pickWeighted(rng, NORMAL_STATUS_WEIGHTS[profile.behaviour]),
  );
  // Months of delay before the cap at 9; the streak covers the months since the delinquency started.
  const rawLatest = daysPastDue > 0 ? Math.max(1, Math.floor(daysPastDue / DAYS_PER_DELAY_MONTH)) : 0;
  const streak = Math.min(STATEMENT_MONTHS, rawLatest);
  for (let month = 0; month < streak; month++) statuses[month] = Math.min(MAX_PAY_STATUS, rawLatest - month);
  if (streak > 0 && streak < STATEMENT_MONTHS) {
    statuses[streak] = chance(rng, PRE_DELINQUENCY_REVOLVING_SHARE) ? 0 : -1;
  }

  // A cured delay lies two or more statements back and leaves a clean month before the current streak.
  const newestCuredMonth = randomInt(rng, Math.max(2, streak + 1), STATEMENT_MONTHS + 1);
  if (
    profile.behaviour !== 'dormant' &&
    newestCuredMonth < STATEMENT_MONTHS &&
    chance(rng, sigmoid(-2 + 1.2 * profile.propensity))
  ) {
    const length = chance(rng, TWO_MONTH_CURED_DELAY_SHARE) ? 2 : 1;
    for (let step = 0; step < length && newestCuredMonth + step < STATEMENT_MONTHS; step++) {
      statuses[newestCuredMonth + step] = length - step;
    }
  }

  // A delay needs something owed the month before: that statement cannot be an unused (-2, zero) one.
  for (let month = 0; month < STATEMENT_MONTHS - 1; month++) {
    if (statuses[month]! >= 1 && statuses[month + 1] === -2) statuses[month + 1] = 0;
  }
  return statuses;
}

function roundLimit(valueMinor: number, profile: JurisdictionProfile): number {
  const step =
    valueMinor < profile.limitStepThresholdMinor ? profile.smallLimitStepMinor : profile.largeLimitStepMinor;
  return clamp(Math.round(valueMinor / step) * step, profile.minLimitMinor, profile.maxLimitMinor);
}

/** Limits, latest first: log-uniform range, lower for riskier accounts; a few good ones got an increase. */
function buildLimits(rng: Rng, profile: JurisdictionProfile, risk: RiskProfile): number[] {
  const position = sigmoid(0.4 - 0.6 * risk.propensity + 0.9 * standardNormal(rng));
  const logMin = Math.log(profile.minLimitMinor);
  const logMax = Math.log(profile.maxLimitMinor);
  const limit = roundLimit(Math.exp(logMin + position * (logMax - logMin)), profile);
  const limits = Array.from({ length: STATEMENT_MONTHS }, () => limit);
  if (risk.propensity < 0.5 && chance(rng, LIMIT_INCREASE_SHARE)) {
    const earlier = roundLimit(limit * uniform(rng, 0.6, 0.85), profile);
    for (let month = randomInt(rng, 1, STATEMENT_MONTHS - 1); month < STATEMENT_MONTHS; month++) {
      limits[month] = earlier;
    }
  }
  return limits;
}

function minimumPayment(balanceMinor: number, profile: JurisdictionProfile): number {
  if (balanceMinor <= 0) return 0;
  const minimum = Math.max(
    profile.minimumPaymentFloorMinor,
    Math.round(balanceMinor * profile.minimumPaymentRate),
  );
  return Math.min(balanceMinor, minimum);
}

/** A month's balance while not delinquent: the account's usual utilisation with some month-to-month noise. */
function revolvingBalance(rng: Rng, risk: RiskProfile, limitMinor: number): number {
  const utilisation = clamp(risk.baseUtilisation * (1 + 0.12 * standardNormal(rng)), 0.005, 0.99);
  return Math.round(utilisation * limitMinor);
}

/**
 * Balances and payments, oldest month first. As in the UCI data, a month's payment settles the statement of
 * the month before: -1 and -2 pay it in full, 0 pays about the minimum (more right after a cured delay),
 * a delay pays nothing or a token amount while interest and fees push the balance past the limit.
 */
function buildHistory(
  rng: Rng,
  monthKeys: readonly string[],
  profile: JurisdictionProfile,
  risk: RiskProfile,
  statuses: readonly number[],
  limits: readonly number[],
): StatementMonth[] {
  const oldestLimit = limits[STATEMENT_MONTHS - 1]!;
  // The statement before the window: revolving if the window opens delinquent, else like any other month.
  let previousBalance =
    statuses[STATEMENT_MONTHS - 1]! >= 1 || pickWeighted(rng, NORMAL_STATUS_WEIGHTS[risk.behaviour]) !== -2
      ? revolvingBalance(rng, risk, oldestLimit)
      : 0;
  let previousStatus = 0;
  const history: StatementMonth[] = [];
  for (let month = STATEMENT_MONTHS - 1; month >= 0; month--) {
    const status = statuses[month]!;
    const limit = limits[month]!;
    const paid = paymentFor(rng, profile, risk, status, previousStatus, previousBalance);
    const balance =
      status >= 1
        ? Math.round(previousBalance * (1 + profile.monthlyInterestRate)) + profile.lateFeeMinor - paid
        : status === -2
          ? 0
          : revolvingBalance(rng, risk, limit);
    history.push({
      month: monthKeys[month]!,
      creditLimitMinor: limit,
      statementBalanceMinor: Math.max(0, balance),
      amountPaidMinor: paid,
      payStatus: status,
    });
    previousBalance = Math.max(0, balance);
    previousStatus = status;
  }
  return history.reverse();
}

function paymentFor(
  rng: Rng,
  profile: JurisdictionProfile,
  risk: RiskProfile,
  status: number,
  previousStatus: number,
  previousBalance: number,
): number {
  if (status <= -1) return previousBalance;
  const minimum = minimumPayment(previousBalance, profile);
  if (status >= 1) {
    // Riskier customers more often pay nothing; a token payment stays below the minimum, so the delay stands.
    if (chance(rng, sigmoid(0.4 + 0.6 * risk.propensity))) return 0;
    return Math.min(Math.round(previousBalance * uniform(rng, 0.005, 0.02)), Math.max(0, minimum - 1));
  }
  // Curing a delay means paying the missed minimum as well.
  const rate =
    previousStatus >= 1
      ? uniform(rng, 2, 3) * profile.minimumPaymentRate
      : profile.minimumPaymentRate + 0.07 * sigmoid(-0.8 * risk.propensity + 0.5 * standardNormal(rng));
  return Math.min(previousBalance, Math.max(minimum, Math.round(previousBalance * rate)));
}

function buildFlags(rng: Rng, daysPastDue: number): AccountFlags {
  const deceased = chance(rng, FLAG_RATES.deceased);
  const bankrupt = chance(rng, daysPastDue > 90 ? FLAG_RATES.bankrupt91Plus : FLAG_RATES.bankruptOther);
  const delinquent = daysPastDue > 0;
  return {
    dispute: chance(rng, FLAG_RATES.dispute),
    ceaseRequested: chance(
      rng,
      delinquent ? FLAG_RATES.ceaseRequestedDelinquent : FLAG_RATES.ceaseRequestedCurrent,
    ),
    hardshipPlan: chance(
      rng,
      daysPastDue > 30 ? FLAG_RATES.hardshipPlan31Plus : FLAG_RATES.hardshipPlanOther,
    ),
    // A deceased or bankrupt customer cannot promise to pay (and a bankruptcy stays collection).
    promiseToPay: delinquent && !deceased && !bankrupt && chance(rng, FLAG_RATES.promiseToPayDelinquent),
    deceased,
    bankrupt,
  };
}

/** What every account of one portfolio shares: computed once. */
interface PortfolioDates {
  readonly asOfMs: number;
  readonly monthKeys: readonly string[];
  readonly updatedAt: string;
}

function buildAccount(seed: number, index: number, dates: PortfolioDates): Account {
  const { asOfMs } = dates;
  const rng = seededRandom(accountSeed(seed, index));
  const jurisdiction = pickJurisdiction(rng);
  const profile = JURISDICTIONS[jurisdiction];
  const customer = buildCustomer(rng, jurisdiction, index);
  const propensity = standardNormal(rng);
  const delinquency = pickDelinquency(rng, propensity, asOfMs);
  const risk = buildRiskProfile(rng, propensity, delinquency.daysPastDue > 0);
  const statuses = buildPayStatuses(rng, risk, delinquency.daysPastDue);
  const statements = buildHistory(
    rng,
    dates.monthKeys,
    profile,
    risk,
    statuses,
    buildLimits(rng, profile, risk),
  );
  const latest = statements[0]!;

  const balance = latest.statementBalanceMinor;
  const overdue =
    delinquency.oldestUnpaidDueMs === undefined
      ? 0
      : Math.min(
          balance,
          missedDueDates(delinquency.oldestUnpaidDueMs, asOfMs) * minimumPayment(balance, profile),
        );
  const openedMs = asOfMs - randomInt(rng, MIN_ACCOUNT_AGE_DAYS, MAX_ACCOUNT_AGE_DAYS) * MS_PER_DAY;

  return {
    accountId: accountId(index),
    jurisdiction,
    currency: profile.currency,
    product: 'credit_card',
    customer,
    creditLimitMinor: latest.creditLimitMinor,
    balanceMinor: balance,
    amountOverdueMinor: overdue,
    // What must be paid by the next due date: the arrears plus this cycle's minimum.
    minimumDueMinor: Math.min(balance, overdue + minimumPayment(balance, profile)),
    ...(delinquency.oldestUnpaidDueMs === undefined
      ? {}
      : { oldestUnpaidDueDate: formatDate(delinquency.oldestUnpaidDueMs) }),
    nextDueDate: formatDate(nextDueDate(asOfMs, delinquency.dueDay)),
    statements,
    flags: buildFlags(rng, delinquency.daysPastDue),
    openedAt: formatDateTime(openedMs),
    updatedAt: dates.updatedAt,
  };
}

/** A deterministic synthetic portfolio: the same options always give deeply equal accounts. */
export function generateDemoPortfolio(options: DemoPortfolioOptions): Account[] {
  const { count, seed, asOf } = options;
  if (!Number.isSafeInteger(count) || count < 0)
    throw new RangeError(`count must be a whole number: ${count}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer: ${seed}`);
  const asOfMs = parseDate(asOf);
  const dates = { asOfMs, monthKeys: statementMonthKeys(asOfMs), updatedAt: formatDateTime(asOfMs) };
  return Array.from({ length: count }, (_, index) => buildAccount(seed, index, dates));
}
