// @ts-check
// Amounts as people type them into the portal's and the console's forms, read as integer minor units (the
// way the API takes money), and minor units written back as a field's starting value.
import { digitsOf } from './format.js';

/**
 * Full-width digits and points (typed with a Chinese input method) as ASCII.
 * @param {unknown} text
 */
const halfWidth = (text) =>
  String(text ?? '').replace(/[０-９．，]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));

/**
 * "12.34" → 1234 minor units, by string handling only (no floating point on the way): whole and fraction
 * digits are joined as text and read as one integer. Thousands separators ("1,234.50") are allowed;
 * null for anything else, more fraction digits than the currency has, or zero.
 * @param {unknown} text
 * @param {string} currency
 * @returns {number | null}
 */
export function parseAmountMinor(text, currency) {
  const digits = digitsOf(currency);
  const compact = halfWidth(text).trim().replace(/\s+/g, '');
  const match = /^(\d{1,3}(?:,\d{3})+|\d{1,12})(?:\.(\d*))?$/.exec(compact);
  if (!match) return null;
  const whole = /** @type {string} */ (match[1]).replace(/,/g, '');
  const fraction = match[2] ?? '';
  if (whole.length > 12 || fraction.length > digits) return null;
  const minor = Number.parseInt(`${whole}${fraction.padEnd(digits, '0')}`, 10);
  return Number.isSafeInteger(minor) && minor > 0 ? minor : null;
}

/**
 * 1234 → "12.34": what an amount field is prefilled with.
 * @param {number} minor
 * @param {string} currency
 */
export function minorToInput(minor, currency) {
  const digits = digitsOf(currency);
  const text = String(Math.max(0, Math.trunc(minor))).padStart(digits + 1, '0');
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
