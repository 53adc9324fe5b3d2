/**
 * Figures in chat replies, written exactly as the portal's cards write them (web/lib/format.js): money as
 * "USD 1,234.50" in English and "¥1,234.50" / "US$1,234.50" in Chinese, dates as "Dec 11, 2026" /
 * "2026年12月11日", percentages as "15.37%". The message linter reads every one of these forms back, so a
 * reply states a figure the customer recognises from the page and the gate can still check it.
 */
import type { Currency, Language } from '../accounts/account';
import type { OfferOption, ScheduledPayment } from '../offers/plan-calculator';

const LOCALES: Record<Language, string> = { en: 'en-US', 'zh-CN': 'zh-CN' };

/** Formatters are costly to build and immutable: one per locale and style, built on first use. */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => T): T {
  let built = formatters.get(key) as T | undefined;
  if (!built) {
    built = build();
    formatters.set(key, built);
  }
  return built;
}

/** Money in minor units, as the cards show it (currency code in English, symbol in Chinese). */
export function money(minor: number, currency: Currency, language: Language): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(minor));
  // A decimal string keeps the exact minor units (no floating point on the way).
  const amount = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  const format = formatter(
    `money:${language}:${currency}`,
    () =>
      new Intl.NumberFormat(LOCALES[language], {
        style: 'currency',
        currency,
        currencyDisplay: language === 'zh-CN' ? 'symbol' : 'code',
      }),
  );
  // Intl.NumberFormat takes exact decimal strings; the DOM lib types only name number and bigint.
  return format.format(amount as unknown as number);
}

/** A calendar date `YYYY-MM-DD`: "Dec 11, 2026" / "2026年12月11日" (no time zone shift). */
export function day(isoDate: string, language: Language): string {
  const [year, month, date] = isoDate.split('-').map(Number) as [number, number, number];
  const format = formatter(
    `day:${language}`,
    () => new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone: 'UTC' }),
  );
  return format.format(new Date(Date.UTC(year, month - 1, date)));
}

/** A statement month `YYYY-MM`: "Nov 2026" / "2026年11月" (not a date: the linter reads no day in it). */
export function month(isoMonth: string, language: Language): string {
  const [year, monthNumber] = isoMonth.split('-').map(Number) as [number, number];
  const format = formatter(
    `month:${language}`,
    () =>
      new Intl.DateTimeFormat(LOCALES[language], {
        year: 'numeric',
        month: language === 'en' ? 'short' : 'long',
        timeZone: 'UTC',
      }),
  );
  return format.format(new Date(Date.UTC(year, monthNumber - 1, 1)));
}

/** A percentage as stored on the offer (15.37 → "15.37%"), never rounded up. */
export function percent(value: number, language: Language): string {
  const format = formatter(
    `percent:${language}`,
    () => new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 2 }),
  );
  return format.format(value / 100);
}

/** One line per option, with the figures a customer compares: total, payments, first due date. */
export function optionLine(option: OfferOption, currency: Currency, language: Language): string {
  const amount = (minor: number) => money(minor, currency, language);
  const first = day(option.firstDueDate, language);
  const total = amount(option.totalMinor);
  const en = language === 'en';
  switch (option.kind) {
    case 'pay_in_full':
      return en ? `Pay ${total} in one payment by ${first}.` : `于${first}前一次性还清${total}。`;
    case 'settlement':
      return en
        ? `Settle for ${total} in one payment by ${first}: ${amount(option.discountMinor)} (${percent(option.discountPercent, language)}) less than your balance.`
        : `于${first}前一次性还款${total}即可结清，比余额少${amount(option.discountMinor)}（${percent(option.discountPercent, language)}）。`;
    case 'instalment':
    case 'hardship': {
      const monthly = amount(option.monthlyAmountMinor);
      const name = en
        ? option.kind === 'hardship'
          ? 'Reduced-payment plan'
          : 'Instalment plan'
        : option.kind === 'hardship'
          ? '困难减负还款计划'
          : '分期还款计划';
      return en
        ? `${name}: ${option.termMonths} monthly payments of up to ${monthly}, the first on ${first}, ${total} in total.`
        : `${name}：分${option.termMonths}期，每月最多${monthly}，首期${first}，共计${total}。`;
    }
  }
}

/** Up to this many payments are listed one by one; a longer schedule is summarised until asked for. */
export const LISTED_PAYMENTS_MAX = 6;

/** Every payment, one per line: what the customer sees on asking for the full schedule. */
export function fullSchedule(
  payments: readonly ScheduledPayment[],
  currency: Currency,
  language: Language,
): string {
  const colon = language === 'en' ? ': ' : '：';
  return payments
    .map(
      (payment, index) =>
        `${index + 1}) ${day(payment.dueDate, language)}${colon}${money(payment.amountMinor, currency, language)}`,
    )
    .join('\n');
}

/**
 * A long schedule in one or two sentences: how many payments, of how much, from the first to the last date.
 * Amounts that differ (the first few carry the remainder cents) are counted separately.
 */
export function scheduleSummary(
  payments: readonly ScheduledPayment[],
  currency: Currency,
  language: Language,
): string {
  const first = payments[0];
  const last = payments.at(-1);
  if (!first || !last) return '';
  const groups = new Map<number, number>();
  for (const payment of payments) groups.set(payment.amountMinor, (groups.get(payment.amountMinor) ?? 0) + 1);
  const parts = [...groups].map(([amountMinor, count]) => ({
    amount: money(amountMinor, currency, language),
    count,
  }));
  const from = day(first.dueDate, language);
  const to = day(last.dueDate, language);
  if (language === 'en') {
    const amounts = parts
      .map(({ amount, count }) => `${count} ${count === 1 ? 'payment' : 'payments'} of ${amount}`)
      .join(' and ');
    return `${payments.length} monthly payments: ${amounts}, from ${from} to ${to}.`;
  }
  const amounts = parts.map(({ amount, count }) => `${count}期每期${amount}`).join('，');
  return `共${payments.length}期，按月还款：${amounts}，从${from}到${to}。`;
}

/** The schedule as a proposal shows it: in full when short, else the summary. */
export function scheduleText(
  payments: readonly ScheduledPayment[],
  currency: Currency,
  language: Language,
): { readonly text: string; readonly summarised: boolean } {
  return payments.length <= LISTED_PAYMENTS_MAX
    ? { text: fullSchedule(payments, currency, language), summarised: false }
    : { text: scheduleSummary(payments, currency, language), summarised: true };
}
