/**
 * Personal data staff see by default: enough to recognise the customer, not enough to impersonate them. The
 * date of birth (an identity check in the portal and on calls) shows as its year; phone numbers and e-mail
 * addresses keep only what tells two apart. Revealing a field in full is an explicit, audited action.
 */

/** The fields shown masked until revealed. */
export const REVEALABLE_FIELDS = ['dateOfBirth', 'phone', 'email'] as const;
export type RevealableField = (typeof REVEALABLE_FIELDS)[number];

/** `+1-202-555-0100` → `+1-•••-•••-••00`: separators and the country code stay, the last two digits show. */
export function maskPhone(phone: string): string {
  const trimmed = phone.trim();
  const country = /^\+\d{1,3}(?=[\s-])/.exec(trimmed)?.[0] ?? '';
  const rest = trimmed.slice(country.length);
  let toMask = rest.replace(/\D/g, '').length - 2;
  return country + rest.replace(/\d/g, (digit) => (toMask-- > 0 ? '•' : digit));
}

/** `alex.lee@example.com` → `a•••@example.com`. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at <= 0) return '•••';
  return `${email[0]}•••${email.slice(at)}`;
}

/** `1980-04-02` → `1980`. */
export const birthYearOf = (dateOfBirth: string): number | null => {
  const year = Number(dateOfBirth.slice(0, 4));
  return Number.isInteger(year) && /^\d{4}-/.test(dateOfBirth) ? year : null;
};
