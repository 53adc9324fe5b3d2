/**
 * Where the customer stands on the plan they agreed: what the portal overview, the portal's payments, the
 * console and the agent's check-in script all read, so none of them shows the old statement figures or the
 * options the plan replaced. The plan's tracked instalments (payment-reactions.ts) carry what was paid; until
 * they are tracked, the plan's own schedule stands with nothing paid.
 */
import type { Account, RepaymentPlan } from '../accounts/account';
import { wallClockIn } from '../compliance/local-time';
import type { Instalment } from './payments';
import { outstandingOf } from './plan-debit';

export type PlanInstalmentState = 'paid' | 'overdue' | 'due' | 'upcoming';

export interface PlanInstalment {
  /** The tracked instalment's id (what "pay now" names); absent until it is tracked. */
  readonly instalmentId?: string;
  readonly number: number;
  readonly dueDate: string;
  readonly amountMinor: number;
  readonly paidMinor: number;
  readonly owedMinor: number;
  /** paid; overdue (its date passed unpaid); due (the next one to pay); upcoming (later ones). */
  readonly state: PlanInstalmentState;
}

export interface PlanStatus {
  readonly optionId: string;
  readonly kind: RepaymentPlan['kind'];
  readonly acceptedAt: string;
  readonly totalMinor: number;
  readonly paidMinor: number;
  readonly remainingMinor: number;
  readonly instalmentCount: number;
  readonly paidCount: number;
  /** Unpaid under the plan with its due date passed. */
  readonly overdueMinor: number;
  readonly overdueCount: number;
  /** The next payment the plan asks for (on or after today); absent when none is left. */
  readonly next?: PlanInstalment;
  /** Every payment of the plan, in date order. */
  readonly instalments: readonly PlanInstalment[];
}

/** The plan with what was paid on it, as of `today` (`YYYY-MM-DD`, the customer's calendar). */
export function planStatus(plan: RepaymentPlan, tracked: readonly Instalment[], today: string): PlanStatus {
  const own = tracked
    .filter((instalment) => instalment.source === 'plan' && instalment.status !== 'superseded')
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const byDate = new Map(own.map((instalment) => [instalment.dueDate, instalment]));
  let nextTaken = false;
  const instalments = [...plan.instalments]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .map((scheduled, index): PlanInstalment => {
      const found = byDate.get(scheduled.dueDate);
      const paidMinor = found?.paidMinor ?? 0;
      const owedMinor = found ? outstandingOf(found) : scheduled.amountMinor;
      const paid = owedMinor === 0 || found?.status === 'paid';
      let state: PlanInstalmentState;
      if (paid) state = 'paid';
      else if (scheduled.dueDate < today) state = 'overdue';
      else if (!nextTaken) {
        state = 'due';
        nextTaken = true;
      } else state = 'upcoming';
      return {
        ...(found ? { instalmentId: found.instalmentId } : {}),
        number: index + 1,
        dueDate: scheduled.dueDate,
        amountMinor: scheduled.amountMinor,
        paidMinor,
        owedMinor: paid ? 0 : owedMinor,
        state,
      };
    });
  const overdue = instalments.filter((instalment) => instalment.state === 'overdue');
  const paidMinor = instalments.reduce((sum, instalment) => sum + instalment.paidMinor, 0);
  const next = instalments.find((instalment) => instalment.state === 'due');
  return {
    optionId: plan.optionId,
    kind: plan.kind,
    acceptedAt: plan.acceptedAt,
    totalMinor: plan.totalMinor,
    paidMinor,
    remainingMinor: instalments.reduce((sum, instalment) => sum + instalment.owedMinor, 0),
    instalmentCount: instalments.length,
    paidCount: instalments.filter((instalment) => instalment.state === 'paid').length,
    overdueMinor: overdue.reduce((sum, instalment) => sum + instalment.owedMinor, 0),
    overdueCount: overdue.length,
    ...(next ? { next } : {}),
    instalments,
  };
}

/** Today on the customer's own calendar: the dates of a plan are theirs. */
export function customerToday(account: Pick<Account, 'customer'>, now: Date): string {
  return wallClockIn(account.customer.timezone, now.getTime())?.date ?? now.toISOString().slice(0, 10);
}
