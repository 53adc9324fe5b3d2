import { describe, expect, it } from 'vitest';
import type { Account, Bucket } from '../../lambdas/domain/accounts/account';
import { bucketFor, daysPastDue } from '../../lambdas/domain/accounts/delinquency';
import { DEMO_PORTFOLIO_DEFAULTS, generateDemoPortfolio } from '../../local/seed/demo-portfolio';

const AS_OF = '2026-11-23';
const portfolio = generateDemoPortfolio({ ...DEMO_PORTFOLIO_DEFAULTS, asOf: AS_OF });
/** Large enough for the rare flags to show their rates. */
const large = generateDemoPortfolio({ count: 20_000, seed: 7, asOf: AS_OF });

const MS_PER_DAY = 86_400_000;
const dpdOf = (account: Account, asOf = AS_OF): number => daysPastDue(account.oldestUnpaidDueDate, asOf);
const bucketOf = (account: Account, asOf = AS_OF): Bucket => bucketFor(dpdOf(account, asOf));
const share = (accounts: readonly Account[], predicate: (account: Account) => boolean): number =>
  accounts.filter(predicate).length / accounts.length;
const mean = (values: readonly number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / values.length;
const utilisation = (account: Account): number => account.balanceMinor / account.creditLimitMinor;

describe('generateDemoPortfolio: reproducibility', () => {
  it('gives deeply equal accounts for the same options', () => {
    expect(generateDemoPortfolio({ ...DEMO_PORTFOLIO_DEFAULTS, asOf: AS_OF })).toEqual(portfolio);
  });

  it('gives a different portfolio for another seed', () => {
    const other = generateDemoPortfolio({ count: 50, seed: DEMO_PORTFOLIO_DEFAULTS.seed + 1, asOf: AS_OF });
    expect(other).not.toEqual(portfolio.slice(0, 50));
  });

  it('is prefix-stable: a smaller portfolio is the start of a larger one', () => {
    expect(generateDemoPortfolio({ count: 40, seed: DEMO_PORTFOLIO_DEFAULTS.seed, asOf: AS_OF })).toEqual(
      portfolio.slice(0, 40),
    );
  });

  it('honours the count', () => {
    expect(portfolio).toHaveLength(1200);
    for (const count of [0, 1, 37]) {
      expect(generateDemoPortfolio({ count, seed: 1, asOf: AS_OF })).toHaveLength(count);
    }
  });

  it('rejects invalid options', () => {
    expect(() => generateDemoPortfolio({ count: -1, seed: 1, asOf: AS_OF })).toThrow(RangeError);
    expect(() => generateDemoPortfolio({ count: 1.5, seed: 1, asOf: AS_OF })).toThrow(RangeError);
    expect(() => generateDemoPortfolio({ count: 1, seed: 0.5, asOf: AS_OF })).toThrow(RangeError);
    expect(() => generateDemoPortfolio({ count: 1, seed: 1, asOf: '2026-02-30' })).toThrow(RangeError);
    expect(() => generateDemoPortfolio({ count: 1, seed: 1, asOf: '2026/11/23' })).toThrow(RangeError);
  });
});

describe('generateDemoPortfolio: delinquency', () => {
  const TARGET_SHARES: Record<Bucket, number> = {
    current: 0.55,
    dpd_1_30: 0.18,
    dpd_31_60: 0.09,
    dpd_61_90: 0.06,
    dpd_91_180: 0.07,
    dpd_180_plus: 0.05,
  };

  it('spreads the default portfolio over every bucket near the target shares', () => {
    for (const [bucket, target] of Object.entries(TARGET_SHARES)) {
      const measured = share(portfolio, (account) => bucketOf(account) === bucket);
      expect(measured, bucket).toBeGreaterThan(0);
      // About three binomial standard deviations on 1,200 accounts.
      expect(Math.abs(measured - target), bucket).toBeLessThan(
        Math.max(0.02, 3 * Math.sqrt((target * (1 - target)) / 1200)),
      );
    }
  });

  it('dates the oldest unpaid instalment exactly when something is overdue', () => {
    for (const account of portfolio) {
      const dpd = dpdOf(account);
      expect(account.oldestUnpaidDueDate === undefined, account.accountId).toBe(dpd === 0);
      if (account.oldestUnpaidDueDate) expect(account.oldestUnpaidDueDate < AS_OF).toBe(true);
    }
  });

  it('puts the next due date on the due day (1–28) within a month after asOf', () => {
    for (const account of portfolio) {
      const days = (Date.parse(account.nextDueDate) - Date.parse(AS_OF)) / MS_PER_DAY;
      expect(days, account.accountId).toBeGreaterThan(0);
      expect(days, account.accountId).toBeLessThanOrEqual(31);
      const dueDay = Number(account.nextDueDate.slice(8));
      expect(dueDay).toBeGreaterThanOrEqual(1);
      expect(dueDay).toBeLessThanOrEqual(28);
      // The unpaid instalment fell due on the same day of an earlier month.
      if (account.oldestUnpaidDueDate) expect(Number(account.oldestUnpaidDueDate.slice(8))).toBe(dueDay);
    }
  });
});

describe('generateDemoPortfolio: statement history', () => {
  it('has exactly six consecutive months, latest first, starting the month before asOf', () => {
    for (const account of portfolio) {
      expect(account.statements.map((statement) => statement.month)).toEqual([
        '2026-10',
        '2026-09',
        '2026-08',
        '2026-07',
        '2026-06',
        '2026-05',
      ]);
    }
    const [account] = generateDemoPortfolio({ count: 1, seed: 3, asOf: '2027-01-05' });
    expect(account!.statements.map((statement) => statement.month)).toEqual([
      '2026-12',
      '2026-11',
      '2026-10',
      '2026-09',
      '2026-08',
      '2026-07',
    ]);
  });

  it('gives a latest pay status consistent with the days past due', () => {
    for (const account of portfolio) {
      const dpd = dpdOf(account);
      const latest = account.statements[0]!.payStatus;
      if (dpd === 0) expect(latest, account.accountId).toBeLessThanOrEqual(0);
      // Completed 30-day periods of delay, at least 1 and capped at 9 (65 days → 2, 200 days → 6).
      else expect(latest, account.accountId).toBe(Math.min(9, Math.max(1, Math.floor(dpd / 30))));
    }
  });

  it('rolls delinquency forward one status a month', () => {
    const rollsForward = (statuses: readonly number[]): boolean =>
      statuses.every((status, month) => {
        if (!Number.isInteger(status) || status < -2 || status > 9) return false;
        const older = statuses[month + 1];
        if (older === undefined) return true;
        if (status === 1) return older <= 0;
        if (status >= 2) return older === status - 1 || (status === 9 && older === 9);
        return true;
      });
    expect(rollsForward([6, 5, 4, 3, 2, 1])).toBe(true);
    expect(rollsForward([2, 2, 1, 0, 0, 0])).toBe(false);
    const offenders = portfolio.filter(
      (account) => !rollsForward(account.statements.map((statement) => statement.payStatus)),
    );
    expect(offenders.map((account) => account.accountId)).toEqual([]);
    const twoHundredDays = portfolio.find((account) => dpdOf(account) >= 180 && dpdOf(account) < 210);
    expect(twoHundredDays?.statements.map((statement) => statement.payStatus)).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('has mostly clean histories on current accounts, with occasional cured delays', () => {
    const current = portfolio.filter((account) => dpdOf(account) === 0);
    const withPastDelay = share(current, (account) =>
      account.statements.some((month) => month.payStatus >= 1),
    );
    expect(withPastDelay).toBeGreaterThan(0);
    expect(withPastDelay).toBeLessThan(0.15);
  });

  it('keeps payments consistent with the pay status of each month', () => {
    for (const account of portfolio) {
      const { statements } = account;
      for (let month = 0; month < statements.length - 1; month++) {
        const { payStatus, amountPaidMinor, statementBalanceMinor } = statements[month]!;
        const older = statements[month + 1]!;
        const previousBalance = older.statementBalanceMinor;
        // As in the UCI data, a month's payment settles the statement before it.
        if (payStatus <= -1) expect(amountPaidMinor, account.accountId).toBe(previousBalance);
        if (payStatus === -2) expect(statementBalanceMinor).toBe(0);
        if (payStatus >= 1) {
          expect(amountPaidMinor, account.accountId).toBeLessThan(0.03 * previousBalance);
          // No new spending while delinquent: the balance only grows by interest and fees.
          expect(statementBalanceMinor).toBeGreaterThan(0);
        }
        if (payStatus === 0 && older.payStatus <= 0 && previousBalance >= 100_000) {
          const ratio = amountPaidMinor / previousBalance;
          expect(ratio, account.accountId).toBeGreaterThanOrEqual(0.029);
          expect(ratio, account.accountId).toBeLessThanOrEqual(0.2);
        }
      }
    }
  });

  it('lets riskier accounts use more of their limit and pay less', () => {
    const byBucket = (bucket: Bucket) => portfolio.filter((account) => bucketOf(account) === bucket);
    const current = mean(byBucket('current').map(utilisation));
    const early = mean(byBucket('dpd_1_30').map(utilisation));
    const late = mean(byBucket('dpd_180_plus').map(utilisation));
    expect(current).toBeLessThan(early);
    expect(early).toBeLessThan(late);
    expect(Math.max(...portfolio.map(utilisation))).toBeGreaterThan(1);
    expect(Math.max(...portfolio.map(utilisation))).toBeLessThan(1.5);

    const paidInFullShare = (accounts: readonly Account[]) =>
      share(accounts, (account) => account.statements.slice(1).some((month) => month.payStatus === -1));
    expect(paidInFullShare(byBucket('current'))).toBeGreaterThan(
      paidInFullShare(byBucket('dpd_31_60')) + 0.1,
    );
  });
});

describe('generateDemoPortfolio: money', () => {
  const isMinorAmount = (value: number) => Number.isSafeInteger(value) && value >= 0;

  it('keeps every amount a non-negative integer of minor units', () => {
    const offenders = portfolio.filter((account) => {
      const amounts = [
        account.creditLimitMinor,
        account.balanceMinor,
        account.amountOverdueMinor,
        account.minimumDueMinor,
        ...account.statements.flatMap((month) => [
          month.creditLimitMinor,
          month.statementBalanceMinor,
          month.amountPaidMinor,
        ]),
      ];
      return !amounts.every(isMinorAmount);
    });
    expect(offenders.map((account) => account.accountId)).toEqual([]);
  });

  it('takes limit and balance from the latest statement and orders the amounts due', () => {
    for (const account of portfolio) {
      const latest = account.statements[0]!;
      expect(account.creditLimitMinor).toBe(latest.creditLimitMinor);
      expect(account.balanceMinor).toBe(latest.statementBalanceMinor);
      expect(account.amountOverdueMinor > 0, account.accountId).toBe(dpdOf(account) > 0);
      expect(account.amountOverdueMinor).toBeLessThanOrEqual(account.balanceMinor);
      expect(account.minimumDueMinor).toBeGreaterThanOrEqual(account.amountOverdueMinor);
      expect(account.minimumDueMinor).toBeLessThanOrEqual(account.balanceMinor);
    }
  });

  it('uses sensible credit limits per currency', () => {
    const offenders = portfolio.filter((account) => {
      const [min, max, step] =
        account.currency === 'USD' ? [500_00, 25_000_00, 100_00] : [3_000_00, 150_000_00, 1_000_00];
      return !account.statements.every(
        ({ creditLimitMinor: limit }) => limit >= min && limit <= max && limit % step === 0,
      );
    });
    expect(offenders.map((account) => account.accountId)).toEqual([]);
  });
});

describe('generateDemoPortfolio: customers and accounts', () => {
  const US_TIMEZONES = [
    'America/New_York',
    'America/Chicago',
    'America/Denver',
    'America/Phoenix',
    'America/Los_Angeles',
    'America/Anchorage',
    'Pacific/Honolulu',
  ];

  it('numbers the accounts ACC-000001 onwards, uniquely', () => {
    expect(portfolio[0]!.accountId).toBe('ACC-000001');
    expect(portfolio[1199]!.accountId).toBe('ACC-001200');
    expect(new Set(portfolio.map((account) => account.accountId)).size).toBe(portfolio.length);
    for (const account of portfolio) expect(account.accountId).toMatch(/^ACC-\d{6}$/);
  });

  it('mixes jurisdictions, with matching currency, time zone and languages', () => {
    const us = portfolio.filter((account) => account.jurisdiction === 'US');
    const cn = portfolio.filter((account) => account.jurisdiction === 'CN');
    expect(Math.abs(us.length / portfolio.length - 0.7)).toBeLessThan(0.05);
    for (const account of us) {
      expect(account.currency).toBe('USD');
      expect(US_TIMEZONES).toContain(account.customer.timezone);
    }
    for (const account of cn) {
      expect(account.currency).toBe('CNY');
      expect(account.customer.timezone).toBe('Asia/Shanghai');
    }
    expect(new Set(us.map((account) => account.customer.timezone))).toEqual(new Set(US_TIMEZONES));
    const zhInUs = share(us, (account) => account.customer.language === 'zh-CN');
    const enInCn = share(cn, (account) => account.customer.language === 'en');
    for (const otherLanguageShare of [zhInUs, enInCn]) {
      expect(otherLanguageShare).toBeGreaterThan(0.05);
      expect(otherLanguageShare).toBeLessThan(0.15);
    }
  });

  it('uses obviously synthetic contact data', () => {
    for (const { jurisdiction, customer } of portfolio) {
      expect(customer.email).toMatch(/^[a-z]+\.[a-z]+\.\d{6}@example\.com$/);
      if (jurisdiction === 'US') expect(customer.phone).toMatch(/^\+1-\d{3}-555-01\d{2}$/);
      else expect(customer.phone).toMatch(/^\+86-138-0000-\d{4}$/);
      // Chinese characters for CN customers; Latin letters (possibly a romanised Chinese name) in the US.
      if (jurisdiction === 'CN') expect(customer.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      else expect(customer.name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
      expect(customer.dateOfBirth >= '1950-01-01' && customer.dateOfBirth <= '2003-12-31').toBe(true);
      expect(Number.isNaN(Date.parse(customer.dateOfBirth))).toBe(false);
    }
  });

  it('stamps the product and dates and leaves the treatment to the scoring run', () => {
    for (const account of portfolio) {
      expect(account.product).toBe('credit_card');
      expect(account.updatedAt).toBe(`${AS_OF}T00:00:00.000Z`);
      expect(account.openedAt).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
      const ageYears = (Date.parse(AS_OF) - Date.parse(account.openedAt)) / (365.25 * MS_PER_DAY);
      expect(ageYears).toBeGreaterThanOrEqual(1);
      expect(ageYears).toBeLessThanOrEqual(12);
      expect('treatment' in account).toBe(false);
    }
  });
});

describe('generateDemoPortfolio: flags', () => {
  const rate = (flag: keyof Account['flags']) => share(large, (account) => account.flags[flag] === true);

  it('sets the flags rarely, at realistic rates', () => {
    // The seeded flags; those only a customer's report sets (fraud, a lawyer, a crisis) are never seeded.
    const targets: Partial<Record<keyof Account['flags'], number>> = {
      dispute: 0.02,
      hardshipPlan: 0.03,
      promiseToPay: 0.04,
      ceaseRequested: 0.01,
      deceased: 0.003,
      bankrupt: 0.005,
    };
    for (const [flag, target] of Object.entries(targets) as [keyof Account['flags'], number][]) {
      expect(Math.abs(rate(flag) - target), flag).toBeLessThan(Math.max(0.35 * target, 0.0015));
    }
    expect(
      share(portfolio, (account) => Object.values(account.flags).every((flag) => !flag)),
    ).toBeGreaterThan(0.85);
  });

  it('puts promises to pay on delinquent accounts and hardship plans mostly past 30 days', () => {
    for (const account of large) {
      if (account.flags.promiseToPay) {
        expect(dpdOf(account)).toBeGreaterThan(0);
        expect(account.flags.deceased || account.flags.bankrupt).toBe(false);
      }
    }
    const hardship = large.filter((account) => account.flags.hardshipPlan);
    expect(share(hardship, (account) => dpdOf(account) > 30)).toBeGreaterThan(0.8);
  });
});
