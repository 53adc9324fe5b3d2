/**
 * Monitoring instalments. Statement instalments are tracked from each account's figures (the arrears, due
 * at the oldest unpaid due date, and the rest of the minimum due at the next due date); accepted plans'
 * instalments are tracked when the plan is accepted (see `payment-reactions.ts`). An instalment still unpaid
 * at its due date plus the product's grace is missed, and `PaymentMissed` goes out once; the instalment
 * stays in the work index until the event has gone, so a crash in between repeats it, never drops it.
 */
import { domainEvent } from '../../../contracts/events';
import type { Account } from '../accounts/account';
import type { Clock, DomainEvent, EventPublisher } from '../ports';
import { DEBIT_POLICY, type DebitPolicy, missAtOf } from './debit-policy';
import { ANNOUNCE_GRACE_MS } from './execute-debit';
import type { InstalmentKey, PaymentStore } from './payment-store';
import type { Instalment } from './payments';
import { outstandingOf } from './plan-debit';

export type MonitoredAccount = Pick<
  Account,
  | 'accountId'
  | 'product'
  | 'currency'
  | 'amountOverdueMinor'
  | 'minimumDueMinor'
  | 'oldestUnpaidDueDate'
  | 'nextDueDate'
> & { readonly repaymentPlan?: Pick<NonNullable<Account['repaymentPlan']>, 'kind'> };

/** The attributes `MonitoredAccount` needs, as document paths for a scan's projection. */
export const MONITORED_ACCOUNT_ATTRIBUTES = [
  'accountId',
  'product',
  'currency',
  'amountOverdueMinor',
  'minimumDueMinor',
  'oldestUnpaidDueDate',
  'nextDueDate',
  'repaymentPlan.kind',
] as const;

export interface MonitoredAccounts {
  /** Every account, a page at a time. */
  pages(): AsyncIterable<readonly MonitoredAccount[]>;
}

export interface MonitorDeps {
  readonly store: PaymentStore;
  readonly events: EventPublisher;
  readonly clock: Clock;
  readonly policy?: DebitPolicy;
}

/** The statement instalments an account's figures show; none while an accepted plan is its schedule. */
export function statementInstalments(
  account: MonitoredAccount,
  now: Date,
  policy = DEBIT_POLICY,
): Instalment[] {
  if (account.repaymentPlan) return [];
  const createdAt = now.toISOString();
  const instalment = (dueDate: string, amountMinor: number): Instalment => ({
    accountId: account.accountId,
    instalmentId: `statement-${dueDate}`,
    source: 'statement',
    dueDate,
    currency: account.currency,
    amountMinor,
    paidMinor: 0,
    status: 'due',
    missAt: missAtOf(dueDate, account.product, policy),
    createdAt,
  });
  const found: Instalment[] = [];
  if (account.amountOverdueMinor > 0 && account.oldestUnpaidDueDate) {
    found.push(instalment(account.oldestUnpaidDueDate, account.amountOverdueMinor));
  }
  const upcoming = account.minimumDueMinor - account.amountOverdueMinor;
  if (upcoming > 0 && account.nextDueDate && account.nextDueDate !== account.oldestUnpaidDueDate) {
    found.push(instalment(account.nextDueDate, upcoming));
  }
  return found;
}

/** Tracks the account's statement instalments (idempotent: an instalment already tracked stays as it is). */
export async function trackStatements(
  deps: Pick<MonitorDeps, 'store' | 'clock' | 'policy'>,
  account: MonitoredAccount,
): Promise<number> {
  const created = await Promise.all(
    statementInstalments(account, deps.clock.now(), deps.policy).map((i) => deps.store.trackInstalment(i)),
  );
  return created.filter(Boolean).length;
}

export interface MonitorReport {
  readonly accounts: number;
  readonly tracked: number;
  readonly missed: number;
  /** Plan instalments whose due-date debit was planned this run. */
  readonly collecting: number;
}

/**
 * The scheduled run: track every account's statement instalments, plan the due-date debits of agreed plans
 * whose customer chose them (`collectComingDue`, payment-reactions.ts), then raise what is missed.
 */
export async function monitorInstalments(
  deps: MonitorDeps & {
    readonly accounts: MonitoredAccounts;
    /** Plans the due-date debits of the account's plan instalments coming due; how many were planned. */
    readonly collectComingDue?: (accountId: string) => Promise<number>;
  },
  options: { concurrency: number; limit: number },
): Promise<MonitorReport> {
  let accounts = 0;
  let tracked = 0;
  let collecting = 0;
  const visit = async (account: MonitoredAccount) => {
    const created = await trackStatements(deps, account);
    const planned =
      account.repaymentPlan && deps.collectComingDue ? await deps.collectComingDue(account.accountId) : 0;
    return { created, planned };
  };
  for await (const page of deps.accounts.pages()) {
    accounts += page.length;
    for (let start = 0; start < page.length; start += options.concurrency) {
      const counts = await Promise.all(page.slice(start, start + options.concurrency).map(visit));
      tracked += counts.reduce((sum, n) => sum + n.created, 0);
      collecting += counts.reduce((sum, n) => sum + n.planned, 0);
    }
  }
  const missed = await raiseMissed(deps, options);
  return { accounts, tracked, missed, collecting };
}

/** Every instalment past its miss time and unpaid becomes missed and is announced once. */
export async function raiseMissed(
  deps: MonitorDeps,
  options: { concurrency: number; limit: number },
): Promise<number> {
  const now = deps.clock.now();
  const work = await deps.store.dueWork(now.toISOString(), options.limit);
  let missed = 0;
  for (let start = 0; start < work.instalments.length; start += options.concurrency) {
    const results = await Promise.all(
      work.instalments
        .slice(start, start + options.concurrency)
        .map((key) => checkInstalment(deps, key, now)),
    );
    missed += results.filter(Boolean).length;
  }
  return missed;
}

async function checkInstalment(deps: MonitorDeps, key: InstalmentKey, now: Date): Promise<boolean> {
  const instalment = await deps.store.getInstalment(key);
  if (!instalment) return false;
  const nowIso = now.toISOString();
  if (instalment.status === 'due' && instalment.missAt <= nowIso && outstandingOf(instalment) > 0) {
    if (
      !(await deps.store.markMissed(key, nowIso, new Date(now.getTime() + ANNOUNCE_GRACE_MS).toISOString()))
    ) {
      return false;
    }
    await deps.events.publish([missedEvent({ ...instalment, status: 'missed', missedAt: nowIso })]);
    await deps.store.markMissedAnnounced(key);
    return true;
  }
  // Missed earlier but its event may not have gone out; paid or superseded: nothing left to watch.
  if (instalment.status === 'missed') await deps.events.publish([missedEvent(instalment)]);
  if (instalment.status !== 'due') await deps.store.markMissedAnnounced(key);
  return false;
}

export function missedEvent(instalment: Instalment): DomainEvent {
  return domainEvent('PaymentMissed', {
    accountId: instalment.accountId,
    instalmentId: instalment.instalmentId,
    source: instalment.source,
    dueDate: instalment.dueDate,
    amountMinor: instalment.amountMinor,
    outstandingMinor: outstandingOf(instalment),
    currency: instalment.currency,
    missedAt: instalment.missedAt,
  });
}
