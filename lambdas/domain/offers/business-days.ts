/**
 * Calendar dates as `YYYY-MM-DD` strings, computed in UTC so that the result never depends on the machine's
 * time zone, and the public-holiday calendars that move payment due dates off days banks are closed.
 */
import type { Jurisdiction } from '../accounts/account';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SATURDAY = 6;
const SUNDAY = 0;

const toUtcMs = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const fromUtcMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** True for a real calendar date written `YYYY-MM-DD` (2026-02-30 is not one). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const ms = toUtcMs(value);
  return !Number.isNaN(ms) && fromUtcMs(ms) === value;
}

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * MS_PER_DAY);
}

/** Every date from `first` to `last`, both included. */
export function datesFrom(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) dates.push(date);
  return dates;
}

export function isWeekend(date: string): boolean {
  const weekday = new Date(toUtcMs(date)).getUTCDay();
  return weekday === SATURDAY || weekday === SUNDAY;
}

export function isBusinessDay(date: string, holidays: ReadonlySet<string>): boolean {
  return !isWeekend(date) && !holidays.has(date);
}

/** The date itself when it is a business day, else the next one: a due date only ever moves later. */
export function rollForwardToBusinessDay(date: string, holidays: ReadonlySet<string>): string {
  let rolled = date;
  while (!isBusinessDay(rolled, holidays)) rolled = addDays(rolled, 1);
  return rolled;
}

const daysInMonth = (year: number, monthIndex: number): number =>
  new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();

/** Same day of the month `months` later, clamped to the month's last day (Jan 31 + 1 month = Feb 28). */
export function addMonthsClamped(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = daysInMonth(target.getUTCFullYear(), target.getUTCMonth());
  target.setUTCDate(Math.min(day, lastDay));
  return fromUtcMs(target.getTime());
}

/**
 * `count` monthly due dates: the first on `first`, the rest on its day of the month (clamped to month end),
 * each rolled forward to a business day. Always anchored on `first`, so a clamped or rolled month never
 * shifts the months after it.
 */
export function monthlyDueDates(first: string, count: number, holidays: ReadonlySet<string>): string[] {
  return Array.from({ length: count }, (_, month) =>
    rollForwardToBusinessDay(addMonthsClamped(first, month), holidays),
  );
}

/**
 * US federal holidays as observed (OPM): one that falls on a Saturday is observed the Friday before, on a
 * Sunday the Monday after. The Federal Reserve stays open on such Fridays; treating them as closed only
 * moves a due date later, in the customer's favour.
 */
const US_FEDERAL_HOLIDAYS_2026_2027 = [
  '2026-01-01', // New Year's Day
  '2026-01-19', // Birthday of Martin Luther King, Jr.
  '2026-02-16', // Washington's Birthday
  '2026-05-25', // Memorial Day
  '2026-06-19', // Juneteenth
  '2026-07-03', // Independence Day (Jul 4 is a Saturday)
  '2026-09-07', // Labor Day
  '2026-10-12', // Columbus Day
  '2026-11-11', // Veterans Day
  '2026-11-26', // Thanksgiving Day
  '2026-12-25', // Christmas Day
  '2027-01-01', // New Year's Day
  '2027-01-18', // Birthday of Martin Luther King, Jr.
  '2027-02-15', // Washington's Birthday
  '2027-05-31', // Memorial Day
  '2027-06-18', // Juneteenth (Jun 19 is a Saturday)
  '2027-07-05', // Independence Day (Jul 4 is a Sunday)
  '2027-09-06', // Labor Day
  '2027-10-11', // Columbus Day
  '2027-11-11', // Veterans Day
  '2027-11-25', // Thanksgiving Day
  '2027-12-24', // Christmas Day (Dec 25 is a Saturday)
  '2027-12-31', // New Year's Day 2028 (Jan 1 is a Saturday)
];

/**
 * China's national holidays. 2026: the State Council General Office notice of 4 Nov 2025, every day off as
 * listed. The make-up working weekends (调休上班, e.g. 2026-02-14) stay non-business days here: skipping
 * them only moves a due date later. 2027: provisional until the State Council publishes its notice (late
 * 2026): the statutory days from the lunar calendar, widened to the customary Spring Festival and National
 * Day weeks; listing a day too many only moves a due date later, listing one too few could put it on a
 * day banks are closed.
 */
const CN_NATIONAL_HOLIDAYS_2026_2027 = [
  ...datesFrom('2026-01-01', '2026-01-03'), // New Year's Day
  ...datesFrom('2026-02-15', '2026-02-23'), // Spring Festival
  ...datesFrom('2026-04-04', '2026-04-06'), // Qingming
  ...datesFrom('2026-05-01', '2026-05-05'), // Labour Day
  ...datesFrom('2026-06-19', '2026-06-21'), // Dragon Boat Festival
  ...datesFrom('2026-09-25', '2026-09-27'), // Mid-Autumn Festival
  ...datesFrom('2026-10-01', '2026-10-07'), // National Day
  ...datesFrom('2027-01-01', '2027-01-03'), // New Year's Day (provisional)
  ...datesFrom('2027-02-05', '2027-02-11'), // Spring Festival: eve Feb 5, New Year Feb 6 (provisional)
  ...datesFrom('2027-04-03', '2027-04-05'), // Qingming: Apr 5 (provisional)
  ...datesFrom('2027-05-01', '2027-05-05'), // Labour Day (provisional)
  '2027-06-09', // Dragon Boat Festival (provisional)
  '2027-09-15', // Mid-Autumn Festival (provisional)
  ...datesFrom('2027-10-01', '2027-10-07'), // National Day (provisional)
];

/** Public holidays per jurisdiction, 2026–2027. Later dates roll past weekends only until this is extended. */
export const PUBLIC_HOLIDAYS: Readonly<Record<Jurisdiction, readonly string[]>> = {
  US: US_FEDERAL_HOLIDAYS_2026_2027,
  CN: CN_NATIONAL_HOLIDAYS_2026_2027,
};
