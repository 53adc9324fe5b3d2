/**
 * An agreed plan is the account's state (issue #15): the tier re-scoring keeps, the tier a decision sets at
 * once (with the queue reading it), where the customer stands on the plan, and the agent's check-in script.
 */
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../contracts/events';
import type { Account, Treatment } from '../../lambdas/domain/accounts/account';
import { buildQueue, priorityOf, type QueueAccount } from '../../lambdas/domain/console/agent-queue';
import { patchFor } from '../../lambdas/domain/decisions/customer-decisions';
import { planCheckIn } from '../../lambdas/domain/drafting/plan-check-in';
import type { Instalment } from '../../lambdas/domain/payments/payments';
import { planStatus } from '../../lambdas/domain/payments/plan-status';
import { decideTreatment } from '../../lambdas/domain/scoring/account-assessment';
import { retierNow } from '../../lambdas/domain/treatment/retier';
import { TREATMENT_POLICY } from '../../lambdas/domain/treatment/treatment-policy';
import { anAccount, NO_FLAGS } from '../support/accounts';

const NOW = new Date('2026-12-04T15:00:00.000Z');
const TODAY = '2026-12-04';
const RISK = {
  modelVersion: 'risk-test',
  probabilityOfDefault: 0.4,
  score: 640,
  band: 'D' as const,
  reasons: [],
  fallback: false,
};

/** An account in the restructuring pitch (dpd 91–180, band D), as the last scoring run left it. */
function restructuring(overrides: Partial<Account> = {}): Account {
  const base = anAccount({
    accountId: 'ACC-PLAN-1',
    amountOverdueMinor: 60_000,
    oldestUnpaidDueDate: '2026-07-20',
    risk: RISK,
    ...overrides,
  });
  const decision = decideTreatment(TREATMENT_POLICY, base, RISK, TODAY);
  const treatment: Treatment = { ...decision, assessedAt: '2026-12-04T02:00:00.000Z', runId: 'run-1' };
  return { ...base, treatment };
}

const PLAN = {
  optionId: 'instalment-6',
  kind: 'instalment' as const,
  totalMinor: 120_000,
  instalments: [
    { dueDate: '2026-12-11', amountMinor: 20_000 },
    { dueDate: '2027-01-11', amountMinor: 20_000 },
    { dueDate: '2027-02-11', amountMinor: 20_000 },
    { dueDate: '2027-03-11', amountMinor: 20_000 },
    { dueDate: '2027-04-12', amountMinor: 20_000 },
    { dueDate: '2027-05-11', amountMinor: 20_000 },
  ],
  acceptedAt: '2026-12-04T14:00:00.000Z',
};

/** The account after the decision's patch (as the updater writes it). */
function accepted(account: Account, kind: 'instalment' | 'hardship' = 'instalment'): Account {
  const patch = patchFor({
    id: 'evt-1',
    detailType: 'PlanAccepted',
    detail: {
      accountId: account.accountId,
      optionId: PLAN.optionId,
      kind,
      totalMinor: PLAN.totalMinor,
      instalments: PLAN.instalments,
      decidedAt: PLAN.acceptedAt,
      conversationId: 'conv-1',
    },
  } as Parameters<typeof patchFor>[0]);
  return {
    ...account,
    flags: { ...account.flags, ...patch.flags },
    ...(patch.repaymentPlan ? { repaymentPlan: patch.repaymentPlan } : {}),
  };
}

/** An in-memory account store whose treatment write is conditional on the fingerprint, like DynamoDB's. */
function world(account: Account, options: { interfere?: () => void } = {}) {
  const state = { account, published: [] as DomainEvent[] };
  const deps = {
    accounts: { get: async () => state.account },
    treatments: {
      writeTreatment: async (_id: string, treatment: Treatment, previous: string) => {
        options.interfere?.();
        if (state.account.treatment?.fingerprint !== previous) return false;
        state.account = { ...state.account, treatment };
        return true;
      },
    },
    events: { publish: async (events: readonly DomainEvent[]) => void state.published.push(...events) },
    clock: { now: () => NOW },
  };
  return { state, deps };
}

const asQueued = (account: Account): QueueAccount => account as unknown as QueueAccount;

describe('an agreed plan moves the tier at once, and re-scoring keeps it', () => {
  it('starts in the restructuring pitch, listed for agents', () => {
    const account = restructuring();
    expect(account.treatment?.tier).toBe('hardship_restructure');
    expect(priorityOf(asQueued(account), TODAY)?.reason).toBe('Cannot pay as agreed: discuss restructuring');
  });

  it('an instalment plan: plan_active, announced once, out of the queue', async () => {
    const { state, deps } = world(accepted(restructuring()));
    expect(await retierNow(deps, 'ACC-PLAN-1', { eventId: 'evt-1' })).toEqual({
      outcome: 'retiered',
      tier: 'plan_active',
    });
    expect(state.account.treatment?.tier).toBe('plan_active');
    expect(state.published.map((event) => [event.detailType, event.detail])).toEqual([
      [
        'TreatmentChanged',
        expect.objectContaining({
          changeId: 'ACC-PLAN-1:event-evt-1',
          previous: { tier: 'hardship_restructure', bucket: 'dpd_91_180' },
          current: expect.objectContaining({ tier: 'plan_active' }),
        }),
      ],
    ]);
    expect(priorityOf(asQueued(state.account), TODAY)).toBeUndefined();
    expect(buildQueue([asQueued(state.account)], { limit: 50 }, NOW).total).toBe(0);
    // The next scoring run decides the same (same fingerprint: nothing to write, nothing announced).
    const rescored = decideTreatment(TREATMENT_POLICY, state.account, RISK, TODAY);
    expect(rescored.tier).toBe('plan_active');
    expect(rescored.fingerprint).toBe(state.account.treatment?.fingerprint);
  });

  it('a hardship plan: hardship_plan_active', async () => {
    const { state, deps } = world(accepted(restructuring(), 'hardship'));
    await retierNow(deps, 'ACC-PLAN-1', { eventId: 'evt-1' });
    expect(state.account.treatment?.tier).toBe('hardship_plan_active');
  });

  it('a redelivered event changes nothing and announces the same change again', async () => {
    const { state, deps } = world(accepted(restructuring()));
    await retierNow(deps, 'ACC-PLAN-1', { eventId: 'evt-1' });
    expect(await retierNow(deps, 'ACC-PLAN-1', { eventId: 'evt-1' })).toMatchObject({ outcome: 'unchanged' });
    expect(state.published.map((event) => (event.detail as { changeId: string }).changeId)).toEqual([
      'ACC-PLAN-1:event-evt-1',
      'ACC-PLAN-1:event-evt-1',
    ]);
    // Another event that changes nothing announces nothing.
    await retierNow(deps, 'ACC-PLAN-1', { eventId: 'evt-2' });
    expect(state.published).toHaveLength(2);
  });

  it('a scoring write in between: decided again on what it wrote', async () => {
    let interfered = false;
    const holder: { state?: { account: Account } } = {};
    const { state, deps } = world(accepted(restructuring()), {
      interfere: () => {
        if (interfered || !holder.state) return;
        interfered = true;
        const current = holder.state.account;
        holder.state.account = {
          ...current,
          treatment: { ...current.treatment!, fingerprint: 'written-by-scoring', runId: 'run-2' },
        };
      },
    });
    holder.state = state;
    expect(await retierNow(deps, 'ACC-PLAN-1', { eventId: 'evt-1' })).toMatchObject({ tier: 'plan_active' });
    expect(interfered).toBe(true);
    expect(state.account.treatment?.tier).toBe('plan_active');
  });

  it('an account never scored waits for its first run', async () => {
    const { deps } = world({ ...accepted(restructuring()), treatment: undefined });
    expect(await retierNow(deps, 'ACC-PLAN-1', { eventId: 'evt-1' })).toEqual({ outcome: 'not_scored' });
  });

  it('a stop request and a dispute move the tier too', async () => {
    const cease = world({ ...restructuring(), flags: { ...NO_FLAGS, ceaseRequested: true } });
    await retierNow(cease.deps, 'ACC-PLAN-1', { eventId: 'evt-3' });
    expect(cease.state.account.treatment?.tier).toBe('cease_hold');
    expect(priorityOf(asQueued(cease.state.account), TODAY)?.reason).toBe(
      'Customer asked us to stop contacting them: review',
    );
    const dispute = world({ ...restructuring(), flags: { ...NO_FLAGS, dispute: true } });
    await retierNow(dispute.deps, 'ACC-PLAN-1', { eventId: 'evt-4' });
    expect(dispute.state.account.treatment?.tier).toBe('dispute_hold');
  });
});

describe('refused calls leave the call queue at once', () => {
  it('a call tier without a person to review drops out; a review tier and escalations stay', () => {
    const refusing = (tier: 'agent_call' | 'referral_review', escalation?: string): QueueAccount => ({
      ...asQueued(restructuring()),
      treatment: { tier, bucket: 'dpd_61_90', variant: 'champion' },
      customer: { name: 'Alex', language: 'en', contactPreferences: { refusedChannels: ['call'] } },
      ...(escalation ? { escalation: { reason: escalation, at: '2026-12-04T10:00:00Z' } } : {}),
    });
    expect(priorityOf(refusing('agent_call'), TODAY)).toBeUndefined();
    expect(priorityOf(refusing('referral_review'), TODAY)?.group).toBe('agent_contact');
    expect(priorityOf(refusing('agent_call', 'customer_request'), TODAY)?.group).toBe('escalation');
  });
});

const tracked = (dueDate: string, amountMinor: number, paidMinor: number, status: Instalment['status']) =>
  ({
    accountId: 'ACC-PLAN-1',
    instalmentId: `plan-20261204140000-${dueDate}`,
    source: 'plan',
    dueDate,
    currency: 'USD',
    amountMinor,
    paidMinor,
    status,
    missAt: `${dueDate}T23:59:59.999Z`,
    createdAt: PLAN.acceptedAt,
  }) satisfies Instalment;

describe('where the customer stands on the plan', () => {
  const plan = accepted(restructuring()).repaymentPlan!;

  it('before anything is tracked: the schedule, nothing paid, the first payment next', () => {
    const status = planStatus(plan, [], TODAY);
    expect(status).toMatchObject({
      paidMinor: 0,
      remainingMinor: 120_000,
      overdueMinor: 0,
      instalmentCount: 6,
      next: { number: 1, dueDate: '2026-12-11', owedMinor: 20_000, state: 'due' },
    });
    expect(status.instalments.map((i) => i.state)).toEqual([
      'due',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
  });

  it('paid, part-paid and overdue instalments; superseded statement ones ignored', () => {
    const status = planStatus(
      plan,
      [
        tracked('2026-12-11', 20_000, 20_000, 'paid'),
        tracked('2027-01-11', 20_000, 5_000, 'missed'),
        { ...tracked('2026-11-20', 60_000, 0, 'superseded'), source: 'statement' },
      ],
      '2027-01-20',
    );
    expect(status).toMatchObject({
      paidCount: 1,
      paidMinor: 25_000,
      overdueMinor: 15_000,
      overdueCount: 1,
      remainingMinor: 95_000,
      next: { number: 3, dueDate: '2027-02-11', owedMinor: 20_000 },
    });
    expect(status.instalments[1]).toMatchObject({ state: 'overdue', instalmentId: expect.any(String) });
  });
});

describe("the agent's script once a plan is agreed", () => {
  for (const language of ['en', 'zh-CN'] as const) {
    it(`a check-in on the plan, not a pitch, allowed by the gate (${language})`, () => {
      const base = restructuring();
      const account = { ...base, customer: { ...base.customer, language } };
      const status = planStatus(accepted(account).repaymentPlan!, [], TODAY);
      const { script, verdict } = planCheckIn(account, status);
      expect(verdict.violations).toEqual([]);
      expect(verdict.allowed).toBe(true);
      const text = [script.opening, script.options, script.close].join('\n');
      expect(text).toContain(
        language === 'en' ? 'USD 200.00 due Dec 11, 2026' : '2026年12月11日应还200.00美元',
      );
      expect(text).not.toMatch(language === 'en' ? /Settle for|discount/i : /即可结清|减免\d/);
    });
  }
});
