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

/** `2026-12-30` in English; `2026年12月30日` in Chinese. */
export function formatDate(isoDate: string, language: Language): string {
  if (language === 'en') return isoDate;
  const [year, month, day] = isoDate.split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}
