/** Plans an agent builds within the offer policy, offered as one more option the gate then finds figures in. */
import { describe, expect, it } from 'vitest';
import type { Account } from '../../lambdas/domain/accounts/account';
import { lintReply } from '../../lambdas/domain/chat/assistant';
import {
  agentPlanBody,
  agentPlanOption,
  buildAgentPlan,
  withAgentOffer,
} from '../../lambdas/domain/offers/agent-plan';
import type { OfferSet } from '../../lambdas/domain/offers/plan-calculator';
import { anAccount } from '../support/accounts';

const TODAY = '2026-12-04'; // a Friday
const scored = (
  tier: NonNullable<Account['treatment']>['tier'],
  changes: Partial<Account> = {},
): Account => ({
  ...anAccount({ accountId: 'ACC-AP-1', balanceMinor: 1_000_00, amountOverdueMinor: 300_00 }),
  risk: { modelVersion: 'm', probabilityOfDefault: 0.4, score: 560, band: 'D', reasons: [], fallback: false },
  treatment: {
    bucket: 'dpd_61_90',
    tier,
    variant: 'champion',
    policyVersion: 'p',
    fingerprint: 'f',
    assessedAt: '2026-12-01T02:00:00.000Z',
    runId: 'r',
  },
  ...changes,
});

describe('an agent plan within policy', () => {
  it('by amount per month: that amount every month, the last payment what is left', () => {
    const { option, limits } = agentPlanOption(
      scored('reminder_and_call'),
      { monthlyAmountMinor: 125_00 },
      TODAY,
    );
    expect(option).toMatchObject({
      id: 'agent-8x12500-2026-12-11',
      kind: 'instalment',
      totalMinor: 1_000_00,
      termMonths: 8,
      monthlyAmountMinor: 125_00,
      firstDueDate: '2026-12-11',
      discountMinor: 0,
    });
    expect(option.instalments.every((payment) => payment.amountMinor === 125_00)).toBe(true);
    expect(option.instalments.map((p) => p.dueDate).slice(0, 3)).toEqual([
      '2026-12-11',
      '2027-01-11',
      '2027-02-11',
    ]);
    const odd = agentPlanOption(scored('agent_call'), { monthlyAmountMinor: 300_00 }, TODAY).option;
    expect(odd.instalments.map((p) => p.amountMinor)).toEqual([300_00, 300_00, 300_00, 100_00]);
    expect(limits).toMatchObject({
      maxMonths: 12,
      earliestFirstDueDate: '2026-12-11',
      latestFirstDueDate: '2027-01-03',
    });
  });

  it('by months: equal payments summing to the balance; past 12 months a hardship plan where the tier allows one', () => {
    const six = agentPlanOption(
      scored('agent_call'),
      { months: 7, firstDueDate: '2026-12-20' },
      TODAY,
    ).option;
    expect(six.kind).toBe('instalment');
    expect(six.instalments.reduce((sum, p) => sum + p.amountMinor, 0)).toBe(1_000_00);
    expect(six.firstDueDate).toBe('2026-12-21'); // the 20th is a Sunday: the next business day
    const long = agentPlanOption(scored('hardship_restructure'), { months: 40 }, TODAY).option;
    expect(long).toMatchObject({ kind: 'hardship', termMonths: 40, monthlyAmountMinor: 25_00 });
  });

  it('refuses what the policy does not allow, with a code saying which limit', () => {
    const fails = (account: Account, request: Parameters<typeof agentPlanOption>[1]) => {
      try {
        agentPlanOption(account, request, TODAY);
      } catch (error) {
        return (error as { code: string }).code;
      }
      return 'none';
    };
    expect(fails(scored('reminder_and_call'), { months: 13 })).toBe('PLAN_OUTSIDE_POLICY'); // no hardship here
    expect(fails(scored('reminder_and_call'), { monthlyAmountMinor: 50_00 })).toBe('PLAN_OUTSIDE_POLICY'); // 20 months
    expect(fails(scored('hardship_restructure'), { monthlyAmountMinor: 10_00 })).toBe('PLAN_OUTSIDE_POLICY'); // floor
    expect(fails(scored('agent_call'), { months: 3, firstDueDate: '2026-12-05' })).toBe('INVALID_START_DATE');
    expect(fails(scored('agent_call'), { months: 3, firstDueDate: '2027-02-01' })).toBe('INVALID_START_DATE');
    expect(fails(scored('dispute_hold'), { months: 3 })).toBe('NO_PLAN_FOR_TIER');
    expect(fails({ ...scored('agent_call'), treatment: undefined }, { months: 3 })).toBe(
      'ACCOUNT_NOT_SCORED',
    );
    const agreed = scored('agent_call', {
      repaymentPlan: {
        optionId: 'x',
        kind: 'instalment',
        totalMinor: 1,
        instalments: [],
        acceptedAt: '2026-12-01T00:00:00Z',
      },
    });
    expect(fails(agreed, { months: 3 })).toBe('PLAN_ALREADY_AGREED');
    // The body: exactly one of an amount and a number of months.
    expect(agentPlanBody.safeParse({ months: 3, monthlyAmountMinor: 100 }).success).toBe(false);
    expect(agentPlanBody.safeParse({}).success).toBe(false);
    expect(agentPlanBody.safeParse({ months: 61 }).success).toBe(false);
    expect(agentPlanBody.safeParse({ months: 3, firstDueDate: '2026-02-30' }).success).toBe(false);
    expect(agentPlanBody.parse({ months: 3 })).toEqual({ months: 3, offer: false });
  });
});

describe('an offered agent plan', () => {
  const calculated: OfferSet = {
    policyVersion: 'offers-2026.11.1',
    currency: 'USD',
    totalDueMinor: 1_000_00,
    options: [],
  };

  it('is stored only when offered, and then carried with the account’s options until a plan is agreed', async () => {
    const account = scored('agent_call');
    const puts: unknown[] = [];
    const deps = {
      accounts: { get: async () => account },
      agentOffers: {
        put: async (_id: string, offer: unknown) => {
          puts.push(offer);
          return true;
        },
      },
      clock: { now: () => new Date(`${TODAY}T15:00:00.000Z`) },
    };
    const quote = await buildAgentPlan(deps, {
      accountId: 'ACC-AP-1',
      agentId: 'alice',
      body: { monthlyAmountMinor: 125_00, offer: false },
    });
    expect(quote.offered).toBe(false);
    expect(puts).toHaveLength(0);
    const offered = await buildAgentPlan(deps, {
      accountId: 'ACC-AP-1',
      agentId: 'alice',
      body: { monthlyAmountMinor: 125_00, offer: true },
    });
    expect(puts).toEqual([
      {
        option: offered.option,
        policyVersion: 'offers-2026.11.1',
        madeBy: 'alice',
        madeAt: `${TODAY}T15:00:00.000Z`,
      },
    ]);
    const withOffer = { ...account, agentOffer: puts[0] as Account['agentOffer'] };
    expect(withAgentOffer(calculated, withOffer, TODAY)!.options.map((o) => o.id)).toEqual([
      'agent-8x12500-2026-12-11',
    ]);
    // Not twice; not on hold (no options at all); not after a plan was agreed; not once its first date passed.
    expect(
      withAgentOffer(withAgentOffer(calculated, withOffer, TODAY), withOffer, TODAY)!.options,
    ).toHaveLength(1);
    expect(withAgentOffer(null, withOffer, TODAY)).toBeNull();
    const agreed = {
      ...withOffer,
      repaymentPlan: { ...withOffer.agentOffer!.option, optionId: 'a', acceptedAt: `${TODAY}T16:00:00.000Z` },
    };
    expect(withAgentOffer(calculated, agreed, TODAY)!.options).toHaveLength(0);
    expect(withAgentOffer(calculated, withOffer, '2026-12-12')!.options).toHaveLength(0);
  });

  it('lets an agent quote "$125 a month": the gate finds the figure in the offer (and blocks it without)', () => {
    const account = scored('agent_call');
    const { option } = agentPlanOption(account, { monthlyAmountMinor: 125_00 }, TODAY);
    const offer = {
      option,
      policyVersion: 'offers-2026.11.1',
      madeBy: 'alice',
      madeAt: `${TODAY}T15:00:00.000Z`,
    };
    const reply = 'We can set up $125.00 a month, starting December 11, 2026.';
    const lint = (offers: OfferSet) => lintReply({ jurisdiction: 'US', language: 'en', reply, offers });
    const blocked = lint(calculated);
    expect(blocked.allowed).toBe(false);
    expect(blocked.violations.map((v) => v.rule)).toContain('NUMBER_NOT_IN_OFFER');
    const allowed = lint(withAgentOffer(calculated, { ...account, agentOffer: offer }, TODAY)!);
    expect(allowed.violations.map((v) => v.rule)).not.toContain('NUMBER_NOT_IN_OFFER');
  });
});
