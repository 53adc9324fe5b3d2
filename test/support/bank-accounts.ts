/**
 * Bank accounts that pass the per-country checks (`debtor-accounts.ts`), with the last four digits a test
 * wants: the simulated bank reads behaviour from them (0000 closed, 9999 unknown, 1111 low balance, 2222
 * debits blocked).
 */
import { passesLuhn } from '../../lambdas/domain/payments/debtor-accounts';

/** JPMorgan Chase, New York: a real, valid ABA routing number. */
export const US_ROUTING = '021000021';

/** A US account number (no check digit) ending in `ending`. */
export const usAccountNumber = (ending: string) => `400012${ending}`;

/** `usAccountNumber` as the mandate stores it: `US` + routing + account. */
export const usDebtor = (ending: string) => `US${US_ROUTING}${usAccountNumber(ending)}`;

/** A 19-digit UnionPay card number ending in `ending`, with a digit in the middle set for the Luhn check. */
export function cnCardNumber(ending: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    const card = `6222020000${digit}`.padEnd(19 - ending.length, '0') + ending;
    if (passesLuhn(card)) return card;
  }
  throw new Error(`No Luhn-valid card ends in ${ending}`);
}

/** `cnCardNumber` as the mandate stores it. */
export const cnDebtor = (ending: string) => `CN${cnCardNumber(ending)}`;
