/**
 * The daily promise check: a promise to pay whose due date has passed while the arrears are still unpaid is
 * broken. Each broken promise is announced as `PromiseBroken`; applying it (`patchFor`, customer-decisions.ts) clears the promise and
 * escalates the account, so an agent follows up from the queue.
 *
 * Dates are UTC dates: a promise due on day D is checked from D+1 (00:00 UTC) on, which is never before the
 * end of D for a customer west of Greenwich and at most a few hours early for one east of it — the schedule
 * runs at 06:00 UTC, after midnight in both the US and China.
 */
import { domainEvent } from '../../../contracts/events';
import type { Account, PromiseToPay } from '../accounts/account';
import type { Clock, DomainEvent, EventPublisher } from '../ports';

export type PromiseAccount = Pick<Account, 'accountId' | 'amountOverdueMinor'> & {
  readonly flags: Pick<Account['flags'], 'promiseToPay'>;
  readonly promise?: PromiseToPay;
};

/** The attributes `PromiseAccount` needs, as document paths for a scan's projection. */
export const PROMISE_ATTRIBUTES = [
  'accountId',
  'amountOverdueMinor',
  'flags.promiseToPay',
  'promise',
] as const;

export interface PromiseAccounts {
  /** Accounts flagged with a promise to pay (the domain decides which are broken). */
  withPromises(): Promise<PromiseAccount[]>;
}

export type PromiseStatus = 'broken' | 'kept' | 'not_yet_due' | 'no_promise';

/** Where the promise stands on `today` (`YYYY-MM-DD`, UTC); kept = due date passed with nothing overdue. */
export function promiseStatus(account: PromiseAccount, today: string): PromiseStatus {
  const dueDate = account.promise?.dueDate;
  if (!account.flags.promiseToPay || !dueDate) return 'no_promise';
  if (dueDate >= today) return 'not_yet_due';
  return account.amountOverdueMinor > 0 ? 'broken' : 'kept';
}

export function promiseBrokenEvent(account: PromiseAccount, brokenAt: string): DomainEvent<'PromiseBroken'> {
  const promise = account.promise!;
  return domainEvent('PromiseBroken', {
    // Stable per account and promise: a repeated check announces the same request.
    requestId: `broken#${account.accountId}#${promise.dueDate}`,
    accountId: account.accountId,
    dueDate: promise.dueDate,
    amountMinor: promise.amountMinor,
    amountOverdueMinor: account.amountOverdueMinor,
    brokenAt,
  });
}

export interface PromiseCheckReport {
  readonly today: string;
  readonly checked: number;
  readonly broken: number;
  readonly kept: number;
  readonly notYetDue: number;
  readonly brokenAccountIds: readonly string[];
}

export async function checkPromises(deps: {
  accounts: PromiseAccounts;
  events: EventPublisher;
  clock: Clock;
}): Promise<PromiseCheckReport> {
  const now = deps.clock.now();
  const today = now.toISOString().slice(0, 10);
  const accounts = await deps.accounts.withPromises();
  const counts: Record<PromiseStatus, number> = { broken: 0, kept: 0, not_yet_due: 0, no_promise: 0 };
  const broken: PromiseAccount[] = [];
  for (const account of accounts) {
    const status = promiseStatus(account, today);
    counts[status] += 1;
    if (status === 'broken') broken.push(account);
  }
  await deps.events.publish(broken.map((account) => promiseBrokenEvent(account, now.toISOString())));
  return {
    today,
    checked: accounts.length,
    broken: counts.broken,
    kept: counts.kept,
    notYetDue: counts.not_yet_due,
    brokenAccountIds: broken.map((account) => account.accountId),
  };
}
