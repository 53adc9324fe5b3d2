import type { Currency } from '../accounts/account';
import { DAY_SUFFIX, MONTHS, monthNamePattern, OPTIONAL_YEAR } from '../text/english-dates';
import { allMatches } from '../text/matches';
import type { Offer } from './types';

/**
 * Amounts, dates and percentages a text states. Dates are found first and blanked out, then amounts, then
 * percentages, so no figure is read twice (the "1" of "December 1" is not also a number of anything else).
 * Bare numbers without a currency, date form or percent sign ("3 months", "2 payments") are not figures.
 */
export type StatedFigure =
  | {
      readonly kind: 'amount';
      readonly text: string;
      readonly currency: Currency;
      /** Undefined when the amount has fractions of a minor unit (`$1.005`). */
      readonly minor: number | undefined;
    }
  /** `YYYY-MM-DD`, or `--MM-DD` (ISO 8601 month-day) when the text gives no year. */
  | { readonly kind: 'date'; readonly text: string; readonly date: string }
  | { readonly kind: 'percentage'; readonly text: string; readonly value: number };

const MONTH = monthNamePattern('month');

/**
 * Date forms, most specific first. Numeric `N/N/YYYY` is read the US way, month first. A day-first date is
 * not read after a currency sign, so "$15 may apply" stays an amount.
 */
const DATE_PATTERNS: readonly RegExp[] = [
  /(?<!\d)(?<year>\d{4})-(?<month>\d{1,2})-(?<day>\d{1,2})(?!\d)/gu,
  /(?<!\d)(?:(?<year>\d{4})\s*年\s*)?(?<month>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*[日号]/gu,
  /(?<![\d/])(?<year>\d{4})\/(?<month>\d{1,2})\/(?<day>\d{1,2})(?![\d/])/gu,
  /(?<![\d/])(?<month>\d{1,2})\/(?<day>\d{1,2})\/(?<year>\d{4})(?![\d/])/gu,
  new RegExp(`(?<!\\p{L})${MONTH}\\s+(?<day>\\d{1,2})${DAY_SUFFIX}${OPTIONAL_YEAR}`, 'giu'),
  new RegExp(
    `(?<!\\d|\\d[.,]|[$¥]\\s*)(?<day>\\d{1,2})${DAY_SUFFIX}\\s+(?:of\\s+)?${MONTH}${OPTIONAL_YEAR}`,
    'giu',
  ),
];

const NUMBER = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const AMOUNT = new RegExp(
  `(?<prefix>US\\$|\\$|(?<!\\p{L})(?:USD|CNY|RMB)|¥|人民币)?\\s*(?<!\\d|\\d[.,])(?<number>${NUMBER})(?<tenThousands>\\s*万)?` +
    `\\s*(?<suffix>美元|元|块|(?:(?:US\\s+)?dollars?|USD|CNY|RMB|yuan)(?!\\p{L}))?`,
  'giu',
);
const USD_MARKERS = new Set(['us$', '$', 'usd', 'dollar', 'dollars', '美元']);

const PERCENTAGE = /(?<!\d|\d[.,])(?<number>\d+(?:\.\d+)?)\s*(?:%|percent(?!\p{L})|per\s+cent(?!\p{L}))/giu;
const CHINESE_PERCENTAGE = /百分之(?<numeral>[零〇一二两三四五六七八九十百点]+)/gu;

interface Found {
  readonly index: number;
  readonly figure: StatedFigure;
}

/** Every figure the text states, in text order. Expects NFKC-normalised text (full-width ￥％ become ¥%). */
export function statedFigures(text: string): StatedFigure[] {
  const found: Found[] = [];
  let rest = text;
  for (const pattern of DATE_PATTERNS) rest = takeAll(rest, pattern, found, dateFigure);
  rest = takeAll(rest, AMOUNT, found, amountFigure);
  rest = takeAll(rest, PERCENTAGE, found, (match) => ({
    kind: 'percentage',
    text: match[0],
    value: Number(match.groups!.number),
  }));
  takeAll(rest, CHINESE_PERCENTAGE, found, (match) => {
    const value = chineseNumeral(match.groups!.numeral!);
    return value === undefined ? undefined : { kind: 'percentage', text: match[0], value };
  });
  return found.sort((a, b) => a.index - b.index).map(({ figure }) => figure);
}

/** Records each match `read` accepts as a figure and blanks it out (same length, so indices stay put). */
function takeAll(
  text: string,
  pattern: RegExp,
  found: Found[],
  read: (match: RegExpMatchArray) => StatedFigure | undefined,
): string {
  let rest = text;
  for (const match of allMatches(pattern, text)) {
    const figure = read(match);
    if (!figure) continue;
    const start = match.index!;
    const end = start + match[0].length;
    found.push({ index: start, figure });
    rest = rest.slice(0, start) + ' '.repeat(end - start) + rest.slice(end);
  }
  return rest;
}

function dateFigure(match: RegExpMatchArray): StatedFigure {
  const { year, month, day } = match.groups!;
  const monthNumber = MONTHS[month!.toLowerCase()] ?? Number(month);
  const monthDay = `${pad2(monthNumber)}-${pad2(Number(day))}`;
  return { kind: 'date', text: match[0], date: year ? `${year}-${monthDay}` : `--${monthDay}` };
}

function amountFigure(match: RegExpMatchArray): StatedFigure | undefined {
  const { prefix, number, tenThousands, suffix } = match.groups!;
  const marker = (prefix ?? suffix)?.toLowerCase().replace(/^us\s+/, '');
  if (marker === undefined) return undefined;
  const minor = toMinorUnits(number!);
  return {
    kind: 'amount',
    text: match[0].trim(),
    currency: USD_MARKERS.has(marker) ? 'USD' : 'CNY',
    minor: minor !== undefined && tenThousands ? minor * 10_000 : minor,
  };
}

/** Exact decimal-to-minor-units conversion (no floating point): `1,234.5` → 123450. */
function toMinorUnits(amount: string): number | undefined {
  const [whole = '', fraction = ''] = amount.replaceAll(',', '').split('.');
  if (/[1-9]/.test(fraction.slice(2))) return undefined;
  return Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Chinese numerals up to the hundreds, with 点 decimals: 十五 → 15, 十二点五 → 12.5, 一百 → 100. */
function chineseNumeral(numeral: string): number | undefined {
  const [whole = '', fraction, ...extra] = numeral.split('点');
  if (extra.length > 0) return undefined;
  let total = 0;
  let digit = 0;
  for (const char of whole) {
    if (char === '十' || char === '百') {
      total += (digit || 1) * (char === '十' ? 10 : 100);
      digit = 0;
    } else digit = CHINESE_DIGITS[char]!;
  }
  const fractionDigits = [...(fraction ?? '')].map((char) => CHINESE_DIGITS[char]);
  if (fractionDigits.includes(undefined)) return undefined;
  return Number(`${total + digit}.${fractionDigits.join('') || '0'}`);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Why a stated figure is not one of the offer's, or undefined when it is. */
export function mismatchWithOffer(figure: StatedFigure, offer: Offer): string | undefined {
  switch (figure.kind) {
    case 'amount':
      if (figure.currency !== offer.currency)
        return `amount "${figure.text}" is in ${figure.currency} but the offer is in ${offer.currency}`;
      if (figure.minor === undefined) return `amount "${figure.text}" is not a whole number of minor units`;
      return offer.amountsMinor.includes(figure.minor)
        ? undefined
        : `amount "${figure.text}" (${figure.minor} minor units of ${figure.currency}) is not in the offer`;
    case 'date':
      return offer.dates.some((date) => sameDate(figure.date, date))
        ? undefined
        : `date "${figure.text}" (${figure.date}) is not in the offer`;
    case 'percentage':
      return offer.percentages.some((rate) => Math.abs(rate - figure.value) < 1e-9)
        ? undefined
        : `percentage "${figure.text}" (${figure.value}) is not in the offer`;
  }
}

/** A year-less date (`--12-01`) matches any offer date on that month and day. */
function sameDate(stated: string, offered: string): boolean {
  return stated.startsWith('--') ? offered.endsWith(stated.slice(1)) : stated === offered;
}
