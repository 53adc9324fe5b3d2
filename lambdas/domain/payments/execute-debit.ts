/**
 * Running a debit attempt, exactly once in effect.
 *
 * - A worker claims the attempt with a conditional write and a lease; a second worker finds it taken.
 * - Everything is checked again just before money moves: payment received, holds, revocation, the notice.
 * - The amount is fixed on the attempt before the gateway is called, and the gateway gets the attempt's
 *   idempotency key, so any re-send is the same request and the bank books it once.
 * - A timeout (outcome unknown) or a worker that died between the gateway call and the write (its lease
 *   runs out) is reconciled by asking the gateway about the key before anything is sent again.
 * - Success is written together with the payment on the instalment and the account, in one transaction.
 * - Results are announced (`DebitSucceeded` / `DebitFailed` / `DebitCancelled`) from the record, and the
 *   record stays in the work index until the event went out, so a crash in between loses nothing.
 */
import { domainEvent } from '../../../contracts/events';
import type { Account } from '../accounts/account';
import type { Outbox } from '../outreach/outreach';
import type { AccountRepository, Clock, DomainEvent, EventPublisher } from '../ports';
import { DEBIT_POLICY, type DebitPolicy } from './debit-policy';
import { applicationOf } from './payment-application';
import { directChannelFor } from './payment-notices';
import type { AttemptRef, PaymentStore } from './payment-store';
import type {
  DebitAttempt,
  DebitBlockReason,
  DebitFailureReason,
  GatewayOutcome,
  Instalment,
  Mandate,
  PaymentGateway,
} from './payments';
import { debitBlockReasons, NOTICED_REQUESTERS, outstandingOf } from './plan-debit';

export interface ExecuteDebitDeps {
  readonly store: PaymentStore;
  readonly gateway: PaymentGateway;
  readonly accounts: AccountRepository;
  readonly outbox: Outbox;
  readonly events: EventPublisher;
  readonly clock: Clock;
  readonly policy?: DebitPolicy;
  readonly newLeaseId?: () => string;
}

/** Longer than any gateway call may take (its timeout is 10 s): past it the worker is presumed dead. */
export const LEASE_MS = 2 * 60_000;
/** A result, or a missed instalment's event, not confirmed published by then is published again by the next sweep. */
export const ANNOUNCE_GRACE_MS = 5 * 60_000;
/** Lookups of an unknown outcome, 2, 4, 8 … 60 minutes apart, before a person has to reconcile it. */
export const MAX_RECONCILIATIONS = 6;
/** When the bank cannot tell us the balance, the attempt waits this long and tries again. */
const BALANCE_RETRY_MS = 15 * 60_000;
/** Refusals worth presenting again: the money may be there in a few days. Closed accounts will not be. */
const REPRESENTABLE: readonly DebitFailureReason[] = ['insufficient_funds'];

export type ExecuteOutcome =
  | 'succeeded'
  | 'failed'
  | 'unknown'
  | 'unresolved'
  | 'cancelled'
  | 'deferred'
  | 'not_due'
  | 'taken';

export async function executeAttempt(deps: ExecuteDebitDeps, ref: AttemptRef): Promise<ExecuteOutcome> {
  const attempt = await deps.store.getAttempt(ref);
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  if (!attempt || !['scheduled', 'executing', 'unknown'].includes(attempt.state)) return 'taken';
  if (attempt.state === 'scheduled' && attempt.debitAt > nowIso) return 'not_due';

  const leaseId = deps.newLeaseId?.() ?? crypto.randomUUID();
  const claimed = await deps.store.claimAttempt(ref, nowIso, leaseId, later(now, LEASE_MS));
  if (!claimed) return 'taken';
  const run = new AttemptRun(deps, claimed, leaseId);
  // An amount on the attempt means a run may have sent it: ask the bank before anything else.
  if (claimed.amountMinor !== undefined) {
    const found = await deps.gateway.lookup(claimed.idempotencyKey);
    if (found.status !== 'not_found') return run.record(found);
  }
  const stop = await run.stopReasons();
  if (stop.length > 0) return run.cancel(stop);
  const amount = claimed.amountMinor ?? (await run.amountToTake());
  if (typeof amount !== 'number') return amount;
  return run.record(
    await deps.gateway.debit({
      idempotencyKey: claimed.idempotencyKey,
      debtorAccount: claimed.debtorAccount,
      amountMinor: amount,
      currency: claimed.currency,
      reference: `Payment ${claimed.accountId}`,
    }),
  );
}

/** One claimed run of an attempt: every write is conditional on its lease. */
class AttemptRun {
  /** What `stopReasons` read just now: the amount is worked out from the same records. */
  private checked: { account?: Account; mandate?: Mandate; instalment?: Instalment } = {};

  constructor(
    private readonly deps: ExecuteDebitDeps,
    private readonly attempt: DebitAttempt,
    private readonly leaseId: string,
  ) {}

  private get now(): Date {
    return this.deps.clock.now();
  }

  /** Why the debit must not go now: payment received, a hold, revocation, no notice. */
  async stopReasons(): Promise<DebitBlockReason[]> {
    const { store, accounts, outbox } = this.deps;
    const [account, mandate, instalment] = await Promise.all([
      accounts.get(this.attempt.accountId),
      store.currentMandate(this.attempt.accountId),
      store.getInstalment(this.attempt),
    ]);
    this.checked = { account, mandate, instalment };
    if (!instalment) return ['SUPERSEDED'];
    const reasons = debitBlockReasons(account, mandate, instalment, this.attempt.requestedBy);
    if (mandate && mandate.mandateId !== this.attempt.mandateId && !reasons.includes('MANDATE_REVOKED')) {
      reasons.push('MANDATE_REVOKED');
    }
    if (reasons.length === 0 && account && NOTICED_REQUESTERS.has(this.attempt.requestedBy)) {
      // The notice that counts is the direct one (text or e-mail); only without either, the portal's.
      const channel = directChannelFor(account) ?? 'portal';
      const notice = await outbox.get({
        accountId: this.attempt.accountId,
        messageId: `payment#${this.attempt.attemptId}#pre_debit#${channel}`,
      });
      if (notice?.status !== 'sent') reasons.push('NOTICE_NOT_SENT');
    }
    return reasons;
  }

  /**
   * What this run takes: the planned amount, never more than is outstanding or the mandate allows, and never
   * leaving less than the protected minimum in the customer's bank account. With partial sweeps allowed it
   * takes what is there above that minimum; otherwise all or nothing.
   */
  async amountToTake(): Promise<number | ExecuteOutcome> {
    const { store, gateway } = this.deps;
    const { account, mandate, instalment } = this.checked;
    const balance = await gateway.balance(this.attempt.debtorAccount);
    if (balance.status === 'unknown') {
      const released = await store.release(this.attempt, this.leaseId, later(this.now, BALANCE_RETRY_MS));
      return released ? 'deferred' : 'taken';
    }
    if (balance.status === 'not_found') return this.fail('account_not_found');
    if (balance.status === 'closed') return this.fail('account_closed');
    if (balance.currency !== this.attempt.currency) return this.fail('currency_mismatch');
    const policy = (this.deps.policy ?? DEBIT_POLICY).jurisdictions[account?.jurisdiction ?? 'US'];
    const cap = Math.min(
      this.attempt.plannedMinor,
      instalment ? outstandingOf(instalment) : 0,
      mandate?.maxAmountMinor ?? 0,
    );
    const headroom = balance.availableMinor - policy.protectedMinimumMinor;
    const amount = mandate?.partialAllowed ? Math.min(cap, headroom) : headroom >= cap ? cap : 0;
    // Not presented at all: a debit the account cannot bear would only cost the customer a bank fee.
    if (amount <= 0) return this.fail('insufficient_funds');
    return (await store.recordAmount(this.attempt, this.leaseId, amount)) ? amount : 'taken';
  }

  async record(outcome: GatewayOutcome): Promise<ExecuteOutcome> {
    if (outcome.status === 'succeeded') return this.succeed(outcome);
    if (outcome.status === 'failed') return this.fail(outcome.reason);
    return this.unknown();
  }

  async cancel(reasons: readonly DebitBlockReason[]): Promise<ExecuteOutcome> {
    const at = this.now.toISOString();
    if (!(await this.deps.store.cancelAttempt(this.attempt, reasons, at, this.announceBy(), this.leaseId))) {
      return 'taken';
    }
    await announceResult(this.deps, {
      ...this.attempt,
      state: 'cancelled',
      cancelledReasons: reasons,
      finishedAt: at,
    });
    return 'cancelled';
  }

  private async succeed(outcome: Extract<GatewayOutcome, { status: 'succeeded' }>): Promise<ExecuteOutcome> {
    const { store, accounts } = this.deps;
    // The account and instalments may move between our read and our write (another payment): read again.
    for (let round = 0; round < 5; round++) {
      const [account, instalments] = await Promise.all([
        accounts.get(this.attempt.accountId),
        store.listInstalments(this.attempt.accountId),
      ]);
      if (!account) throw new Error(`Account ${this.attempt.accountId} vanished while settling a debit.`);
      const payment = applicationOf({
        account,
        instalments,
        paymentId: `debit.${this.attempt.attemptId}`,
        amountMinor: outcome.amountMinor,
        receivedAt: outcome.bookedAt,
        via: 'debit',
        forInstalmentId: this.attempt.instalmentId,
      });
      const written = await store.recordSucceeded(
        this.attempt,
        this.leaseId,
        {
          gatewayDebitId: outcome.debitId,
          amountMinor: outcome.amountMinor,
          at: outcome.bookedAt,
          announceBy: this.announceBy(),
        },
        payment,
      );
      if (written === 'lost_lease') return 'taken';
      if (written === 'conflict') continue;
      await announceResult(this.deps, {
        ...this.attempt,
        state: 'succeeded',
        amountMinor: outcome.amountMinor,
        gatewayDebitId: outcome.debitId,
        finishedAt: outcome.bookedAt,
      });
      return 'succeeded';
    }
    // Left executing: its lease runs out and the reconciliation finds the booking and settles it.
    throw new Error(`Settling attempt ${this.attempt.attemptId} kept conflicting; it will be reconciled.`);
  }

  private async fail(reason: DebitFailureReason): Promise<ExecuteOutcome> {
    const at = this.now.toISOString();
    if (!(await this.deps.store.recordFailed(this.attempt, this.leaseId, reason, at, this.announceBy()))) {
      return 'taken';
    }
    await announceResult(this.deps, {
      ...this.attempt,
      state: 'failed',
      failureReason: reason,
      finishedAt: at,
    });
    return 'failed';
  }

  private async unknown(): Promise<ExecuteOutcome> {
    const { store } = this.deps;
    const tries = this.attempt.reconciliations;
    if (tries >= MAX_RECONCILIATIONS) {
      const at = this.now.toISOString();
      if (!(await store.recordUnresolved(this.attempt, this.leaseId, at, this.announceBy()))) return 'taken';
      await announceResult(this.deps, { ...this.attempt, state: 'unresolved', finishedAt: at });
      return 'unresolved';
    }
    const delay = Math.min(60, 2 ** (tries + 1)) * 60_000;
    return (await store.recordUnknown(this.attempt, this.leaseId, later(this.now, delay)))
      ? 'unknown'
      : 'taken';
  }

  private announceBy(): string {
    return later(this.now, ANNOUNCE_GRACE_MS);
  }
}

const later = (from: Date, ms: number): string => new Date(from.getTime() + ms).toISOString();

/** Whether a refused attempt is presented again: a refusal that may pass in a few days, within the limit. */
export function isFinalFailure(
  attempt: DebitAttempt,
  policy: DebitPolicy = DEBIT_POLICY,
  jurisdiction: Account['jurisdiction'] = 'US',
): boolean {
  if (attempt.state === 'unresolved') return true;
  // A debit a person asked for is theirs to ask again for; only the debits we start are presented again.
  if (!NOTICED_REQUESTERS.has(attempt.requestedBy)) return true;
  if (!attempt.failureReason || !REPRESENTABLE.includes(attempt.failureReason)) return true;
  return attempt.number > policy.jurisdictions[jurisdiction].maxRepresentments;
}

/** The event that tells collections what became of an attempt. */
export function resultEvent(
  attempt: DebitAttempt,
  jurisdiction: Account['jurisdiction'],
  policy = DEBIT_POLICY,
): DomainEvent {
  const base = {
    accountId: attempt.accountId,
    attemptId: attempt.attemptId,
    instalmentId: attempt.instalmentId,
    number: attempt.number,
    currency: attempt.currency,
    requestedBy: attempt.requestedBy,
    finishedAt: attempt.finishedAt,
  };
  if (attempt.state === 'succeeded') {
    return domainEvent('DebitSucceeded', {
      ...base,
      amountMinor: attempt.amountMinor ?? attempt.plannedMinor,
      gatewayDebitId: attempt.gatewayDebitId,
    });
  }
  if (attempt.state === 'cancelled') {
    return domainEvent('DebitCancelled', {
      ...base,
      plannedMinor: attempt.plannedMinor,
      reasons: attempt.cancelledReasons ?? [],
    });
  }
  return domainEvent('DebitFailed', {
    ...base,
    amountMinor: attempt.amountMinor ?? attempt.plannedMinor,
    reason: attempt.state === 'unresolved' ? 'unresolved' : attempt.failureReason,
    final: isFinalFailure(attempt, policy, jurisdiction),
  });
}

/** Publishes the result and takes the attempt out of the work index; a crash in between repeats the event. */
export async function announceResult(
  deps: Pick<ExecuteDebitDeps, 'store' | 'events' | 'accounts' | 'policy'>,
  attempt: DebitAttempt,
): Promise<void> {
  const account = await deps.accounts.get(attempt.accountId);
  await deps.events.publish([resultEvent(attempt, account?.jurisdiction ?? 'US', deps.policy)]);
  await deps.store.markAnnounced(attempt);
}

/** The backstop sweep: attempts due that no schedule ran, timeouts and crashed runs, results unannounced. */
export async function sweepDebits(
  deps: ExecuteDebitDeps,
  options: { limit: number; concurrency: number },
): Promise<Record<ExecuteOutcome | 'announced', number>> {
  const work = await deps.store.dueWork(deps.clock.now().toISOString(), options.limit);
  const counts = {} as Record<ExecuteOutcome | 'announced', number>;
  const one = async (ref: AttemptRef) => {
    const attempt = await deps.store.getAttempt(ref);
    if (attempt && ['succeeded', 'failed', 'cancelled', 'unresolved'].includes(attempt.state)) {
      await announceResult(deps, attempt);
      return 'announced' as const;
    }
    return executeAttempt(deps, ref);
  };
  for (let start = 0; start < work.attempts.length; start += options.concurrency) {
    const outcomes = await Promise.all(work.attempts.slice(start, start + options.concurrency).map(one));
    for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  }
  return counts;
}
