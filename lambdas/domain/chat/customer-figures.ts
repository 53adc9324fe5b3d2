/**
 * Reading the figures a customer types: amounts, dates and a declared monthly budget, in English and
 * Chinese forms. Everything here is untrusted input turned into plain numbers; what they may be used for
 * is decided by the assistant against the account and the offer policy, never here.
 */
import type { Currency } from '../accounts/account';
import { addDays, isIsoDate } from '../offers/business-days';
import type { Affordability } from '../offers/plan-calculator';
import { DAY_SUFFIX, MONTHS, monthNamePattern, OPTIONAL_YEAR } from '../text/english-dates';

/** NFKC folds full-width digits and signs (１２０, ￥, ：) to ASCII; lower-case for the English patterns. */
export function normaliseCustomerText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------------------
// Amounts
// ---------------------------------------------------------------------------------------------------------

const NUMBER = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const PREFIX = 'us\\$|\\$|¥|人民币|(?<![\\p{L}])(?:usd|rmb|cny)';
const SUFFIX = '美元|元|块|(?:dollars?|bucks|usd|rmb|cny|yuan)(?!\\p{L})';
/** A number with a currency marker before or after it (`$120`, `USD 120.50`, `人民币500元`, `500元`, `5万元`). */
const MARKED_AMOUNT = new RegExp(
  `(?<prefix>${PREFIX})?\\s*(?<![\\d.,])(?<number>${NUMBER})(?<wan>\\s*万)?\\s*(?<suffix>${SUFFIX})?`,
  'gu',
);
/** A bare number right after a paying verb (`I can pay 120`, `我可以还500`): the account's currency. */
const BARE_PAID_AMOUNT = new RegExp(
  `(?:\\bpay(?:ing)?|\\bsend|\\btransfer|还|付|转|交)(?:\\s*(?:you|back|款|给你们|给您))?\\s*(?<number>${NUMBER})(?!\\s*(?:st|nd|rd|th|%|percent|/|-|月|号|日|期|个月|天|days?|weeks?|months?)|\\d|[.,]\\d)`,
  'u',
);

const USD_MARKERS = new Set(['us$', '$', 'usd', 'dollar', 'dollars', 'bucks', '美元']);
const CNY_MARKERS = new Set(['¥', '人民币', 'rmb', 'cny', 'yuan']);

/** The currency a marker names; `元`/`块` name the account's own currency (Chinese for "unit of money"). */
function markerCurrency(marker: string, accountCurrency: Currency): Currency {
  if (USD_MARKERS.has(marker)) return 'USD';
  if (CNY_MARKERS.has(marker)) return 'CNY';
  return accountCurrency;
}

/** Exact decimal-to-minor-units conversion; undefined for fractions of a cent or absurd sizes. */
export function toMinorUnits(amount: string, tenThousands = false): number | undefined {
  const [whole = '', fraction = ''] = amount.replaceAll(',', '').split('.');
  if (fraction.length > 2 || whole.length > 12) return undefined;
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  const scaled = tenThousands ? minor * 10_000 : minor;
  return Number.isSafeInteger(scaled) ? scaled : undefined;
}

export interface FoundAmount {
  readonly minor: number | undefined;
  /** The amount was written in another currency than the account's: not usable. */
  readonly otherCurrency: boolean;
}

/** The first amount with a currency marker, else a bare amount after a paying verb; undefined when none. */
export function findAmount(text: string, currency: Currency): FoundAmount | undefined {
  for (const match of text.matchAll(MARKED_AMOUNT)) {
    const { prefix, suffix, number, wan } = match.groups!;
    // A suffix marker wins over a prefix (`人民币500元` has both; they agree).
    const marker = (suffix ?? prefix)?.trim();
    if (marker === undefined) continue;
    const stated = markerCurrency(marker, currency);
    return { minor: toMinorUnits(number!, wan !== undefined), otherCurrency: stated !== currency };
  }
  const bare = BARE_PAID_AMOUNT.exec(text);
  return bare ? { minor: toMinorUnits(bare.groups!.number!), otherCurrency: false } : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------------------

const MONTH = monthNamePattern('monthName');

/** Calendar date forms, most specific first; numeric `12/05` is read the US way, month first. */
const CALENDAR_DATES: readonly RegExp[] = [
  /(?<!\d)(?<year>\d{4})[-/.](?<month>\d{1,2})[-/.](?<day>\d{1,2})(?!\d)/u,
  /(?<!\d)(?:(?<year>\d{4})\s*年\s*)?(?<month>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*[日号]?/u,
  /(?<![\d/.])(?<month>\d{1,2})\/(?<day>\d{1,2})(?:\/(?<year>\d{4}|\d{2}))?(?![\d/])/u,
  new RegExp(`(?<!\\p{L})${MONTH}\\s+(?:the\\s+)?(?<day>\\d{1,2})${DAY_SUFFIX}${OPTIONAL_YEAR}`, 'u'),
  new RegExp(
    `(?<![\\d$¥.,]|[$¥]\\s)(?:the\\s+)?(?<day>\\d{1,2})${DAY_SUFFIX}\\s+(?:of\\s+)?${MONTH}${OPTIONAL_YEAR}`,
    'u',
  ),
];

const WEEKDAYS_EN: Readonly<Record<string, number>> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};
const WEEKDAYS_ZH: Readonly<Record<string, number>> = {
  日: 0,
  天: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
};

const WEEKDAY_EN = new RegExp(
  `(?:(?<which>next|this|coming|on|by)\\s+)?(?<!\\p{L})(?<weekday>${Object.keys(WEEKDAYS_EN).join('|')})(?!\\p{L})`,
  'u',
);
const WEEKDAY_ZH = /(?<which>下|本|这)?\s*(?:个)?(?:周|星期|礼拜)(?<weekday>[一二三四五六日天])/u;
const RELATIVE_DAYS: readonly [RegExp, number][] = [
  [/\bday after tomorrow\b|后天/u, 2],
  [/\btomorrow\b|明天|明日/u, 1],
  [/\btoday\b|今天|今日/u, 0],
];

export interface FoundDate {
  /** `YYYY-MM-DD`; undefined when the text names a date that does not exist (`2/30`). */
  readonly date: string | undefined;
  /** The text with the date blanked out, so its day number is not read again as an amount. */
  readonly rest: string;
  /** Named relative to today (`tomorrow`, `next Friday`, `下周五`) rather than as a calendar date. */
  readonly relative: boolean;
}

/** The first date the text names, resolved against `today` (`YYYY-MM-DD`). */
export function findDate(text: string, today: string): FoundDate | undefined {
  for (const pattern of CALENDAR_DATES) {
    const match = pattern.exec(text);
    if (match) return { date: calendarDate(match, today), rest: blanked(text, match), relative: false };
  }
  const weekday = WEEKDAY_EN.exec(text) ?? WEEKDAY_ZH.exec(text);
  if (weekday) return { date: weekdayDate(weekday, today), rest: blanked(text, weekday), relative: true };
  for (const [pattern, days] of RELATIVE_DAYS) {
    const match = pattern.exec(text);
    if (match) return { date: addDays(today, days), rest: blanked(text, match), relative: true };
  }
  return undefined;
}

function blanked(text: string, match: RegExpExecArray): string {
  return text.slice(0, match.index) + ' '.repeat(match[0].length) + text.slice(match.index + match[0].length);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A date without a year is the next such day from today on (`Dec 5` in late December is next year's). */
function calendarDate(match: RegExpExecArray, today: string): string | undefined {
  const { year, month, monthName, day } = match.groups!;
  const monthNumber = monthName ? MONTHS[monthName] : Number(month);
  const monthDay = `${pad2(monthNumber ?? 0)}-${pad2(Number(day))}`;
  if (year) {
    const fullYear = year.length === 2 ? `20${year}` : year;
    const date = `${fullYear}-${monthDay}`;
    return isIsoDate(date) ? date : undefined;
  }
  const thisYear = Number(today.slice(0, 4));
  const candidate = `${thisYear}-${monthDay}`;
  const date = candidate >= today ? candidate : `${thisYear + 1}-${monthDay}`;
  return isIsoDate(date) ? date : undefined;
}

const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

/**
 * `next Friday` / `下周五` is the Friday of next week (weeks start on Monday); `this Friday` / `本周五`
 * / plain `Friday` / `周五` is the first Friday from today on. The assistant repeats the exact date back.
 */
function weekdayDate(match: RegExpExecArray, today: string): string {
  const { which, weekday } = match.groups!;
  const target = WEEKDAYS_EN[weekday!] ?? WEEKDAYS_ZH[weekday!] ?? 0;
  if (which === 'next' || which === '下') {
    const monday = addDays(today, -((weekdayOf(today) + 6) % 7));
    return addDays(monday, 7 + ((target + 6) % 7));
  }
  return addDays(today, (target - weekdayOf(today) + 7) % 7);
}

// ---------------------------------------------------------------------------------------------------------
// A declared monthly budget
// ---------------------------------------------------------------------------------------------------------

const INCOME_WORDS = '\\bincome|\\bearn(?:ings?)?|\\bsalary|\\btake home|\\bwages?|收入|工资|月薪|薪水|薪资';
const EXPENSE_WORDS =
  '\\bexpenses?|\\bexpenditure|\\bspend(?:ing)?|\\bcosts?|\\boutgoings|\\bbills|支出|开销|开支|花销|花费|生活费';
const BUDGET_AMOUNT = `(?<prefix>${PREFIX})?\\s*(?<number>${NUMBER})(?![\\d/.\\-%]|\\s*(?:月|号|日|st\\b|nd\\b|rd\\b|th\\b))(?<wan>\\s*万)?(?<k>k\\b)?\\s*(?<suffix>${SUFFIX})?`;

/** The keyword, then up to a few words without digits and without the other keyword, then the amount. */
function budgetPattern(keywords: string, otherKeywords: string): RegExp {
  return new RegExp(`(?:${keywords})(?:(?!${otherKeywords})[^\\d$¥]){0,30}?${BUDGET_AMOUNT}`, 'u');
}
const INCOME = budgetPattern(INCOME_WORDS, EXPENSE_WORDS);
const EXPENSES = budgetPattern(EXPENSE_WORDS, INCOME_WORDS);

/** Monthly income and expenses the customer declared, each when stated (`income 2000 expenses 1500`). */
export function findBudget(text: string, currency: Currency): Partial<Affordability> {
  const income = budgetAmount(INCOME.exec(text), currency);
  const expenses = budgetAmount(EXPENSES.exec(text), currency);
  return {
    ...(income === undefined ? {} : { monthlyIncomeMinor: income }),
    ...(expenses === undefined ? {} : { monthlyExpensesMinor: expenses }),
  };
}

function budgetAmount(match: RegExpExecArray | null, currency: Currency): number | undefined {
  if (!match) return undefined;
  const { prefix, suffix, number, wan, k } = match.groups!;
  const marker = (suffix ?? prefix)?.trim();
  if (marker !== undefined && markerCurrency(marker, currency) !== currency) return undefined;
  const minor = toMinorUnits(number!, wan !== undefined);
  if (minor === undefined || !k) return minor;
  const thousands = minor * 1_000;
  return Number.isSafeInteger(thousands) ? thousands : undefined;
}
