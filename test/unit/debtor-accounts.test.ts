/** Bank account vectors per country: valid and invalid check digits, lengths and formats. */
import { describe, expect, it } from 'vitest';
import {
  canonicalDebtorAccount,
  isAbaRoutingNumber,
  passesLuhn,
} from '../../lambdas/domain/payments/debtor-accounts';

const errorCodeOf = (run: () => unknown) => {
  try {
    run();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('US routing numbers (ABA checksum 3-7-1)', () => {
  it.each([
    '021000021', // JPMorgan Chase, New York
    '011000015', // Federal Reserve Bank of Boston
    '026009593', // Bank of America
    '121000358', // Bank of America, California
    '322271627', // Chase, California (thrift range)
    '111000025',
  ])('accepts %s', (routing) => expect(isAbaRoutingNumber(routing)).toBe(true));

  it.each([
    ['021000022', 'check digit off by one'],
    ['021000012', 'two digits swapped'],
    ['000000000', 'all zeros'],
    ['990000001', 'no such Federal Reserve prefix'],
    ['130000003', 'prefix 13 is unassigned'],
    ['02100002', 'eight digits'],
    ['0210000210', 'ten digits'],
    ['02100002A', 'a letter'],
  ])('refuses %s (%s)', (routing) => expect(isAbaRoutingNumber(routing)).toBe(false));
});

describe('Luhn check digit (Chinese bank cards)', () => {
  it.each(['6222021234567890128', '4111111111111111', '6222020000400001111', '79927398713'])(
    'accepts %s',
    (digits) => expect(passesLuhn(digits)).toBe(true),
  );
  it.each(['6222021234567890127', '4111111111111112', '79927398710'])('refuses %s', (digits) =>
    expect(passesLuhn(digits)).toBe(false),
  );
});

describe('canonicalDebtorAccount', () => {
  it('US: routing plus 4–17 digits, typed with spaces or dashes, stored as US+routing+account', () => {
    expect(
      canonicalDebtorAccount('us_routing_and_account', {
        debtorAccount: '0001 2345-6789',
        routingNumber: '021-000-021',
      }),
    ).toBe('US021000021000123456789');
    const code = (debtorAccount: string, routingNumber?: string) =>
      errorCodeOf(() => canonicalDebtorAccount('us_routing_and_account', { debtorAccount, routingNumber }));
    expect(code('000123456789')).toBe('INVALID_ROUTING_NUMBER');
    expect(code('000123456789', '021000022')).toBe('INVALID_ROUTING_NUMBER');
    expect(code('123', '021000021')).toBe('INVALID_DEBTOR_ACCOUNT');
    expect(code('1'.repeat(18), '021000021')).toBe('INVALID_DEBTOR_ACCOUNT');
    expect(code('SCUNTHORPEGENERALHOSPITAL', '021000021')).toBe('INVALID_DEBTOR_ACCOUNT');
  });

  it('China: a 16–19 digit card with its Luhn digit, stored as CN+card; no routing number', () => {
    expect(canonicalDebtorAccount('cn_bank_card', { debtorAccount: '6222 0212 3456 7890 128' })).toBe(
      'CN6222021234567890128',
    );
    const code = (debtorAccount: string, routingNumber?: string) =>
      errorCodeOf(() => canonicalDebtorAccount('cn_bank_card', { debtorAccount, routingNumber }));
    expect(code('6222021234567890127')).toBe('INVALID_DEBTOR_ACCOUNT');
    expect(code('622202123456789')).toBe('INVALID_DEBTOR_ACCOUNT'); // 15 digits
    expect(code('62220212345678901234')).toBe('INVALID_DEBTOR_ACCOUNT'); // 20 digits, though Luhn-valid
    expect(code('SCUNTHORPEGENERALHOSPITAL')).toBe('INVALID_DEBTOR_ACCOUNT');
    expect(code('6222021234567890128', '021000021')).toBe('INVALID_ROUTING_NUMBER');
  });

  it('IBAN: the country format and the mod-97 check digits', () => {
    expect(canonicalDebtorAccount('iban', { debtorAccount: 'de89 3704 0044 0532 0130 00' })).toBe(
      'DE89370400440532013000',
    );
    expect(canonicalDebtorAccount('iban', { debtorAccount: 'GB82 WEST 1234 5698 7654 32' })).toBe(
      'GB82WEST12345698765432',
    );
    const code = (debtorAccount: string) =>
      errorCodeOf(() => canonicalDebtorAccount('iban', { debtorAccount }));
    expect(code('DE88370400440532013000')).toBe('INVALID_DEBTOR_ACCOUNT'); // check digits wrong
    expect(code('DE89370400440532013001')).toBe('INVALID_DEBTOR_ACCOUNT'); // a digit mistyped
    expect(code('DE8937040044053201300')).toBe('INVALID_DEBTOR_ACCOUNT'); // one short for Germany
    expect(code('XX89370400440532013000')).toBe('INVALID_DEBTOR_ACCOUNT'); // no such country
    expect(code('SCUNTHORPEGENERALHOSPITAL')).toBe('INVALID_DEBTOR_ACCOUNT');
    expect(
      errorCodeOf(() =>
        canonicalDebtorAccount('iban', {
          debtorAccount: 'DE89370400440532013000',
          routingNumber: '021000021',
        }),
      ),
    ).toBe('INVALID_ROUTING_NUMBER');
  });
});
