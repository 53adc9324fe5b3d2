import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Jurisdiction } from '../../lambdas/domain/accounts/account';
import { addDays, isBusinessDay, PUBLIC_HOLIDAYS } from '../../lambdas/domain/offers/business-days';
import {
  addBusinessDays,
  DEBIT_POLICY,
  type DebitPolicy,
  debitInstantOn,
  missAtOf,
} from '../../lambdas/domain/payments/debit-policy';

const JURISDICTIONS: readonly Jurisdiction[] = ['US', 'CN'];
const HOLIDAYS: Record<Jurisdiction, ReadonlySet<string>> = {
  US: new Set(PUBLIC_HOLIDAYS.US),
  CN: new Set(PUBLIC_HOLIDAYS.CN),
};

/** Dates inside the years the holiday calendars cover. */
const dateIn2026Or2027 = fc.integer({ min: 0, max: 729 - 30 }).map((offset) => addDays('2026-01-01', offset));

describe('addBusinessDays', () => {
  it('skips weekends', () => {
    expect(addBusinessDays('2026-11-20', 1, 'US')).toBe('2026-11-23'); // Fri → Mon
    expect(addBusinessDays('2026-11-21', 1, 'US')).toBe('2026-11-23'); // Sat → Mon
    expect(addBusinessDays('2026-11-18', 5, 'CN')).toBe('2026-11-25'); // Wed → next Wed
    expect(addBusinessDays('2026-12-02', 4, 'US')).toBe('2026-12-08'); // Wed → Tue
  });

  it('skips US federal holidays, and only in the US', () => {
    expect(addBusinessDays('2026-11-25', 1, 'US')).toBe('2026-11-27'); // Thanksgiving
    expect(addBusinessDays('2026-11-25', 1, 'CN')).toBe('2026-11-26');
    expect(addBusinessDays('2026-11-25', 2, 'US')).toBe('2026-11-30');
    expect(addBusinessDays('2026-12-24', 1, 'US')).toBe('2026-12-28'); // Christmas, then the weekend
    expect(addBusinessDays('2026-07-02', 1, 'US')).toBe('2026-07-06'); // Jul 3 observed
    expect(addBusinessDays('2026-12-31', 1, 'US')).toBe('2027-01-04'); // across the year
  });

  it('skips Chinese national holidays, and only in China', () => {
    expect(addBusinessDays('2026-09-30', 1, 'CN')).toBe('2026-10-08'); // National Day week
    expect(addBusinessDays('2026-09-30', 1, 'US')).toBe('2026-10-01');
    expect(addBusinessDays('2026-02-13', 1, 'CN')).toBe('2026-02-24'); // Spring Festival
    expect(addBusinessDays('2026-02-13', 1, 'US')).toBe('2026-02-17'); // Washington's Birthday on the 16th
    expect(addBusinessDays('2027-02-04', 1, 'CN')).toBe('2027-02-12'); // Spring Festival 2027
  });

  it('counts backwards for negative days, over weekends and holidays', () => {
    expect(addBusinessDays('2026-12-08', -3, 'US')).toBe('2026-12-03');
    expect(addBusinessDays('2026-11-30', -2, 'US')).toBe('2026-11-25'); // back over Thanksgiving
    expect(addBusinessDays('2026-11-22', -1, 'US')).toBe('2026-11-20'); // Sun → Fri
    expect(addBusinessDays('2026-10-08', -1, 'CN')).toBe('2026-09-30');
    expect(addBusinessDays('2026-10-08', -1, 'US')).toBe('2026-10-07');
  });

  it('leaves the date as it is for zero days', () => {
    expect(addBusinessDays('2026-11-21', 0, 'US')).toBe('2026-11-21');
  });

  it('lands on a business day exactly |days| business days away (property)', () => {
    fc.assert(
      fc.property(
        dateIn2026Or2027,
        fc.integer({ min: -10, max: 10 }).filter((n) => n !== 0),
        fc.constantFrom(...JURISDICTIONS),
        (date, days, jurisdiction) => {
          const result = addBusinessDays(date, days, jurisdiction);
          const holidays = HOLIDAYS[jurisdiction];
          expect(isBusinessDay(result, holidays)).toBe(true);
          const [from, to] = days > 0 ? [date, result] : [result, date];
          let between = 0;
          for (let d = addDays(from, 1); d < to; d = addDays(d, 1)) if (isBusinessDay(d, holidays)) between++;
          // Strictly between the start and the result lie |days| - 1 business days, either way.
          expect(between).toBe(Math.abs(days) - 1);
        },
      ),
    );
  });

  it('going back the same number of business days returns to a business day (property)', () => {
    fc.assert(
      fc.property(
        dateIn2026Or2027,
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom(...JURISDICTIONS),
        (date, days, jurisdiction) => {
          fc.pre(isBusinessDay(date, HOLIDAYS[jurisdiction]));
          expect(addBusinessDays(addBusinessDays(date, days, jurisdiction), -days, jurisdiction)).toBe(date);
        },
      ),
    );
  });
});

describe('missAtOf', () => {
  it('is the end of the due date plus the grace days, in UTC', () => {
    expect(DEBIT_POLICY.graceDays.credit_card).toBe(3);
    expect(missAtOf('2026-11-10', 'credit_card')).toBe('2026-11-14T00:00:00.000Z');
    expect(missAtOf('2026-11-30', 'credit_card')).toBe('2026-12-04T00:00:00.000Z');
    expect(missAtOf('2026-12-30', 'credit_card')).toBe('2027-01-03T00:00:00.000Z');
    expect(missAtOf('2028-02-27', 'credit_card')).toBe('2028-03-02T00:00:00.000Z'); // leap year
  });

  it('follows the policy given', () => {
    const noGrace: DebitPolicy = { ...DEBIT_POLICY, graceDays: { credit_card: 0 } };
    expect(missAtOf('2026-11-10', 'credit_card', noGrace)).toBe('2026-11-11T00:00:00.000Z');
    const week: DebitPolicy = { ...DEBIT_POLICY, graceDays: { credit_card: 7 } };
    expect(missAtOf('2026-11-10', 'credit_card', week)).toBe('2026-11-18T00:00:00.000Z');
  });
});

describe('the debit policy', () => {
  it.each(JURISDICTIONS)('%s: the notice lead is never shorter than the stop notice', (jurisdiction) => {
    const rules = DEBIT_POLICY.jurisdictions[jurisdiction];
    expect(rules.noticeLeadBusinessDays).toBeGreaterThanOrEqual(rules.stopNoticeBusinessDays);
    expect(rules.stopNoticeBusinessDays).toBeGreaterThan(0);
  });

  it.each(JURISDICTIONS)('%s: protects a minimum and bounds re-presentments', (jurisdiction) => {
    const rules = DEBIT_POLICY.jurisdictions[jurisdiction];
    expect(rules.protectedMinimumMinor).toBeGreaterThan(0);
    expect(Number.isSafeInteger(rules.protectedMinimumMinor)).toBe(true);
    expect(rules.maxRepresentments).toBeGreaterThanOrEqual(0);
    expect(rules.maxRepresentments).toBeLessThanOrEqual(2); // NACHA: at most two re-presentments
    expect(rules.representmentGapBusinessDays).toBeGreaterThan(0);
  });

  it('US: a stop request 3 business days ahead always stops a debit (Reg E 1005.10(c))', () => {
    expect(DEBIT_POLICY.jurisdictions.US.stopNoticeBusinessDays).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['US', 'America/New_York'],
    ['CN', 'Asia/Shanghai'],
  ] as const)(
    '%s: debits run on a working morning where the bank is (%s), all year',
    (jurisdiction, zone) => {
      const rules = DEBIT_POLICY.jurisdictions[jurisdiction];
      const localHour = (date: string) =>
        Number(
          new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(
            new Date(debitInstantOn(date, rules)),
          ),
        );
      for (const date of ['2026-01-15', '2026-07-15']) {
        expect(localHour(date)).toBeGreaterThanOrEqual(9);
        expect(localHour(date)).toBeLessThanOrEqual(12);
      }
      expect(debitInstantOn('2026-12-08', rules)).toBe(
        `2026-12-08T${String(rules.debitHourUtc).padStart(2, '0')}:00:00.000Z`,
      );
    },
  );

  it('a debit planned today always leaves the customer a business day to stop it (property)', () => {
    fc.assert(
      fc.property(dateIn2026Or2027, fc.constantFrom(...JURISDICTIONS), (today, jurisdiction) => {
        const rules = DEBIT_POLICY.jurisdictions[jurisdiction];
        const debitDate = addBusinessDays(today, rules.noticeLeadBusinessDays, jurisdiction);
        const stopBy = addBusinessDays(debitDate, -rules.stopNoticeBusinessDays, jurisdiction);
        expect(stopBy > today).toBe(true);
        expect(stopBy < debitDate).toBe(true);
        expect(isBusinessDay(stopBy, HOLIDAYS[jurisdiction])).toBe(true);
      }),
    );
  });
});
