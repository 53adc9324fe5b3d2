import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsClamped,
  datesFrom,
  isBusinessDay,
  isIsoDate,
  isWeekend,
  monthlyDueDates,
  PUBLIC_HOLIDAYS,
  rollForwardToBusinessDay,
} from '../../lambdas/domain/offers/business-days';

const US = new Set(PUBLIC_HOLIDAYS.US);
const CN = new Set(PUBLIC_HOLIDAYS.CN);
const NONE = new Set<string>();

describe('ISO dates', () => {
  it('accepts real YYYY-MM-DD dates only', () => {
    expect(isIsoDate('2026-11-23')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    for (const bad of [
      '2027-02-29',
      '2026-02-30',
      '2026-13-01',
      '2026-1-5',
      '2026-11-23T00:00:00Z',
      '',
      20261123,
    ]) {
      expect(isIsoDate(bad)).toBe(false);
    }
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-11-23', 7)).toBe('2026-11-30');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('lists a range of dates, both ends included', () => {
    expect(datesFrom('2026-09-29', '2026-10-02')).toEqual([
      '2026-09-29',
      '2026-09-30',
      '2026-10-01',
      '2026-10-02',
    ]);
    expect(datesFrom('2026-10-02', '2026-10-01')).toEqual([]);
  });
});

describe('business days', () => {
  it('excludes Saturdays, Sundays and the jurisdiction’s holidays', () => {
    expect(isWeekend('2026-11-28')).toBe(true);
    expect(isWeekend('2026-11-29')).toBe(true);
    expect(isWeekend('2026-11-30')).toBe(false);
    expect(isBusinessDay('2026-11-26', US)).toBe(false); // Thanksgiving
    expect(isBusinessDay('2026-11-26', CN)).toBe(true);
    expect(isBusinessDay('2026-10-05', CN)).toBe(false); // National Day week
    expect(isBusinessDay('2026-10-05', US)).toBe(true);
  });

  it('rolls a due date forward, never back', () => {
    expect(rollForwardToBusinessDay('2026-11-30', US)).toBe('2026-11-30');
    expect(rollForwardToBusinessDay('2026-12-25', US)).toBe('2026-12-28'); // Christmas, Friday
    expect(rollForwardToBusinessDay('2026-07-04', US)).toBe('2026-07-06'); // Saturday after the observed Friday
    expect(rollForwardToBusinessDay('2026-10-01', CN)).toBe('2026-10-08'); // National Day week
    expect(rollForwardToBusinessDay('2026-02-14', CN)).toBe('2026-02-24'); // make-up Saturday, then Spring Festival
    expect(rollForwardToBusinessDay('2026-12-25', CN)).toBe('2026-12-25');
  });
});

describe('monthly dates', () => {
  it('clamps to the end of shorter months', () => {
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsClamped('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonthsClamped('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonthsClamped('2026-08-31', 60)).toBe('2031-08-31');
  });

  it('keeps the first date’s day of the month after a clamped or rolled month', () => {
    // Jan 31 2026 is a Saturday, Feb 28 2026 a Saturday too.
    expect(monthlyDueDates('2025-12-31', 4, US)).toEqual([
      '2025-12-31',
      '2026-02-02',
      '2026-03-02',
      '2026-03-31',
    ]);
  });

  it('are business days in strictly increasing order, rolled at most a fortnight', () => {
    const anyDate = fc.integer({ min: 0, max: 2 * 366 }).map((day) => addDays('2026-01-01', day));
    const calendar = fc.constantFrom(US, CN, NONE);
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 60 }), calendar, (first, count, holidays) => {
        const dates = monthlyDueDates(first, count, holidays);
        expect(dates).toHaveLength(count);
        dates.forEach((date, month) => {
          const scheduled = addMonthsClamped(first, month);
          expect(isBusinessDay(date, holidays)).toBe(true);
          expect(date >= scheduled && date <= addDays(scheduled, 14)).toBe(true);
          if (month > 0) expect(date > dates[month - 1]!).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('holiday calendars', () => {
  it('are real dates in 2026–2027, sorted, without duplicates', () => {
    for (const holidays of Object.values(PUBLIC_HOLIDAYS)) {
      expect(holidays.every(isIsoDate)).toBe(true);
      expect(holidays.every((date) => date >= '2026-01-01' && date <= '2027-12-31')).toBe(true);
      expect([...new Set(holidays)].sort()).toEqual(holidays);
    }
  });

  it('lists US federal holidays as observed: always on a weekday, 11 a year', () => {
    expect(PUBLIC_HOLIDAYS.US.filter(isWeekend)).toEqual([]);
    expect(PUBLIC_HOLIDAYS.US.filter((date) => date.startsWith('2026'))).toHaveLength(11);
    // 2027 also holds the Friday on which New Year's Day 2028 (a Saturday) is observed.
    expect(PUBLIC_HOLIDAYS.US.filter((date) => date.startsWith('2027'))).toHaveLength(12);
  });

  it('lists every day off of China’s 2026 notice: 3 + 9 + 3 + 5 + 3 + 3 + 7 days', () => {
    expect(PUBLIC_HOLIDAYS.CN.filter((date) => date.startsWith('2026'))).toHaveLength(33);
    expect(datesFrom('2026-10-01', '2026-10-07').every((date) => CN.has(date))).toBe(true);
  });
});
