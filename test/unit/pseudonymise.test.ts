import { describe, expect, it } from 'vitest';
import {
  mapStrings,
  maskedAccountRef,
  PLACEHOLDERS,
  personalDataOf,
  pseudonymise,
  reidentify,
} from '../../lambdas/domain/drafting/pseudonymise';
import { anAccount } from '../support/accounts';

const account = anAccount({ accountId: 'ACC-004217' });
const personal = personalDataOf(account);
const pseudo = (text: string) => pseudonymise(text, personal, account.accountId);
const reid = (text: string) => reidentify(text, personal, account.accountId);

describe('pseudonymise', () => {
  it('replaces the name, its parts, the account id, phone, e-mail and date of birth', () => {
    const text =
      'Alex Example (alex, ACC-004217) at +1-202-555-0100 / 12025550100, ALEX.EXAMPLE@example.com, born 1980-04-02; Mr Example';
    const result = pseudo(text);
    expect(result).toBe(
      '{{CUSTOMER_NAME}} ({{CUSTOMER_NAME}}, {{ACCOUNT_REF}}) at {{PHONE}} / {{PHONE}}, {{EMAIL}}, born {{DATE_OF_BIRTH}}; Mr {{CUSTOMER_NAME}}',
    );
    for (const value of ['Alex', 'Example', 'ACC-004217', '555', 'example.com', '1980']) {
      expect(result.toLowerCase()).not.toContain(value.toLowerCase());
    }
  });

  it('matches Latin values at word edges only', () => {
    const ann = personalDataOf(
      anAccount({ accountId: 'ACC-1', customer: { ...account.customer, name: 'Ann Lee' } }),
    );
    expect(pseudonymise('Your annual statement, Ann.', ann, 'ACC-1')).toBe(
      'Your annual statement, {{CUSTOMER_NAME}}.',
    );
  });

  it('finds Chinese names inside Chinese text', () => {
    const wang = personalDataOf(
      anAccount({ accountId: 'ACC-2', customer: { ...account.customer, name: '王小明' } }),
    );
    expect(pseudonymise('王小明您好', wang, 'ACC-2')).toBe('{{CUSTOMER_NAME}}您好');
  });

  it('leaves amounts and dates alone', () => {
    const text = 'Pay USD 1,200.00 by 2026-12-30 (20%).';
    expect(pseudo(text)).toBe(text);
  });
});

describe('reidentify', () => {
  it('re-inserts the name and the masked account reference only', () => {
    expect(reid(`Hi ${PLACEHOLDERS.customerName}, account ${PLACEHOLDERS.accountRef}.`)).toBe(
      'Hi Alex Example, account ****4217.',
    );
    expect(maskedAccountRef('ACC-004217')).toBe('****4217');
  });

  it('drops other placeholders, e-mail addresses and phone numbers the model wrote', () => {
    const text =
      'Call {{PHONE}} or +1 (800) 555-0199, write to help@bank.example or {{EMAIL}} {{UNKNOWN}}by 2026-12-30.';
    expect(reid(text)).toBe('Call  or , write to  or  by 2026-12-30.');
  });

  it('removes the full account id if the model echoes it, writing the masked reference', () => {
    expect(reid('Account ACC-004217, alex.example@example.com')).toBe('Account ****4217, ');
  });

  it('maps every string of a nested value', () => {
    const value = { a: 'Alex', b: [{ c: 'ACC-004217' }], n: 3 };
    expect(mapStrings(value, pseudo)).toEqual({
      a: '{{CUSTOMER_NAME}}',
      b: [{ c: '{{ACCOUNT_REF}}' }],
      n: 3,
    });
  });
});
