// @ts-check
// Money is integer minor units with its currency; dates are ISO strings. Shown in the reader's language.

/** @type {Record<string, string>} */
const LOCALES = { en: 'en-US', 'zh-CN': 'zh-CN' };
/** @param {string} lang */
const locale = (lang) => LOCALES[lang] ?? 'en-US';

/** @type {Map<string, number>} */
const fractionDigits = new Map();
/**
 * Fraction digits of a currency (2 for USD and CNY).
 * @param {string} currency
 * @returns {number}
 */
export function digitsOf(currency) {
  if (!fractionDigits.has(currency)) {
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits;
    // A currency always resolves its fraction digits; 2 only quiets the optional in the DOM types.
    fractionDigits.set(currency, digits ?? 2);
  }
  return /** @type {number} */ (fractionDigits.get(currency));
}

/**
 * 10575 USD → "USD 105.75" (en) or "US$105.75" (zh-CN); CNY in Chinese → "¥17,078.99".
 * @param {number | null | undefined} minor
 * @param {string | null | undefined} currency
 */
export function formatMoney(minor, currency, lang = 'en') {
  if (typeof minor !== 'number' || !Number.isFinite(minor)) return '—';
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) return '—';
  const digits = digitsOf(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(minor));
  const whole = Math.floor(abs / 10 ** digits);
  const fraction = String(abs % 10 ** digits).padStart(digits, '0');
  // A decimal string keeps the exact minor units (no floating point on the way).
  const amount = digits > 0 ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
  return new Intl.NumberFormat(locale(lang), {
    style: 'currency',
    currency,
    currencyDisplay: lang === 'zh-CN' ? 'symbol' : 'code',
    // A decimal string is formatted exactly (Intl.NumberFormat takes them; the DOM types say number only).
  }).format(/** @type {any} */ (amount));
}

/**
 * "2026-11-30" → "Nov 30, 2026" / "2026年11月30日" (a calendar date: no time zone shift).
 * @param {string | null | undefined} isoDate
 */
export function formatDate(isoDate, lang = 'en') {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(isoDate ?? ''));
  if (!match) return isoDate ? String(isoDate) : '—';
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/**
 * An instant in the reader's own time zone.
 * @param {string | null | undefined} iso
 */
export function formatDateTime(iso, lang = 'en') {
  const date = new Date(/** @type {string} */ (iso));
  if (Number.isNaN(date.getTime())) return iso ? String(iso) : '—';
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * A calendar date ("2026-12-01") as a date, anything else as an instant.
 * @param {string | null | undefined} value
 */
export const formatWhen = (value, lang = 'en') =>
  /^\d{4}-\d{2}-\d{2}$/.test(String(value ?? '')) ? formatDate(value, lang) : formatDateTime(value, lang);

/**
 * A time of day in the reader's own time zone.
 * @param {string | null | undefined} iso
 */
export function formatTime(iso, lang = 'en') {
  const date = new Date(/** @type {string} */ (iso));
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale(lang), { timeStyle: 'short' }).format(date);
}

/**
 * 0.125 → "12.5%".
 * @param {number | null | undefined} fraction
 */
export function formatPercent(fraction, lang = 'en', digits = 1) {
  if (typeof fraction !== 'number' || !Number.isFinite(fraction)) return '—';
  return new Intl.NumberFormat(locale(lang), {
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
  }).format(fraction);
}

/** @param {number | null | undefined} value */
export function formatNumber(value, lang = 'en') {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 2 }).format(value);
}

/**
 * "pay_in_full" → "Pay in full"; for labels the page has no translation of.
 * @param {unknown} key
 */
export function humanise(key) {
  const text = String(key ?? '')
    .replace(/Minor$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
