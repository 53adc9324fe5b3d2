/**
 * The debit policy, per product and per jurisdiction: when an instalment counts as missed, how far ahead the
 * customer is told, how late they may stop a debit, what must stay in their bank account, and how often a
 * failed debit is presented again. One typed table, read by the domain and shown in the portal.
 */
import type { Account, Jurisdiction } from '../accounts/account';
import { addDays, isBusinessDay, PUBLIC_HOLIDAYS } from '../offers/business-days';
import type { DebtorAccountFormat } from './debtor-accounts';

export interface JurisdictionDebitPolicy {
  /** Business days between the pre-debit notice and the debit. Never fewer than `stopNoticeBusinessDays`. */
  readonly noticeLeadBusinessDays: number;
  /**
   * The stop notice the rules require: a stop request this many business days before the debit must stop it
   * (US Reg E 1005.10(c): 3). We honour later ones too, as long as the debit has not run.
   */
  readonly stopNoticeBusinessDays: number;
  /** A debit never leaves less than this in the customer's bank account (minor units). */
  readonly protectedMinimumMinor: number;
  /** Presentments after a refused debit (NACHA allows 2); each one is noticed like the first. */
  readonly maxRepresentments: number;
  readonly representmentGapBusinessDays: number;
  /** Scheduled debits run at this UTC hour of their business day: a working morning where the bank is. */
  readonly debitHourUtc: number;
  /** How customers' bank accounts are numbered where the debits are taken (`debtor-accounts.ts`). */
  readonly debtorAccountFormat: DebtorAccountFormat;
}

export interface DebitPolicy {
  readonly version: string;
  /** Days after the due date before an unpaid instalment counts as missed, per product. */
  readonly graceDays: Record<Account['product'], number>;
  readonly jurisdictions: Record<Jurisdiction, JurisdictionDebitPolicy>;
}

export const DEBIT_POLICY: DebitPolicy = {
  version: '2026.11.1',
  graceDays: { credit_card: 3 },
  jurisdictions: {
    US: {
      noticeLeadBusinessDays: 4,
      stopNoticeBusinessDays: 3,
      protectedMinimumMinor: 100_00,
      maxRepresentments: 2,
      representmentGapBusinessDays: 3,
      debitHourUtc: 15, // 10:00 in New York
      debtorAccountFormat: 'us_routing_and_account',
    },
    CN: {
      noticeLeadBusinessDays: 2,
      stopNoticeBusinessDays: 1,
      protectedMinimumMinor: 500_00,
      maxRepresentments: 2,
      representmentGapBusinessDays: 2,
      debitHourUtc: 2, // 10:00 in Beijing
      debtorAccountFormat: 'cn_bank_card',
    },
  },
};

const holidaysOf = (jurisdiction: Jurisdiction) => new Set(PUBLIC_HOLIDAYS[jurisdiction]);

/** `days` business days after `date` (negative: before), skipping weekends and the jurisdiction's holidays. */
export function addBusinessDays(date: string, days: number, jurisdiction: Jurisdiction): string {
  const holidays = holidaysOf(jurisdiction);
  const step = days < 0 ? -1 : 1;
  let result = date;
  for (let left = Math.abs(days); left > 0; ) {
    result = addDays(result, step);
    if (isBusinessDay(result, holidays)) left--;
  }
  return result;
}

/** The instant an instalment counts as missed: the end of its due date plus the grace days (UTC). */
export function missAtOf(dueDate: string, product: Account['product'], policy = DEBIT_POLICY): string {
  return `${addDays(dueDate, policy.graceDays[product] + 1)}T00:00:00.000Z`;
}

export const debitInstantOn = (date: string, rules: JurisdictionDebitPolicy): string =>
  `${date}T${String(rules.debitHourUtc).padStart(2, '0')}:00:00.000Z`;
