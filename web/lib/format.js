// Money is integer minor units with its currency; dates are ISO strings. Shown in the reader's language.

const LOCALES = { en: 'en-US', 'zh-CN': 'zh-CN' };
const locale = (lang) => LOCALES[lang] ?? 'en-US';

const fractionDigits = new Map();
function digitsOf(currency) {
  if (!fractionDigits.has(currency)) {
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits;
    fractionDigits.set(currency, digits);
  }
  return fractionDigits.get(currency);
}

/** 10575 USD → "USD 105.75" (en) or "US$105.75" (zh-CN); CNY in Chinese → "¥17,078.99". */
export function formatMoney(minor, currency, lang = 'en') {
  if (!Number.isFinite(minor) || typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) return '—';
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
  }).format(amount);
}

/** "2026-11-30" → "Nov 30, 2026" / "2026年11月30日" (a calendar date: no time zone shift). */
export function formatDate(isoDate, lang = 'en') {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(isoDate ?? ''));
  if (!match) return isoDate ? String(isoDate) : '—';
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** An instant in the reader's own time zone. */
export function formatDateTime(iso, lang = 'en') {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso ? String(iso) : '—';
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatTime(iso, lang = 'en') {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale(lang), { timeStyle: 'short' }).format(date);
}

export function formatPercent(fraction, lang = 'en', digits = 1) {
  if (!Number.isFinite(fraction)) return '—';
  return new Intl.NumberFormat(locale(lang), {
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
  }).format(fraction);
}

export function formatNumber(value, lang = 'en') {
  if (!Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 2 }).format(value);
}

/** "pay_in_full" → "Pay in full"; for labels the page has no translation of. */
export function humanise(key) {
  const text = String(key ?? '')
    .replace(/Minor$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
