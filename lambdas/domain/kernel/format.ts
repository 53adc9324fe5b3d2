/**
 * Money and dates as every message writes them: drafts, the assistant's replies, debit notices and mandates
 * state the same figure the same way, and the gate checks figures in this form.
 */
import type { Currency, Language } from './types';

/** `USD 1,234.50` in English; `1,234.50美元` / `人民币1,234.50元` in Chinese. */
export function formatMoney(minor: number, currency: Currency, language: Language): string {
  const whole = Math.floor(minor / 100).toLocaleString('en-US');
  const amount = `${whole}.${String(minor % 100).padStart(2, '0')}`;
  if (language === 'en') return `${currency} ${amount}`;
  return currency === 'CNY' ? `人民币${amount}元` : `${amount}美元`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Dec 30, 2026` in English (as a US reader writes it); `2026年12月30日` in Chinese. */
export function formatDate(isoDate: string, language: Language): string {
  const [year, month, day] = isoDate.split('-');
  if (language === 'en') return `${MONTHS[Number(month) - 1]} ${Number(day)}, ${year}`;
  return `${year}年${Number(month)}月${Number(day)}日`;
}
