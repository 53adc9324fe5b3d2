/**
 * How a payment lands: on the instalment it was taken for first (a debit), then on the oldest unpaid ones,
 * and on the account's balance, arrears and minimum due. Pure; the store writes it in one transaction,
 * conditional on the figures it was computed from.
 */
import type { Account } from '../accounts/account';
import type { PaymentApplication } from './payment-store';
import type { Instalment } from './payments';
import { outstandingOf } from './plan-debit';

export interface PaymentInput {
  readonly account: Account;
  readonly instalments: readonly Instalment[];
  readonly paymentId: string;
  readonly amountMinor: number;
  readonly receivedAt: string;
  readonly via: PaymentApplication['via'];
  /** The instalment a debit was taken for: it is paid first. */
  readonly forInstalmentId?: string;
}

export function applicationOf(input: PaymentInput): PaymentApplication {
  const { account, amountMinor } = input;
  const open = input.instalments
    .filter(
      (instalment) =>
        (instalment.status === 'due' || instalment.status === 'missed') && outstandingOf(instalment) > 0,
    )
    .sort(
      (a, b) =>
        Number(b.instalmentId === input.forInstalmentId) - Number(a.instalmentId === input.forInstalmentId) ||
        a.dueDate.localeCompare(b.dueDate),
    );
  let left = amountMinor;
  const allocations: PaymentApplication['allocations'][number][] = [];
  for (const instalment of open) {
    if (left <= 0) break;
    const share = Math.min(left, outstandingOf(instalment));
    left -= share;
    const paidMinor = instalment.paidMinor + share;
    allocations.push({
      instalment,
      paidMinor,
      status: paidMinor >= instalment.amountMinor ? 'paid' : instalment.status,
    });
  }
  const amountOverdueMinor = Math.max(0, account.amountOverdueMinor - amountMinor);
  const cured = amountOverdueMinor === 0;
  return {
    accountId: account.accountId,
    paymentId: input.paymentId,
    amountMinor,
    currency: account.currency,
    receivedAt: input.receivedAt,
    via: input.via,
    allocations,
    account: {
      before: { balanceMinor: account.balanceMinor, amountOverdueMinor: account.amountOverdueMinor },
      after: {
        balanceMinor: Math.max(0, account.balanceMinor - amountMinor),
        amountOverdueMinor,
        minimumDueMinor: Math.max(0, account.minimumDueMinor - amountMinor),
        cured,
        promiseKept: account.promise !== undefined && (cured || amountMinor >= account.promise.amountMinor),
      },
    },
  };
}
