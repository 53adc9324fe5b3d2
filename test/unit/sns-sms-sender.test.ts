import { describe, expect, it } from 'vitest';
import { toE164 } from '../../lambdas/adapters/messaging/sns-sms-sender';

/** The message toE164 throws for `phone`. */
function rejection(phone: string): string {
  try {
    toE164(phone);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`expected ${phone} to be rejected`);
}

describe('toE164', () => {
  it.each([
    ['+1-202-555-0100', '+12025550100'],
    ['+1 (202) 555-0100', '+12025550100'],
    ['+12025550100', '+12025550100'],
    ['  +1 202 555 0100  ', '+12025550100'],
    ['+86 138 0013 8000', '+8613800138000'],
    ['+86-138-0013-8000', '+8613800138000'],
  ])('writes %s as %s', (phone, e164) => {
    expect(toE164(phone)).toBe(e164);
  });

  it('accepts 8 to 15 digits, the E.164 range', () => {
    expect(toE164('+1234 5678')).toBe('+12345678');
    expect(toE164('+123 456 789 012 345')).toBe('+123456789012345');
  });

  it.each([
    ['no leading +', '202-555-0100'],
    ['a national number with a trunk prefix', '0138 0013 8000'],
    ['a + that is not first', '1+2025550100'],
    ['too few digits', '+1234567'],
    ['too many digits', '+1234567890123456'],
    ['no digits', '+'],
    ['an empty string', ''],
  ])('rejects %s', (_, phone) => {
    expect(() => toE164(phone)).toThrow(/^Not an international phone number/);
  });

  it('masks all but the last two digits in the error, however the number is written', () => {
    expect(rejection('2025550100')).toBe('Not an international phone number: ••••••••00');
    expect(rejection('202-555-0100')).toBe('Not an international phone number: •••-•••-••00');
    expect(rejection('(202) 555 0142')).toBe('Not an international phone number: (•••) ••• ••42');
    expect(rejection('+1234567')).toBe('Not an international phone number: +•••••67');
  });

  it('never repeats more than two digits of the number in the error', () => {
    for (const phone of ['202-555-0100', '0138 0013 8000', '+1 2 3 4 5 6 7', '+1234567890123456']) {
      expect(rejection(phone).replace(/\D/g, '').length).toBeLessThanOrEqual(2);
    }
  });
});

describe('toE164 on numbers with more than digits', () => {
  it.each(['+1 202 555 0100 ext 5', '+1-202-CALL-NOW', '+0 202 555 0100'])('rejects %s', (phone) => {
    expect(() => toE164(phone)).toThrow(/Not an international phone number/);
  });
});
