import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bucket, Jurisdiction } from '../../lambdas/domain/accounts/account';
import { DomainError } from '../../lambdas/domain/errors';
import { addDays, isBusinessDay } from '../../lambdas/domain/offers/business-days';
import {
  BUCKETS,
  OFFER_POLICY,
  OfferPolicyError,
  parseOfferPolicy,
  RISK_BANDS,
} from '../../lambdas/domain/offers/offer-policy';
import {
  type Affordability,
  computeOffers,
  OFFER_KINDS,
  type OfferInput,
  type OfferKind,
  type OfferOption,
  splitEvenly,
} from '../../lambdas/domain/offers/plan-calculator';
import type { RiskBand } from '../../lambdas/domain/scoring/risk-model';

const CURRENCY = { US: 'USD', CN: 'CNY' } as const;
const ALL_KINDS: OfferKind[] = [...OFFER_KINDS];

function offerInput(
  overrides: Partial<Omit<OfferInput, 'account'>> & {
    jurisdiction?: Jurisdiction;
    balanceMinor?: number;
  } = {},
): OfferInput {
  const { jurisdiction = 'US', balanceMinor = 1_000_00, ...rest } = overrides;
  return {
    account: {
      accountId: 'ACC-000001',
      jurisdiction,
      currency: CURRENCY[jurisdiction],
      balanceMinor,
      amountOverdueMinor: Math.min(balanceMinor, 200_00),
      minimumDueMinor: Math.min(balanceMinor, 50_00),
    },
    bucket: 'dpd_31_60',
    riskBand: 'C',
    eligible: ALL_KINDS,
    today: '2026-11-23',
    policy: OFFER_POLICY,
    ...rest,
  };
}

const byId = (options: readonly OfferOption[], id: string): OfferOption => {
  const option = options.find((candidate) => candidate.id === id);
  if (!option) throw new Error(`no option ${id} in ${options.map((candidate) => candidate.id).join(', ')}`);
  return option;
};
const schedule = (option: OfferOption) =>
  option.instalments.map(({ dueDate, amountMinor }) => [dueDate, amountMinor]);
const ids = (input: OfferInput) => computeOffers(input).options.map((option) => option.id);

describe('instalment plans', () => {
  it('splits USD 1,000.00 over 3 months into 333.34, 333.33, 333.33 on monthly business days', () => {
    const offers = computeOffers(offerInput());
    expect(offers).toMatchObject({
      policyVersion: 'offers-2026.11.1',
      currency: 'USD',
      totalDueMinor: 1_000_00,
    });
    const plan = byId(offers.options, 'instalment-3');
    expect(plan).toMatchObject({
      kind: 'instalment',
      totalMinor: 1_000_00,
      discountMinor: 0,
      discountPercent: 0,
      termMonths: 3,
      firstDueDate: '2026-11-30',
      monthlyAmountMinor: 333_34,
    });
    // 2027-01-30 is a Saturday.
    expect(schedule(plan)).toEqual([
      ['2026-11-30', 333_34],
      ['2026-12-30', 333_33],
      ['2027-02-01', 333_33],
    ]);
    expect(plan).not.toHaveProperty('affordable');
  });

  it('gives the remainder cents to the first instalments', () => {
    expect(splitEvenly(1_000_00, 6)).toEqual([166_67, 166_67, 166_67, 166_67, 166_66, 166_66]);
    expect(splitEvenly(1_000_00, 12).reduce((sum, amount) => sum + amount, 0)).toBe(1_000_00);
  });

  it('leaves out a term whose instalment would fall below the minimum (USD 25.00, CNY 100.00)', () => {
    expect(ids(offerInput({ balanceMinor: 100_00, eligible: ['instalment'] }))).toEqual(['instalment-3']);
    expect(ids(offerInput({ balanceMinor: 74_99, eligible: ['instalment'] }))).toEqual([]);
    expect(ids(offerInput({ jurisdiction: 'CN', balanceMinor: 1_200_00, eligible: ['instalment'] }))).toEqual(
      ['instalment-3', 'instalment-6', 'instalment-12'],
    );
    expect(ids(offerInput({ jurisdiction: 'CN', balanceMinor: 1_199_99, eligible: ['instalment'] }))).toEqual(
      ['instalment-3', 'instalment-6'],
    );
  });

  it('clamps due dates to month end and returns to the 31st after (Jan 31 → Feb 28 → Mar 31)', () => {
    const plan = byId(computeOffers(offerInput({ today: '2025-01-24' })).options, 'instalment-3');
    expect(plan.instalments.map((instalment) => instalment.dueDate)).toEqual([
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
    ]);
  });

  it('rolls clamped month-end dates that fall on a weekend to the next business day', () => {
    const plan = byId(computeOffers(offerInput({ today: '2026-03-24' })).options, 'instalment-6');
    expect(plan.instalments.map((instalment) => instalment.dueDate)).toEqual([
      '2026-03-31',
      '2026-04-30',
      '2026-06-01', // May 31 is a Sunday
      '2026-06-30',
      '2026-07-31',
      '2026-08-31',
    ]);
  });
});

describe('first due date', () => {
  it('is today + 7 days, rolled past weekends and holidays', () => {
    const first = (input: OfferInput) => computeOffers(input).options[0]!.firstDueDate;
    expect(first(offerInput({ today: '2026-11-23' }))).toBe('2026-11-30');
    expect(first(offerInput({ today: '2026-11-21' }))).toBe('2026-11-30'); // Sat 28 → Mon 30
    expect(first(offerInput({ today: '2026-12-18' }))).toBe('2026-12-28'); // US Christmas, a Friday
    expect(first(offerInput({ jurisdiction: 'CN', today: '2026-12-18' }))).toBe('2026-12-25');
    expect(first(offerInput({ jurisdiction: 'CN', today: '2026-09-24' }))).toBe('2026-10-08'); // National Day
    expect(first(offerInput({ jurisdiction: 'US', today: '2026-09-24' }))).toBe('2026-10-01');
  });
});

describe('pay in full', () => {
  it('is one payment of the whole balance', () => {
    const payment = byId(computeOffers(offerInput({ balanceMinor: 1_234_56 })).options, 'pay-in-full');
    expect(payment).toMatchObject({
      kind: 'pay_in_full',
      totalMinor: 1_234_56,
      termMonths: 1,
      discountMinor: 0,
    });
    expect(schedule(payment)).toEqual([['2026-11-30', 1_234_56]]);
  });
});

describe('hardship plans', () => {
  const budget = (incomeMajor: number, expensesMajor: number): Affordability => ({
    monthlyIncomeMinor: incomeMajor * 100,
    monthlyExpensesMinor: expensesMajor * 100,
  });

  it('sets the payment at half the disposable income and extends the term to fit', () => {
    const offers = computeOffers(offerInput({ eligible: ['hardship'], affordability: budget(3_000, 2_800) }));
    const plan = byId(offers.options, 'hardship-10');
    expect(plan).toMatchObject({ totalMinor: 1_000_00, termMonths: 10, monthlyAmountMinor: 100_00 });
    expect(plan.instalments.every((instalment) => instalment.amountMinor === 100_00)).toBe(true);
  });

  it('keeps the payment within the amount the customer said they can manage, with or without a budget', () => {
    const alone = computeOffers(offerInput({ affordability: { affordableMinor: 80_00 } }));
    expect(byId(alone.options, 'hardship-13')).toMatchObject({ monthlyAmountMinor: 76_93, affordable: true });
    expect(alone.options.filter((option) => option.affordable).map((option) => option.id)).toEqual([
      'hardship-13',
    ]);
    // Half of 200.00 left over is 100.00, but the customer said 60.00: the lower one sets the payment.
    const both = computeOffers(
      offerInput({
        eligible: ['hardship'],
        affordability: { ...budget(3_000, 2_800), affordableMinor: 60_00 },
      }),
    );
    expect(both.options[0]!.monthlyAmountMinor).toBeLessThanOrEqual(60_00);
    // Below the floor no reduced-payment plan is offered (never one above what they said), and the reason is given.
    const tiny = computeOffers(
      offerInput({ eligible: ['hardship'], affordability: { affordableMinor: 5_00 } }),
    );
    expect(tiny.options).toEqual([]);
    expect(tiny.noAffordablePlan).toEqual({
      reason: 'PAYMENT_FLOOR',
      capMinor: 5_00,
      lowestMonthlyMinor: 16_67,
      maxTermMonths: 60,
    });
  });

  it('never asks less than the floor (USD 15.00), and offers nothing when the floor is above the budget', () => {
    const offers = computeOffers(
      offerInput({ balanceMinor: 300_00, eligible: ['hardship'], affordability: budget(1_020, 1_000) }),
    );
    expect(offers.options.map((option) => [option.id, option.monthlyAmountMinor])).toEqual([
      ['hardship-20', 15_00],
    ]);
    expect(offers.noAffordablePlan).toBeUndefined();
    const below = computeOffers(
      offerInput({ balanceMinor: 300_00, eligible: ['hardship'], affordability: budget(1_010, 1_000) }),
    );
    expect(below.options).toEqual([]);
    expect(below.noAffordablePlan).toMatchObject({ reason: 'PAYMENT_FLOOR', lowestMonthlyMinor: 15_00 });
  });

  it('raises the payment when the longest term cannot cover the balance at the target, within the budget', () => {
    const input = offerInput({
      balanceMinor: 10_000_00,
      eligible: ['hardship'],
      affordability: budget(2_300, 2_000),
    });
    const plan = byId(computeOffers(input).options, 'hardship-60');
    expect(plan.monthlyAmountMinor).toBe(166_67); // not the 150.00 target
    expect(plan.instalments).toHaveLength(60);
    expect(plan.affordable).toBe(true);
  });

  it('offers no reduced-payment plan above the budget when even the longest term asks more, and says why', () => {
    const offers = computeOffers(
      offerInput({ balanceMinor: 10_000_00, eligible: ['hardship'], affordability: budget(2_100, 2_000) }),
    );
    expect(offers.options).toEqual([]);
    expect(offers.noAffordablePlan).toEqual({
      reason: 'TERM_LIMIT',
      capMinor: 100_00,
      lowestMonthlyMinor: 166_67,
      maxTermMonths: 60,
    });
  });

  it('a schedule whose rounding would lift one instalment above the budget is not offered (the last one checked too)', () => {
    // 1,795.69 over 6 at a budget of 299.28: 299.29 + 5 × 299.28; over 7 it fits.
    const offers = computeOffers(
      offerInput({
        balanceMinor: 1_795_69,
        eligible: ['hardship'],
        affordability: { affordableMinor: 299_28 },
      }),
    );
    for (const option of offers.options) {
      for (const instalment of option.instalments) expect(instalment.amountMinor).toBeLessThanOrEqual(299_28);
    }
    expect(offers.options.map((option) => option.id)).toEqual(['hardship-7']);
  });

  it('without a declared budget offers the longest term whose instalment reaches the floor', () => {
    const plan = byId(computeOffers(offerInput({ eligible: ['hardship'] })).options, 'hardship-60');
    expect(plan.instalments.filter((instalment) => instalment.amountMinor === 16_67)).toHaveLength(40);
    expect(plan.instalments.filter((instalment) => instalment.amountMinor === 16_66)).toHaveLength(20);
    expect(ids(offerInput({ balanceMinor: 300_00, eligible: ['hardship'] }))).toEqual(['hardship-20']);
  });

  it('never runs beyond 5 years (60 instalments) in China', () => {
    const input = offerInput({
      jurisdiction: 'CN',
      balanceMinor: 1_000_000_00,
      eligible: ['hardship'],
      affordability: budget(50_000, 20_000),
    });
    const plan = byId(computeOffers(input).options, 'hardship-60');
    expect(plan.instalments).toHaveLength(60);
    expect(plan.instalments.at(-1)?.dueDate).toBe('2031-10-30'); // 59 months after 2026-11-30
  });

  it('is not offered for a balance below the floor', () => {
    expect(ids(offerInput({ balanceMinor: 14_99, eligible: ['hardship'] }))).toEqual([]);
    expect(ids(offerInput({ jurisdiction: 'CN', balanceMinor: 49_99, eligible: ['hardship'] }))).toEqual([]);
  });
});

describe('settlement', () => {
  const settlement = (bucket: Bucket, riskBand: RiskBand, balanceMinor = 1_000_00) =>
    computeOffers(offerInput({ bucket, riskBand, balanceMinor, eligible: ['settlement'] })).options[0];

  it.each([
    ['dpd_91_180', 'A', 50_00],
    ['dpd_91_180', 'C', 150_00],
    ['dpd_91_180', 'E', 200_00],
    ['dpd_180_plus', 'A', 200_00],
    ['dpd_180_plus', 'D', 350_00],
    ['dpd_180_plus', 'E', 400_00],
  ] as const)('%s band %s: at most %i off USD 1,000.00, in one payment', (bucket, band, discountMinor) => {
    expect(settlement(bucket, band)).toMatchObject({
      id: 'settlement',
      totalMinor: 1_000_00 - discountMinor,
      discountMinor,
      discountPercent: discountMinor / 1_000,
      termMonths: 1,
    });
  });

  it('is never offered before 91 days past due', () => {
    for (const bucket of ['current', 'dpd_1_30', 'dpd_31_60', 'dpd_61_90'] as const) {
      for (const band of RISK_BANDS) expect(settlement(bucket, band)).toBeUndefined();
    }
  });

  it('rounds the discount down to a whole cent, never beyond the cap, and never overstates the percentage', () => {
    // 5% of 123.45 is 6.1725.
    expect(settlement('dpd_91_180', 'A', 123_45)).toMatchObject({
      discountMinor: 6_17,
      totalMinor: 117_28,
      discountPercent: 4.99,
    });
    // Nothing to discount on one cent: no settlement.
    expect(settlement('dpd_180_plus', 'E', 1)).toBeUndefined();
  });
});

describe('eligibility and affordability', () => {
  it('offers only what the treatment tier allows, always in the same order', () => {
    expect(ids(offerInput({ eligible: [] }))).toEqual([]);
    expect(ids(offerInput({ eligible: ['instalment'] }))).toEqual([
      'instalment-3',
      'instalment-6',
      'instalment-12',
    ]);
    expect(
      ids(offerInput({ bucket: 'dpd_180_plus', eligible: ['hardship', 'instalment', 'pay_in_full'] })),
    ).toEqual(['pay-in-full', 'instalment-3', 'instalment-6', 'instalment-12', 'hardship-60']);
    expect(ids(offerInput({ bucket: 'dpd_180_plus', eligible: ['settlement', 'pay_in_full'] }))).toEqual([
      'pay-in-full',
      'settlement',
    ]);
  });

  it('marks options above the disposable income unaffordable, and still lists them', () => {
    const offers = computeOffers(
      offerInput({
        bucket: 'dpd_180_plus',
        riskBand: 'E',
        affordability: { monthlyIncomeMinor: 3_000_00, monthlyExpensesMinor: 2_800_00 },
      }),
    );
    expect(offers.options.map((option) => [option.id, option.affordable])).toEqual([
      ['pay-in-full', false],
      ['settlement', false],
      ['instalment-3', false],
      ['instalment-6', true],
      ['instalment-12', true],
      ['hardship-10', true],
    ]);
  });

  it('never lists two options with one schedule: a hardship plan that lands on a standard term replaces it', () => {
    // USD 1,795.68 over a USD 300 surplus: half of it (150) takes 12 months, exactly the 12-month instalment plan.
    const input = offerInput({
      balanceMinor: 1_795_68,
      bucket: 'dpd_91_180',
      eligible: ['instalment', 'hardship'],
      affordability: { monthlyIncomeMinor: 2_400_00, monthlyExpensesMinor: 2_100_00 },
    });
    const offers = computeOffers(input);
    expect(offers.options.map((option) => [option.id, option.monthlyAmountMinor])).toEqual([
      ['instalment-3', 598_56],
      ['instalment-6', 299_28],
      ['hardship-12', 149_64],
    ]);
    const schedules = offers.options.map((option) => JSON.stringify(option.instalments));
    expect(new Set(schedules).size).toBe(schedules.length);
    // Without the hardship plan the 12-month instalment plan is offered as before.
    expect(ids({ ...input, eligible: ['instalment'] })).toEqual([
      'instalment-3',
      'instalment-6',
      'instalment-12',
    ]);
  });

  it('offers nothing when nothing is left after expenses, and says so', () => {
    for (const expenses of [2_000_00, 2_500_00]) {
      const offers = computeOffers(
        offerInput({ affordability: { monthlyIncomeMinor: 2_000_00, monthlyExpensesMinor: expenses } }),
      );
      expect(offers.options).toEqual([]);
      expect(offers.noAffordablePlan).toMatchObject({ reason: 'NO_SURPLUS' });
    }
  });
});

/** The most a month may ask under the input's declared budget (as the calculator reads it). */
function capOf(input: ReturnType<typeof offerInput>): number | undefined {
  const a = input.affordability;
  if (!a) return undefined;
  const disposable =
    a.monthlyIncomeMinor !== undefined && a.monthlyExpensesMinor !== undefined
      ? a.monthlyIncomeMinor - a.monthlyExpensesMinor
      : undefined;
  const caps = [disposable, a.affordableMinor].filter((cap) => cap !== undefined);
  return caps.length > 0 ? Math.min(...caps) : undefined;
}

describe('bad input', () => {
  const account = offerInput().account;
  it.each([
    ['negative balance', { account: { ...account, balanceMinor: -1 } }, 'INVALID_MONEY'],
    ['NaN balance', { account: { ...account, balanceMinor: Number.NaN } }, 'INVALID_MONEY'],
    ['fractional balance', { account: { ...account, balanceMinor: 100.5 } }, 'INVALID_MONEY'],
    ['unsafe balance', { account: { ...account, balanceMinor: 2 ** 53 } }, 'INVALID_MONEY'],
    ['negative amount overdue', { account: { ...account, amountOverdueMinor: -5 } }, 'INVALID_MONEY'],
    ['fractional minimum due', { account: { ...account, minimumDueMinor: 0.1 } }, 'INVALID_MONEY'],
    ['zero balance', { account: { ...account, balanceMinor: 0 } }, 'ZERO_BALANCE'],
    ['unknown bucket', { bucket: 'dpd_999' }, 'UNKNOWN_BUCKET'],
    ['unknown risk band', { riskBand: 'F' }, 'UNKNOWN_RISK_BAND'],
    ['unknown offer kind', { eligible: ['pay_in_full', 'loan'] }, 'UNKNOWN_OFFER_KIND'],
    ['impossible date', { today: '2026-02-30' }, 'INVALID_DATE'],
    ['date with time', { today: '2026-11-23T10:00:00Z' }, 'INVALID_DATE'],
    [
      'negative income',
      { affordability: { monthlyIncomeMinor: -1, monthlyExpensesMinor: 0 } },
      'INVALID_MONEY',
    ],
    [
      'NaN expenses',
      { affordability: { monthlyIncomeMinor: 1, monthlyExpensesMinor: Number.NaN } },
      'INVALID_MONEY',
    ],
    ['currency not the jurisdiction’s', { account: { ...account, currency: 'CNY' } }, 'CURRENCY_MISMATCH'],
    ['unknown jurisdiction', { account: { ...account, jurisdiction: 'UK' } }, 'UNKNOWN_JURISDICTION'],
    [
      'inherited property as jurisdiction',
      { account: { ...account, jurisdiction: 'toString' } },
      'UNKNOWN_JURISDICTION',
    ],
  ])('%s → %s', (_, overrides, code) => {
    const input = { ...offerInput(), ...overrides } as OfferInput;
    expect(() => computeOffers(input)).toThrowError(DomainError);
    expect(() => computeOffers(input)).toThrowError(expect.objectContaining({ kind: 'invalid', code }));
  });
});

describe('offer policy', () => {
  const US_POLICY = OFFER_POLICY.jurisdictions.US;
  const withUs = (changes: Record<string, unknown>) => ({
    ...OFFER_POLICY,
    jurisdictions: { ...OFFER_POLICY.jurisdictions, US: { ...US_POLICY, ...changes } },
  });

  it('is version offers-2026.11.1 and caps China’s hardship term at 60 months', () => {
    expect(OFFER_POLICY.version).toBe('offers-2026.11.1');
    expect(OFFER_POLICY.jurisdictions.CN.hardship.maxTermMonths).toBeLessThanOrEqual(60);
    expect(parseOfferPolicy(OFFER_POLICY)).toEqual(OFFER_POLICY);
  });

  it.each([
    ['a hardship term beyond 60 months', withUs({ hardship: { ...US_POLICY.hardship, maxTermMonths: 61 } })],
    [
      'an instalment term beyond 60 months',
      withUs({ instalment: { ...US_POLICY.instalment, termMonths: [3, 72] } }),
    ],
    ['terms out of order', withUs({ instalment: { ...US_POLICY.instalment, termMonths: [6, 3] } })],
    ['a zero minimum instalment', withUs({ instalment: { ...US_POLICY.instalment, minInstalmentMinor: 0 } })],
    [
      'a floor above the minimum instalment',
      withUs({ hardship: { ...US_POLICY.hardship, reducedPaymentFloorMinor: 30_00 } }),
    ],
    [
      'fees that are not frozen',
      withUs({ hardship: { ...US_POLICY.hardship, interestAndFeesFrozen: false } }),
    ],
    ['a lead of 0 days', withUs({ firstDueLeadDays: 0 })],
    ['a holiday that is no date', withUs({ holidays: ['2026-02-30'] })],
    [
      'USD offers in China',
      { ...OFFER_POLICY, jurisdictions: { ...OFFER_POLICY.jurisdictions, CN: US_POLICY } },
    ],
    ['a bad version', { ...OFFER_POLICY, version: '2026.11' }],
  ])('rejects %s', (_, policy) => {
    expect(() => parseOfferPolicy(policy)).toThrowError(OfferPolicyError);
  });

  it('rejects discounts above 50%, fractions of a basis point, and caps shrinking with risk or arrears', () => {
    const table = US_POLICY.settlement.maxDiscount;
    const withDiscount = (bucket: Bucket, band: RiskBand, discount: number) =>
      withUs({ settlement: { maxDiscount: { ...table, [bucket]: { ...table[bucket], [band]: discount } } } });
    expect(() => parseOfferPolicy(withDiscount('dpd_180_plus', 'E', 0.6))).toThrowError(/settlement/);
    expect(() => parseOfferPolicy(withDiscount('dpd_180_plus', 'E', 0.40005))).toThrowError(/basis points/);
    expect(() => parseOfferPolicy(withDiscount('dpd_180_plus', 'E', 0.1))).toThrowError(/shrink/);
    expect(() => parseOfferPolicy(withDiscount('dpd_61_90', 'A', 0.1))).toThrowError(/shrink/);
    expect(
      parseOfferPolicy(withDiscount('dpd_180_plus', 'E', 0.5)).jurisdictions.US.settlement.maxDiscount
        .dpd_180_plus.E,
    ).toBe(0.5);
  });
});

describe('properties over arbitrary accounts', () => {
  const jurisdiction = fc.constantFrom<Jurisdiction>('US', 'CN');
  // Small balances reach the minimum-instalment and floor edges; large ones the term caps.
  const balanceMinor = fc.oneof(
    fc.integer({ min: 1, max: 20_000 }),
    fc.integer({ min: 1, max: 1_000_000_000 }),
  );
  const today = fc.integer({ min: 0, max: 729 }).map((day) => addDays('2026-01-01', day));
  const money = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 100_000_000 }));
  const affordability = fc.option(fc.record({ monthlyIncomeMinor: money, monthlyExpensesMinor: money }), {
    nil: undefined,
  });
  const anyInput = fc
    .record({
      jurisdiction,
      balanceMinor,
      bucket: fc.constantFrom(...BUCKETS),
      riskBand: fc.constantFrom(...RISK_BANDS),
      eligible: fc.subarray(ALL_KINDS),
      today,
      affordability,
    })
    .map((drawn) => offerInput(drawn));

  const forEveryOption = (check: (option: OfferOption, input: OfferInput) => void) =>
    fc.assert(
      fc.property(anyInput, (input) => {
        for (const option of computeOffers(input).options) check(option, input);
      }),
      { numRuns: 300 },
    );
  const rulesOf = (input: OfferInput) => OFFER_POLICY.jurisdictions[input.account.jurisdiction];

  it('(a) every schedule sums exactly to its total, in near-equal non-increasing whole units', () => {
    forEveryOption((option) => {
      const amounts = option.instalments.map((instalment) => instalment.amountMinor);
      expect(amounts.reduce((sum, amount) => sum + amount, 0)).toBe(option.totalMinor);
      expect(amounts.every(Number.isSafeInteger)).toBe(true);
      expect(option.termMonths).toBe(amounts.length);
      expect(option.monthlyAmountMinor).toBe(amounts[0]);
      expect(amounts[0]! - amounts.at(-1)!).toBeLessThanOrEqual(1);
      for (let i = 1; i < amounts.length; i++) expect(amounts[i]).toBeLessThanOrEqual(amounts[i - 1]!);
    });
  });

  it('(b) every option stays within the policy bounds', () => {
    forEveryOption((option, input) => {
      const rules = rulesOf(input);
      const amounts = option.instalments.map((instalment) => instalment.amountMinor);
      const balance = input.account.balanceMinor;
      switch (option.kind) {
        case 'instalment':
          expect(rules.instalment.termMonths).toContain(option.termMonths);
          expect(Math.min(...amounts)).toBeGreaterThanOrEqual(rules.instalment.minInstalmentMinor);
          break;
        case 'hardship':
          expect(option.termMonths).toBeLessThanOrEqual(rules.hardship.maxTermMonths);
          expect(option.termMonths).toBeLessThanOrEqual(60);
          expect(Math.min(...amounts)).toBeGreaterThanOrEqual(rules.hardship.reducedPaymentFloorMinor);
          break;
        case 'settlement': {
          const capBasisPoints = Math.round(
            rules.settlement.maxDiscount[input.bucket][input.riskBand] * 10_000,
          );
          expect(option.discountMinor).toBeGreaterThan(0);
          expect(option.discountMinor * 10_000).toBeLessThanOrEqual(balance * capBasisPoints);
          expect(option.totalMinor * 10_000).toBeGreaterThanOrEqual(balance * (10_000 - capBasisPoints));
          expect(Math.round(option.discountPercent * 100)).toBeLessThanOrEqual(capBasisPoints);
          expect(option.termMonths).toBe(1);
          break;
        }
        case 'pay_in_full':
          expect(option.termMonths).toBe(1);
          break;
      }
      if (option.kind !== 'settlement')
        expect([option.discountMinor, option.discountPercent]).toEqual([0, 0]);
    });
  });

  it('(c) due dates are business days, strictly increasing, the first on or after today + lead', () => {
    forEveryOption((option, input) => {
      const rules = rulesOf(input);
      const holidays = new Set(rules.holidays);
      const dates = option.instalments.map((instalment) => instalment.dueDate);
      expect(dates[0]).toBe(option.firstDueDate);
      expect(option.firstDueDate >= addDays(input.today, rules.firstDueLeadDays)).toBe(true);
      expect(option.firstDueDate <= addDays(input.today, rules.firstDueLeadDays + 14)).toBe(true);
      dates.forEach((date, i) => {
        expect(isBusinessDay(date, holidays)).toBe(true);
        if (i > 0) expect(date > dates[i - 1]!).toBe(true);
      });
    });
  });

  it('(d) no total exceeds the balance: plans never add fees', () => {
    forEveryOption((option, input) => {
      const balance = input.account.balanceMinor;
      expect(option.totalMinor).toBeLessThanOrEqual(balance);
      expect(option.totalMinor + option.discountMinor).toBe(balance);
    });
  });

  it('offers only eligible kinds, hardship alone without disposable income, and marks affordability', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const offers = computeOffers(input);
        expect(offers).toEqual(computeOffers(input));
        expect(offers.totalDueMinor).toBe(input.account.balanceMinor);
        const disposable =
          input.affordability &&
          input.affordability.monthlyIncomeMinor! - input.affordability.monthlyExpensesMinor!;
        for (const option of offers.options) {
          expect(input.eligible).toContain(option.kind);
          if (disposable !== undefined && disposable <= 0) expect(option.kind).toBe('hardship');
          expect(option.affordable).toBe(
            disposable === undefined ? undefined : option.monthlyAmountMinor <= disposable,
          );
        }
        const ids = offers.options.map((option) => option.id);
        expect(new Set(ids).size).toBe(ids.length);
        const cap = capOf(input);
        // A reduced-payment plan never asks more than the budget, in any instalment; when none fits, why.
        for (const option of offers.options.filter((o) => o.kind === 'hardship')) {
          if (cap !== undefined)
            for (const instalment of option.instalments)
              expect(instalment.amountMinor).toBeLessThanOrEqual(cap);
        }
        const hardshipPossible =
          input.eligible.includes('hardship') &&
          input.account.balanceMinor >= rulesOf(input).hardship.reducedPaymentFloorMinor;
        const hardshipOffered = offers.options.some((option) => option.kind === 'hardship');
        if (cap === undefined) expect(hardshipOffered).toBe(hardshipPossible);
        else if (hardshipPossible && !hardshipOffered) expect(offers.noAffordablePlan).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });
});
