/** The supervisor dashboard's aggregation: every figure from known rows, by hand. */
import { describe, expect, it } from 'vitest';
import type { Bucket } from '../../lambdas/domain/accounts/account';
import {
  buildDashboard,
  type DashboardAccount,
  type DashboardInput,
  reasonCode,
  rollRates,
  scoreHistogram,
} from '../../lambdas/domain/dashboard/dashboard';
import type { Tier, Variant } from '../../lambdas/domain/treatment/treatment-policy';

const NOW = new Date('2026-11-23T12:00:00.000Z');

function account(
  accountId: string,
  scored: {
    bucket: Bucket;
    tier: Tier;
    score: number;
    band: 'A' | 'B' | 'C' | 'D' | 'E';
    variant?: Variant;
    from?: Bucket | null;
  } | null,
  extra: Partial<DashboardAccount> = {},
): DashboardAccount {
  return {
    accountId,
    currency: 'USD',
    balanceMinor: 100_000,
    amountOverdueMinor: 10_000,
    ...(scored
      ? {
          risk: { score: scored.score, band: scored.band },
          treatment: {
            bucket: scored.bucket,
            tier: scored.tier,
            variant: scored.variant ?? 'champion',
            ...(scored.from !== undefined ? { tierChange: { previousBucket: scored.from } } : {}),
          },
        }
      : {}),
    ...extra,
  };
}

const ACCOUNTS: DashboardAccount[] = [
  account('A1', { bucket: 'current', tier: 'monitor', score: 400, band: 'A' }),
  account('A2', { bucket: 'dpd_1_30', tier: 'reminder', score: 480, band: 'B', from: 'current' }),
  account(
    'A3',
    { bucket: 'dpd_31_60', tier: 'agent_call', score: 530, band: 'C', from: 'dpd_1_30' },
    {
      currency: 'CNY',
      balanceMinor: 700_000,
      amountOverdueMinor: 70_000,
      repaymentPlan: { kind: 'instalment' },
    },
  ),
  account(
    'A4',
    { bucket: 'dpd_1_30', tier: 'reminder', score: 470, band: 'B', variant: 'challenger', from: 'dpd_31_60' },
    { repaymentPlan: { kind: 'hardship' } },
  ),
  account(
    'A5',
    {
      bucket: 'dpd_31_60',
      tier: 'hardship_restructure',
      score: 590,
      band: 'E',
      variant: 'challenger',
      from: 'dpd_1_30',
    },
    { promise: { dueDate: '2026-11-30' } },
  ),
  account('A6', null, { balanceMinor: 50_000, amountOverdueMinor: 0 }),
];

const INPUT: DashboardInput = {
  accounts: ACCOUNTS,
  drafts: [
    { accountId: 'A2', draftId: 'd1', status: 'ready', tier: 'reminder' },
    { accountId: 'A3', draftId: 'd2', status: 'ready', tier: 'agent_call' },
    { accountId: 'A3', draftId: 'd3', status: 'blocked', tier: 'agent_call' },
    { accountId: 'A5', draftId: 'd4', status: 'blocked', tier: 'hardship_restructure' },
  ],
  blockedMessages: [
    { accountId: 'A2', messageId: 'm1', channel: 'sms', blockedReasons: ['DISPUTE_HOLD'] },
    {
      accountId: 'A3',
      messageId: 'm2',
      channel: 'email',
      blockedReasons: [
        'MESSAGE_REJECTED',
        'FORBIDDEN_THREAT: forbidden phrase "arrest" [US-THREATS@1]',
        'NUMBER_NOT_IN_OFFER: USD 5.00 [GATE-OFFER-NUMBERS@1]',
      ],
    },
    { accountId: 'A5', messageId: 'm3', channel: 'sms', blockedReasons: ['DISPUTE_HOLD', 'NO_SMS_CONSENT'] },
    { accountId: 'A5', messageId: 'm4', channel: 'portal', blockedReasons: [] },
  ],
  promiseEntries: [
    // Kept: due date passed, no PromiseBroken.
    { accountId: 'A1', kind: 'PromiseToPayRecorded', at: '2026-11-01T10:00:00Z', dueDate: '2026-11-10' },
    // Broken (the broken entry arrives twice: counted once).
    { accountId: 'A2', kind: 'PromiseToPayRecorded', at: '2026-11-02T10:00:00Z', dueDate: '2026-11-12' },
    { accountId: 'A2', kind: 'PromiseBroken', at: '2026-11-13T06:00:00Z', dueDate: '2026-11-12' },
    { accountId: 'A2', kind: 'PromiseBroken', at: '2026-11-13T06:01:00Z', dueDate: '2026-11-12' },
    // Superseded by a newer promise before it fell due; the newer one is pending.
    { accountId: 'A5', kind: 'PromiseToPayRecorded', at: '2026-11-05T10:00:00Z', dueDate: '2026-11-20' },
    { accountId: 'A5', kind: 'PromiseToPayRecorded', at: '2026-11-18T10:00:00Z', dueDate: '2026-11-30' },
    // Restated with the same date: one promise.
    { accountId: 'A5', kind: 'PromiseToPayRecorded', at: '2026-11-19T10:00:00Z', dueDate: '2026-11-30' },
  ],
  payments: {
    instalments: [
      {
        accountId: 'A2',
        instalmentId: 'statement-2026-10-25',
        currency: 'USD',
        status: 'paid',
        missedAt: '2026-10-29T00:00:00Z',
      },
    ],
    attempts: [
      {
        accountId: 'A2',
        attemptId: 'statement-2026-10-25#1',
        instalmentId: 'statement-2026-10-25',
        number: 1,
        currency: 'USD',
        state: 'succeeded',
        amountMinor: 5_000,
      },
    ],
  },
};

describe('supervisor dashboard aggregation', () => {
  const dashboard = buildDashboard(INPUT, NOW);

  it('sums accounts, balances and arrears per currency by bucket and by tier, unscored apart', () => {
    expect(dashboard.portfolio.accounts).toBe(6);
    expect(dashboard.portfolio.balanceMinor).toEqual({ USD: 450_000, CNY: 700_000 });
    expect(dashboard.portfolio.amountOverdueMinor).toEqual({ USD: 40_000, CNY: 70_000 });
    const bucket = (key: Bucket) => dashboard.portfolio.byBucket.find((row) => row.key === key);
    expect(dashboard.portfolio.byBucket.map((row) => row.key)).toEqual([
      'current',
      'dpd_1_30',
      'dpd_31_60',
      'dpd_61_90',
      'dpd_91_180',
      'dpd_180_plus',
    ]);
    expect(bucket('dpd_31_60')).toEqual({
      key: 'dpd_31_60',
      accounts: 2,
      balanceMinor: { USD: 100_000, CNY: 700_000 },
      amountOverdueMinor: { USD: 10_000, CNY: 70_000 },
    });
    expect(bucket('dpd_61_90')?.accounts).toBe(0);
    const tier = (key: Tier) => dashboard.portfolio.byTier.find((row) => row.key === key);
    expect(tier('reminder')).toMatchObject({ accounts: 2, balanceMinor: { USD: 200_000, CNY: 0 } });
    expect(tier('excluded')?.accounts).toBe(0);
    expect(dashboard.portfolio.unscored).toEqual({
      accounts: 1,
      balanceMinor: { USD: 50_000, CNY: 0 },
      amountOverdueMinor: { USD: 0, CNY: 0 },
    });
  });

  it('bins scores into 10 equal bins over the observed range, and counts bands', () => {
    expect(dashboard.scores.scored).toBe(5);
    // 400..590 → from 400, width ceil(191 / 10) = 20.
    expect(dashboard.scores.histogram).toHaveLength(10);
    expect(dashboard.scores.histogram[0]).toEqual({ from: 400, to: 420, accounts: 1 });
    expect(dashboard.scores.histogram.map((bin) => bin.accounts)).toEqual([1, 0, 0, 1, 1, 0, 1, 0, 0, 1]);
    expect(dashboard.scores.byBand).toEqual([
      { band: 'A', accounts: 1, share: 0.2 },
      { band: 'B', accounts: 2, share: 0.4 },
      { band: 'C', accounts: 1, share: 0.2 },
      { band: 'D', accounts: 0, share: 0 },
      { band: 'E', accounts: 1, share: 0.2 },
    ]);
    expect(scoreHistogram([])).toEqual([]);
    const same = scoreHistogram([512, 512]);
    expect(same[0]).toEqual({ from: 510, to: 511, accounts: 0 });
    expect(same.reduce((sum, bin) => sum + bin.accounts, 0)).toBe(2);
  });

  it('builds the roll-rate matrix from the statement history: last month for 30 days, three for 90', () => {
    // Latest statement first: payStatus -1/0 = current, n = n months late.
    const withHistory = (accountId: string, payStatuses: number[]): DashboardAccount =>
      account(accountId, null, {
        statements: payStatuses.map((payStatus, index) => ({ month: `2026-${10 - index}`, payStatus })),
      });
    const accounts = [
      withHistory('R1', [1, 0, 0, 0]), // current → 1–30 last month
      withHistory('R2', [2, 1, 0, 0]), // 1–30 → 31–60, before that current → 1–30
      withHistory('R3', [1, 2, 1, -1]), // 31–60 → 1–30 (cured one bucket)
      withHistory('R4', [-1, -1, -1, -1]), // stayed current
      withHistory('R5', [8, 7, 6, 5]), // 180+ → 180+; before: 91–180 → 180+, 91–180 → 91–180
      account('R6', null), // no statements: not counted
    ];
    const month = rollRates(accounts, 1);
    expect(month.accounts).toBe(5);
    const row = (from: Bucket) => month.rows.find((r) => r.from === from)!;
    expect(row('current')).toMatchObject({ total: 2, counts: { current: 1, dpd_1_30: 1 } });
    expect(row('current').rates).toMatchObject({ current: 0.5, dpd_1_30: 0.5 });
    expect(row('dpd_1_30')).toMatchObject({ total: 1, counts: { dpd_31_60: 1 }, rates: { dpd_31_60: 1 } });
    expect(row('dpd_31_60').counts.dpd_1_30).toBe(1);
    expect(row('dpd_180_plus').counts.dpd_180_plus).toBe(1);
    expect(row('dpd_61_90')).toMatchObject({ total: 0, rates: { dpd_61_90: 0 } });
    const quarter = rollRates(accounts, 3);
    expect(quarter.rows.reduce((sum, r) => sum + r.total, 0)).toBe(15);
    expect(quarter.rows.find((r) => r.from === 'dpd_91_180')!.counts).toMatchObject({
      dpd_91_180: 1,
      dpd_180_plus: 1,
    });
    // The range picks the months: 90 days reads three moves, 30 days one.
    expect(buildDashboard({ ...INPUT, accounts }, NOW, 90).rollRates).toEqual(quarter);
    expect(buildDashboard({ ...INPUT, accounts }, NOW, 30).rollRates).toEqual(month);
  });

  it('counts offers drafted (ready and blocked) and plans accepted', () => {
    expect(dashboard.offers).toEqual({
      drafts: 4,
      ready: 2,
      blocked: 2,
      accountsOffered: 3,
      byTier: [
        { tier: 'reminder', ready: 1, blocked: 0 },
        { tier: 'agent_call', ready: 1, blocked: 1 },
        { tier: 'hardship_restructure', ready: 0, blocked: 1 },
      ],
      accepted: {
        accounts: 2,
        byKind: { pay_in_full: 0, settlement: 0, instalment: 1, hardship: 1 },
        // A3 was offered and accepted; A4 accepted without a stored draft.
        rateAmongOffered: 0.3333,
      },
    });
  });

  it('classifies promises as pending, kept, broken or superseded', () => {
    expect(dashboard.promises).toEqual({
      open: 1,
      recorded: 4,
      pending: 1,
      kept: 1,
      broken: 1,
      superseded: 1,
      keptRate: 0.5,
    });
    expect(buildDashboard({ ...INPUT, promiseEntries: [] }, NOW).promises.keptRate).toBeNull();
  });

  it('counts blocked messages by reason code and by channel', () => {
    expect(dashboard.blockedContacts).toEqual({
      messages: 4,
      byReason: [
        { reason: 'DISPUTE_HOLD', messages: 2 },
        { reason: 'FORBIDDEN_THREAT', messages: 1 },
        { reason: 'MESSAGE_REJECTED', messages: 1 },
        { reason: 'NO_SMS_CONSENT', messages: 1 },
        { reason: 'NUMBER_NOT_IN_OFFER', messages: 1 },
        { reason: 'UNSPECIFIED', messages: 1 },
      ],
      byChannel: { sms: 2, email: 1, portal: 1 },
    });
    expect(reasonCode('SEND_UNCONFIRMED: the sender stopped')).toBe('SEND_UNCONFIRMED');
  });

  it('compares the champion and challenger strategies', () => {
    expect(dashboard.variants).toEqual([
      {
        variant: 'champion',
        accounts: 3,
        averageScore: 470,
        inArrears: 2,
        inArrearsShare: 0.6667,
        plansAccepted: 1,
        planAcceptanceRate: 0.3333,
      },
      {
        variant: 'challenger',
        accounts: 2,
        averageScore: 530,
        inArrears: 2,
        inArrearsShare: 1,
        plansAccepted: 1,
        planAcceptanceRate: 0.5,
      },
    ]);
  });

  it('carries the payment figures (see payment-metrics.test.ts)', () => {
    expect(dashboard.payments.cure).toMatchObject({ missed: 1, withAttempt: 1, cured: 1, rate: 1 });
    expect(dashboard.payments.recovery.recoveredMinor).toEqual({ USD: 5_000, CNY: 0 });
  });

  it('stays well formed for an empty portfolio', () => {
    const empty = buildDashboard(
      {
        accounts: [],
        drafts: [],
        blockedMessages: [],
        promiseEntries: [],
        payments: { instalments: [], attempts: [] },
      },
      NOW,
    );
    expect(empty.portfolio.accounts).toBe(0);
    expect(empty.scores.histogram).toEqual([]);
    expect(empty.rollRates.rows.every((row) => row.total === 0)).toBe(true);
    expect(empty.variants.map((v) => [v.accounts, v.averageScore, v.inArrearsShare])).toEqual([
      [0, null, 0],
      [0, null, 0],
    ]);
    expect(empty.payments.cure.rate).toBeNull();
    expect(empty.payments.recovery.byAttempt).toEqual([]);
    expect(empty.generatedAt).toBe(NOW.toISOString());
    expect(empty.today).toBe('2026-11-23');
  });
});
