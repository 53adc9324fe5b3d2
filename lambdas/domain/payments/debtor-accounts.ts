/**
 * The customer's own bank account a mandate debits, checked the way its country numbers accounts, so a typo
 * (or a word) never becomes a mandate:
 * - **US**: the ABA routing number (9 digits, a known Federal Reserve prefix, the 3-7-1 checksum) and the
 *   account number (4 to 17 digits);
 * - **China**: the bank card number (16 to 19 digits, Luhn check digit), as UnionPay debit cards carry it;
 * - **IBAN** (where a jurisdiction's debits use it): the country's length and format and the mod-97 check,
 *   by `ibantools`, which keeps the per-country formats current.
 *
 * Stored and sent to the bank as one canonical string: `US` + routing + account, `CN` + card, or the IBAN's
 * electronic format; customers only ever see its last four characters.
 */
import { electronicFormatIBAN, ValidationErrorsIBAN, validateIBAN } from 'ibantools';
import { DomainError } from '../errors';

export type DebtorAccountFormat = 'us_routing_and_account' | 'cn_bank_card' | 'iban';

export interface DebtorAccountInput {
  readonly debtorAccount: string;
  /** US only: the bank's routing number. */
  readonly routingNumber?: string;
}

/** Spaces, dashes and dots people type in account numbers are dropped; letters are upper-cased. */
const compact = (raw: string) => raw.replace(/[\s.-]/g, '').toUpperCase();

const invalid = (code: 'INVALID_DEBTOR_ACCOUNT' | 'INVALID_ROUTING_NUMBER', message: string) =>
  new DomainError('invalid', code, message);

/** The canonical account for `format`, or a 400 naming what is wrong. */
export function canonicalDebtorAccount(format: DebtorAccountFormat, input: DebtorAccountInput): string {
  if (format !== 'us_routing_and_account' && input.routingNumber !== undefined) {
    throw invalid('INVALID_ROUTING_NUMBER', 'Only US bank accounts have a routing number.');
  }
  const account = compact(input.debtorAccount);
  switch (format) {
    case 'us_routing_and_account': {
      const routing = compact(input.routingNumber ?? '');
      if (!isAbaRoutingNumber(routing)) {
        throw invalid(
          'INVALID_ROUTING_NUMBER',
          'The routing number is the 9 digits printed first on a check; this one is not a valid US routing number.',
        );
      }
      if (!/^\d{4,17}$/.test(account)) {
        throw invalid('INVALID_DEBTOR_ACCOUNT', 'A US bank account number is 4 to 17 digits.');
      }
      return `US${routing}${account}`;
    }
    case 'cn_bank_card':
      if (!/^\d{16,19}$/.test(account) || !passesLuhn(account)) {
        throw invalid(
          'INVALID_DEBTOR_ACCOUNT',
          'A bank card number is 16 to 19 digits, and this one is not valid: please check it.',
        );
      }
      return `CN${account}`;
    case 'iban': {
      const iban = electronicFormatIBAN(account) ?? '';
      const { valid, errorCodes } = validateIBAN(iban);
      if (!valid) {
        throw invalid(
          'INVALID_DEBTOR_ACCOUNT',
          errorCodes.includes(ValidationErrorsIBAN.WrongIBANChecksum)
            ? 'This IBAN has a typing error (its check digits do not match): please check it.'
            : 'This is not a valid IBAN for its country.',
        );
      }
      return iban;
    }
  }
}

/**
 * ABA routing numbers of customers' banks: 9 digits whose first two name a Federal Reserve district (01–12),
 * a thrift (21–32), an electronic routing number (61–72) or traveller's cheques (80), and whose digits weighted
 * 3, 7, 1 sum to a multiple of 10. (00 is the US Treasury's own, never a customer's bank.)
 */
export function isAbaRoutingNumber(routing: string): boolean {
  if (!/^\d{9}$/.test(routing)) return false;
  const prefix = Number(routing.slice(0, 2));
  const knownPrefix =
    (prefix >= 1 && prefix <= 12) ||
    (prefix >= 21 && prefix <= 32) ||
    (prefix >= 61 && prefix <= 72) ||
    prefix === 80;
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  const sum = [...routing].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0);
  return knownPrefix && sum % 10 === 0;
}

/** The Luhn (mod 10) check digit of card numbers. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    const digit = Number(digits[digits.length - 1 - index]);
    const doubled = index % 2 === 1 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return sum % 10 === 0;
}
