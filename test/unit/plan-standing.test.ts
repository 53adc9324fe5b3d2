/**
 * The queue reacts to the plan's progress (issue #15): a missed plan instalment takes the account out of
 * `plan_active` and back to the agents' queue at once, with a reason saying a plan payment was missed; caught
 * up, it goes back to the plan's tier; fully paid, the plan flags are cleared so it does not stay in
 * `plan_active` for ever.
 */
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../contracts/events';
import type { Account, Treatment } from '../../lambdas/domain/accounts/account';
import { priorityOf, type QueueAccount } from '../../lambdas/domain/console/agent-queue';
import type { AccountPatch } from '../../lambdas/domain/decisions/customer-decisions';
import type { Instalment } from '../../lambdas/domain/payments/payments';
import { planStandingChange, reviewPlanStanding } from '../../lambdas/domain/payments/plan-standing';
import { planStatus } from '../../lambdas/domain/payments/plan-status';
import { decideTreatment } from '../../lambdas/domain/scoring/account-assessment';
import { retierNow } from '../../lambdas/domain/treatment/retier';
import { TREATMENT_POLICY } from '../../lambdas/domain/treatment/treatment-policy';
import { anAccount, NO_FLAGS } from '../support/accounts';

const NOW = new Date('2027-01-20T15:00:00.000Z');
const TODAY = '2027-01-20';
const RISK = {
  modelVersion: 'risk-test',
  probabilityOfDefault: 0.4,
  score: 640,
  band: 'D' as const,
  reasons: [],
  fallback: false,
};
const PLAN = {
  optionId: 'instalment-3',
  kind: 'instalment' as const,
  totalMinor: 60_000,
  instalments: [
    { dueDate: '2026-12-11', amountMinor: 20_000 },
    { dueDate: '2027-01-11', amountMinor: 20_000 },
    { dueDate: '2027-02-11', amountMinor: 20_000 },
  ],
  acceptedAt: '2026-12-04T14:00:00.000Z',
};

const tracked = (dueDate: string, paidMinor: number, status: Instalment['status']): Instalment => ({
  accountId: 'ACC-PLAN-2',
  instalmentId: `plan-20261204140000-${dueDate}`,
  source: 'plan',
  dueDate,
  currency: 'USD',
  amountMinor: 20_000,
  paidMinor,
  status,
  missAt: `${dueDate}T23:59:59.999Z`,
  createdAt: PLAN.acceptedAt,
});
const MISSED_ID = 'plan-20261204140000-2027-01-11';

/** On an instalment plan, scored and placed in plan_active. */
function onPlan(kind: 'instalment' | 'hardship' = 'instalment'): Account {
  const base = anAccount({
    accountId: 'ACC-PLAN-2',
    amountOverdueMinor: 60_000,
    oldestUnpaidDueDate: '2026-09-20',
    risk: RISK,
    flags: { ...NO_FLAGS, planAgreed: kind !== 'hardship', hardshipPlan: kind === 'hardship' },
    repaymentPlan: { ...PLAN, kind, conversationId: 'conv-1' },
  });
  const decision = decideTreatment(TREATMENT_POLICY, base, RISK, TODAY);
  const treatment: Treatment = { ...decision, assessedAt: '2026-12-04T14:00:01.000Z', runId: 'run-1' };
  return { ...base, treatment };
}

/** In memory: the account (flags patched as the updater does, treatment on its fingerprint) and instalments. */
function world(account: Account, instalments: Instalment[]) {
  const state = { account, instalments, published: [] as DomainEvent[] };
  const accounts = { get: async () => state.account };
  const clock = { now: () => NOW };
  return {
    state,
    standing: {
      accounts,
      clock,
      store: { listInstalments: async () => state.instalments },
      updater: {
        update: async (_id: string, patch: AccountPatch) => {
          state.account = { ...state.account, flags: { ...state.account.flags, ...patch.flags } };
          return true;
        },
      },
    },
    retier: {
      accounts,
      clock,
      treatments: {
        writeTreatment: async (_id: string, treatment: Treatment, previous: string) => {
          if (state.account.treatment?.fingerprint !== previous) return false;
          state.account = { ...state.account, treatment };
          return true;
        },
      },
      events: { publish: async (events: readonly DomainEvent[]) => void state.published.push(...events) },
    },
  };
}

const queued = (account: Account) => priorityOf(account as unknown as QueueAccount, TODAY);

describe('the plan rule (pure)', () => {
  const account = onPlan();
  const status = (instalments: Instalment[]) => planStatus(PLAN, instalments, TODAY);

  it('a missed instalment of this plan, still owed, marks the plan behind', () => {
    const instalments = [tracked('2026-12-11', 20_000, 'paid'), tracked('2027-01-11', 0, 'missed')];
    expect(planStandingChange(account, status(instalments), MISSED_ID)).toEqual({
      outcome: 'missed',
      flags: { planPaymentMissed: true },
    });
  });

  it('not for an instalment of another plan or one paid since', () => {
    const paid = [tracked('2026-12-11', 20_000, 'paid'), tracked('2027-01-11', 20_000, 'paid')];
    expect(planStandingChange(account, status(paid), MISSED_ID).outcome).toBe('unchanged');
    const owed = [tracked('2026-12-11', 20_000, 'paid'), tracked('2027-01-11', 0, 'missed')];
    expect(planStandingChange(account, status(owed), 'statement-2027-01-11').outcome).toBe('unchanged');
  });

  it('caught up: the mark goes; fully paid: every plan flag goes', () => {
    const behind = { ...account, flags: { ...account.flags, planPaymentMissed: true } };
    const caughtUp = [tracked('2026-12-11', 20_000, 'paid'), tracked('2027-01-11', 20_000, 'paid')];
    expect(planStandingChange(behind, status(caughtUp))).toEqual({
      outcome: 'caught_up',
      flags: { planPaymentMissed: false },
    });
    const partly = [tracked('2026-12-11', 20_000, 'paid'), tracked('2027-01-11', 5_000, 'missed')];
    expect(planStandingChange(behind, status(partly)).outcome).toBe('unchanged');
    const all = [...caughtUp, tracked('2027-02-11', 20_000, 'paid')];
    expect(planStandingChange(behind, status(all))).toEqual({
      outcome: 'finished',
      flags: { planAgreed: false, hardshipPlan: false, planPaymentMissed: false },
    });
  });

  it('no agreed plan: nothing to do', () => {
    const none = { ...account, flags: NO_FLAGS };
    expect(planStandingChange(none, status([]), MISSED_ID)).toEqual({ outcome: 'no_plan' });
  });
});

describe('the queue reacts at once', () => {
  it('a missed plan payment: out of plan_active, back in the queue saying why; caught up: back to the plan', async () => {
    const account = onPlan();
    expect(account.treatment?.tier).toBe('plan_active');
    expect(queued(account)).toBeUndefined();
    const { state, standing, retier } = world(account, [
      tracked('2026-12-11', 20_000, 'paid'),
      tracked('2027-01-11', 0, 'missed'),
    ]);

    expect(await reviewPlanStanding(standing, 'ACC-PLAN-2', MISSED_ID)).toBe('missed');
    expect(await retierNow(retier, 'ACC-PLAN-2', { eventId: 'evt-missed' })).toMatchObject({
      outcome: 'retiered',
    });
    expect(state.account.treatment?.tier).not.toBe('plan_active');
    expect(state.published.map((event) => event.detailType)).toEqual(['TreatmentChanged']);
    expect(queued(state.account)).toMatchObject({
      group: 'agent_contact',
      reasonCode: 'plan_payment_missed',
      reason: 'A plan payment was missed: call to get the plan back on track',
      team: 'agents',
    });
    // Redelivered: nothing more changes.
    expect(await reviewPlanStanding(standing, 'ACC-PLAN-2', MISSED_ID)).toBe('unchanged');

    // The customer pays what was missed: back on the plan, out of the queue.
    state.instalments = [tracked('2026-12-11', 20_000, 'paid'), tracked('2027-01-11', 20_000, 'paid')];
    expect(await reviewPlanStanding(standing, 'ACC-PLAN-2')).toBe('caught_up');
    await retierNow(retier, 'ACC-PLAN-2', { eventId: 'evt-paid' });
    expect(state.account.treatment?.tier).toBe('plan_active');
    expect(queued(state.account)).toBeUndefined();
  });

  it('a hardship plan behind goes to the queue too', async () => {
    const { state, standing, retier } = world(onPlan('hardship'), [tracked('2027-01-11', 0, 'missed')]);
    expect(state.account.treatment?.tier).toBe('hardship_plan_active');
    await reviewPlanStanding(standing, 'ACC-PLAN-2', MISSED_ID);
    await retierNow(retier, 'ACC-PLAN-2', { eventId: 'evt-missed' });
    expect(state.account.treatment?.tier).not.toBe('hardship_plan_active');
    expect(queued(state.account)?.reasonCode).toBe('plan_payment_missed');
  });

  it('the plan fully paid: the flags are cleared and the account leaves plan_active', async () => {
    const { state, standing, retier } = world(onPlan(), [
      tracked('2026-12-11', 20_000, 'paid'),
      tracked('2027-01-11', 20_000, 'paid'),
      tracked('2027-02-11', 20_000, 'paid'),
    ]);
    expect(await reviewPlanStanding(standing, 'ACC-PLAN-2')).toBe('finished');
    expect(state.account.flags).toMatchObject({ planAgreed: false, hardshipPlan: false });
    await retierNow(retier, 'ACC-PLAN-2', { eventId: 'evt-done' });
    expect(state.account.treatment?.tier).not.toBe('plan_active');
    // The plan stays as the account's history.
    expect(state.account.repaymentPlan?.optionId).toBe(PLAN.optionId);
    expect(await reviewPlanStanding(standing, 'ACC-PLAN-2')).toBe('no_plan');
  });
});
