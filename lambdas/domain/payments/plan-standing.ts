/**
 * What the agreed plan's progress does to the account, at once: a plan instalment missed (its grace passed
 * unpaid) marks the plan as behind (`planPaymentMissed`), so the tier leaves `plan_active` and the account goes
 * back to the agents' queue ("a plan payment was missed"); caught up, the mark goes; fully paid, the plan flags
 * (`planAgreed` / `hardshipPlan`) are cleared, so the account does not stay in `plan_active` for ever. The
 * plan itself stays on the account as its history. The caller re-tiers afterwards (treatment/retier.ts).
 */
import type { Account, AccountFlags } from '../accounts/account';
import type { AccountUpdater } from '../decisions/customer-decisions';
import type { AccountRepository, Clock } from '../ports';
import type { PaymentStore } from './payment-store';
import { customerToday, type PlanStatus, planStatus } from './plan-status';

export type PlanFlags = Pick<AccountFlags, 'planAgreed' | 'hardshipPlan' | 'planPaymentMissed'>;

/** An agreed plan the account is on (its flag still set). */
export const onAgreedPlan = (flags: Partial<AccountFlags> | undefined): boolean =>
  flags?.planAgreed === true || flags?.hardshipPlan === true;

/** An agreed plan with a payment missed and not caught up: the account needs a person. */
export const planBehind = (flags: Partial<AccountFlags> | undefined): boolean =>
  onAgreedPlan(flags) && flags?.planPaymentMissed === true;

export type PlanStandingOutcome = 'no_plan' | 'finished' | 'missed' | 'caught_up' | 'unchanged';

/**
 * The flags where the customer stands on the plan calls for, or nothing to change. `missedInstalmentId` is a
 * PaymentMissed's instalment: only one of this plan's, still owed, marks the plan as behind.
 */
export function planStandingChange(
  account: Pick<Account, 'flags' | 'repaymentPlan'>,
  status: PlanStatus,
  missedInstalmentId?: string,
): { readonly outcome: PlanStandingOutcome; readonly flags?: Partial<PlanFlags> } {
  const flags = account.flags;
  if (!account.repaymentPlan || !onAgreedPlan(flags)) return { outcome: 'no_plan' };
  if (status.instalmentCount > 0 && status.remainingMinor === 0) {
    return {
      outcome: 'finished',
      flags: { planAgreed: false, hardshipPlan: false, planPaymentMissed: false },
    };
  }
  const missed =
    missedInstalmentId !== undefined &&
    status.instalments.some(
      (instalment) =>
        instalment.instalmentId === missedInstalmentId &&
        instalment.state === 'overdue' &&
        instalment.owedMinor > 0,
    );
  if (missed && !flags.planPaymentMissed) return { outcome: 'missed', flags: { planPaymentMissed: true } };
  if (flags.planPaymentMissed && status.overdueMinor === 0)
    return { outcome: 'caught_up', flags: { planPaymentMissed: false } };
  return { outcome: 'unchanged' };
}

export interface PlanStandingDeps {
  /** Read consistently: the payment or the missed instalment was just written. */
  readonly accounts: AccountRepository;
  readonly store: Pick<PaymentStore, 'listInstalments'>;
  readonly updater: AccountUpdater;
  readonly clock: Clock;
}

/**
 * Looks at the plan after a payment, a debit taken or a missed instalment and writes what it calls for.
 * Idempotent: a redelivered event finds the flags already as they should be.
 */
export async function reviewPlanStanding(
  deps: PlanStandingDeps,
  accountId: string,
  missedInstalmentId?: string,
): Promise<PlanStandingOutcome> {
  const account = await deps.accounts.get(accountId);
  if (!account?.repaymentPlan || !onAgreedPlan(account.flags)) return 'no_plan';
  const instalments = await deps.store.listInstalments(accountId);
  const status = planStatus(account.repaymentPlan, instalments, customerToday(account, deps.clock.now()));
  const change = planStandingChange(account, status, missedInstalmentId);
  if (change.flags) await deps.updater.update(accountId, { flags: change.flags });
  return change.outcome;
}
