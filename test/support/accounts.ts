import type { Account, AccountFlags } from '../../lambdas/domain/accounts/account';

export const NO_FLAGS: AccountFlags = {
  dispute: false,
  ceaseRequested: false,
  hardshipPlan: false,
  promiseToPay: false,
  deceased: false,
  bankrupt: false,
};

/** A plausible US account; override what the test is about. */
export function anAccount(overrides: Partial<Account> & { accountId: string }): Account {
  return {
    jurisdiction: 'US',
    currency: 'USD',
    product: 'credit_card',
    customer: {
      name: 'Alex Example',
      dateOfBirth: '1980-04-02',
      phone: '+1-202-555-0100',
      email: 'alex.example@example.com',
      language: 'en',
      timezone: 'America/New_York',
      contactPreferences: { smsConsent: true, refusedChannels: [] },
    },
    creditLimitMinor: 500_000,
    balanceMinor: 120_000,
    amountOverdueMinor: 0,
    minimumDueMinor: 3_600,
    nextDueDate: '2026-12-15',
    statements: ['2026-10', '2026-09', '2026-08', '2026-07', '2026-06', '2026-05'].map((month) => ({
      month,
      creditLimitMinor: 500_000,
      statementBalanceMinor: 120_000,
      amountPaidMinor: 5_000,
      payStatus: 0,
    })),
    flags: NO_FLAGS,
    openedAt: '2019-03-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

/** An account the last scoring run put in `tier` (default `reminder`: 1–30 days late, risk band B). */
export function aScoredAccount(
  overrides: Partial<Account> & { accountId: string },
  placement: { tier?: 'reminder' | 'monitor'; assessedAt?: string } = {},
): Account {
  const tier = placement.tier ?? 'reminder';
  return {
    ...anAccount({ amountOverdueMinor: 3_600, oldestUnpaidDueDate: '2026-11-10', ...overrides }),
    risk: {
      modelVersion: 'm',
      probabilityOfDefault: 0.2,
      score: 520,
      band: 'B',
      reasons: [],
      fallback: false,
    },
    treatment: {
      bucket: tier === 'reminder' ? 'dpd_1_30' : 'current',
      tier,
      variant: 'champion',
      policyVersion: 'p',
      fingerprint: 'f',
      assessedAt: placement.assessedAt ?? '2026-11-23T02:00:00.000Z',
      runId: 'run-1',
    },
    ...overrides,
  };
}
