/**
 * EventBridge schedule expressions for the local scheduler, evaluated in UTC as AWS does.
 *
 * - `rate(N unit)`: unit is minute(s), hour(s) or day(s); singular only with 1, plural otherwise.
 *   A rate schedule fires at `start + k × period` for k ≥ 1, where `start` is given to the parser
 *   (typically when the rule was created). Without it, periods count from the Unix epoch, so
 *   `rate(5 minutes)` fires on wall-clock multiples of five minutes.
 * - `cron(Minutes Hours Day-of-month Month Day-of-week Year)`: `*`, `,`, `-` and `/` everywhere, month
 *   names JAN-DEC, day names SUN-SAT (1 = SUN … 7 = SAT), and `?` in exactly one of the two day fields.
 *   `L`, `W` and `#` are rejected as not supported locally rather than risk firing at the wrong time.
 */

export class InvalidScheduleExpressionError extends Error {
  readonly code = 'INVALID_SCHEDULE_EXPRESSION';

  constructor(
    readonly expression: string,
    reason: string,
  ) {
    super(`Invalid schedule expression ${JSON.stringify(expression)}: ${reason}`);
    this.name = 'InvalidScheduleExpressionError';
  }
}

export interface ScheduleExpression {
  readonly kind: 'rate' | 'cron';
  /** The first fire time strictly after `from`, or undefined when there is none (a cron for past years). */
  nextAfter(from: Date): Date | undefined;
}

export interface ScheduleOptions {
  /** Anchor of rate() schedules; ignored by cron(). Defaults to the Unix epoch. */
  readonly start?: Date;
}

export function parseScheduleExpression(
  expression: string,
  options: ScheduleOptions = {},
): ScheduleExpression {
  const fail = (reason: string) => new InvalidScheduleExpressionError(expression, reason);
  if (expression.startsWith('rate(')) return parseRate(expression, options.start ?? new Date(0), fail);
  if (expression.startsWith('cron(')) return parseCron(expression, fail);
  throw fail('expected rate(value unit) or cron(Minutes Hours Day-of-month Month Day-of-week Year)');
}

type Fail = (reason: string) => InvalidScheduleExpressionError;

const MINUTE_MS = 60_000;

function assertValidDate(date: Date) {
  if (Number.isNaN(date.getTime())) throw new RangeError('Expected a valid Date');
}

// --- rate() -----------------------------------------------------------------------------------------

const RATE = /^rate\((\d+) (minute|hour|day)(s?)\)$/;
const UNIT_MS = new Map([
  ['minute', MINUTE_MS],
  ['hour', 60 * MINUTE_MS],
  ['day', 24 * 60 * MINUTE_MS],
]);

function parseRate(expression: string, start: Date, fail: Fail): ScheduleExpression {
  assertValidDate(start);
  const [, digits = '', unit = '', plural] = RATE.exec(expression) ?? [];
  const unitMs = UNIT_MS.get(unit);
  if (unitMs === undefined) throw fail('expected rate(value unit) with unit minute(s), hour(s) or day(s)');
  const value = Number(digits);
  if (value < 1) throw fail('the rate value must be a positive whole number');
  // AWS insists on agreement: rate(1 minute) and rate(5 minutes), never rate(1 minutes) or rate(5 minute).
  if (value === 1 && plural) throw fail(`use "${unit}" with a value of 1`);
  if (value !== 1 && !plural) throw fail(`use "${unit}s" with a value other than 1`);
  const periodMs = value * unitMs;
  if (!Number.isSafeInteger(periodMs)) throw fail('the rate is too long');
  return {
    kind: 'rate',
    nextAfter(from) {
      assertValidDate(from);
      const periodsSinceStart = Math.floor((from.getTime() - start.getTime()) / periodMs) + 1;
      return new Date(start.getTime() + Math.max(1, periodsSinceStart) * periodMs);
    },
  };
}

// --- cron() -----------------------------------------------------------------------------------------

interface CronField {
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** Names of the values from `min` upwards, accepted in any case. */
  readonly names?: readonly string[];
}

const MINUTES: CronField = { label: 'Minutes', min: 0, max: 59 };
const HOURS: CronField = { label: 'Hours', min: 0, max: 23 };
const DAY_OF_MONTH: CronField = { label: 'Day-of-month', min: 1, max: 31 };
const MONTH: CronField = {
  label: 'Month',
  min: 1,
  max: 12,
  names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
};
const DAY_OF_WEEK: CronField = {
  label: 'Day-of-week',
  min: 1,
  max: 7,
  names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'],
};
const YEAR: CronField = { label: 'Year', min: 1970, max: 2199 };

const CRON = /^cron\((.*)\)$/;
/** `*`, a value or a range, optionally stepped: `*`, `5`, `MON-FRI`, `0/15`, `10-50/20`. */
const CRON_ITEM = /^(\*|[A-Za-z0-9]+)(?:-([A-Za-z0-9]+))?(?:\/(\d+))?$/;
/** Last day (`L`, `LW`, `L-2`, `5L`, `FRIL`), nearest weekday (`15W`) and nth weekday (`6#3`). */
const UNSUPPORTED_DAY_SYNTAX = /#|^L(W|-\d+)?$|^\d+W$|^(\d+|[A-Za-z]{3})L$/;

interface CronSchedule {
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly months: readonly number[];
  readonly years: readonly number[];
  /** Exactly one of the two day fields constrains the day; the other is `?`. */
  readonly daysOfMonth?: ReadonlySet<number>;
  readonly daysOfWeek?: ReadonlySet<number>;
}

function parseCron(expression: string, fail: Fail): ScheduleExpression {
  const fields = (CRON.exec(expression)?.[1] ?? '').trim().split(/\s+/);
  if (fields.length !== 6) {
    throw fail('cron() takes six fields: Minutes Hours Day-of-month Month Day-of-week Year');
  }
  const [minutes = '', hours = '', dayOfMonth = '', month = '', dayOfWeek = '', year = ''] = fields;
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) {
    throw fail('exactly one of Day-of-month and Day-of-week must be "?"');
  }
  const schedule: CronSchedule = {
    minutes: parseCronField(minutes, MINUTES, fail),
    hours: parseCronField(hours, HOURS, fail),
    months: parseCronField(month, MONTH, fail),
    years: parseCronField(year, YEAR, fail),
    daysOfMonth: dayOfMonth === '?' ? undefined : new Set(parseCronField(dayOfMonth, DAY_OF_MONTH, fail)),
    daysOfWeek: dayOfWeek === '?' ? undefined : new Set(parseCronField(dayOfWeek, DAY_OF_WEEK, fail)),
  };
  return {
    kind: 'cron',
    nextAfter(from) {
      assertValidDate(from);
      return nextCronTime(schedule, from);
    },
  };
}

/** The values a field selects, ascending. */
function parseCronField(text: string, field: CronField, fail: Fail): number[] {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    for (const value of parseCronItem(item, field, fail)) values.add(value);
  }
  return [...values].sort((a, b) => a - b);
}

function parseCronItem(item: string, field: CronField, fail: Fail): number[] {
  const isDayField = field === DAY_OF_MONTH || field === DAY_OF_WEEK;
  if (isDayField && UNSUPPORTED_DAY_SYNTAX.test(item)) {
    throw fail(`${field.label} "${item}": L, W and # are not supported locally`);
  }
  const [, from = '', to, step] = CRON_ITEM.exec(item) ?? [];
  if (from === '' || (from === '*' && to !== undefined)) {
    throw fail(`${field.label}: "${item}" is not a value, range or step`);
  }
  const first = from === '*' ? field.min : cronValue(from, field, fail);
  // `*` and a stepped single value (`0/15`) run to the end of the field.
  const runsToEnd = to === undefined && (from === '*' || step !== undefined);
  const last = runsToEnd ? field.max : to === undefined ? first : cronValue(to, field, fail);
  if (first > last) throw fail(`${field.label}: descending range "${item}" is not supported locally`);
  const increment = step === undefined ? 1 : Number(step);
  if (increment < 1) throw fail(`${field.label}: the step in "${item}" must be at least 1`);
  const values: number[] = [];
  for (let value = first; value <= last; value += increment) values.push(value);
  return values;
}

function cronValue(token: string, field: CronField, fail: Fail): number {
  const named = field.names?.indexOf(token.toUpperCase()) ?? -1;
  const value = named >= 0 ? field.min + named : /^\d+$/.test(token) ? Number(token) : Number.NaN;
  if (!(value >= field.min && value <= field.max)) {
    throw fail(`${field.label}: "${token}" is not between ${field.min} and ${field.max}`);
  }
  return value;
}

/** Walks the calendar from the minute after `from`, skipping whole years, months and days that cannot match. */
function nextCronTime(schedule: CronSchedule, from: Date): Date | undefined {
  const earliest = Math.floor(from.getTime() / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  for (const year of schedule.years) {
    if (Date.UTC(year + 1, 0) <= earliest) continue;
    for (const month of schedule.months) {
      // Months are 1-based here and 0-based in Date.UTC, so Date.UTC(year, month) is the next month's start.
      if (Date.UTC(year, month) <= earliest) continue;
      for (let day = 1; day <= daysInMonth(year, month); day++) {
        if (Date.UTC(year, month - 1, day + 1) <= earliest || !isScheduledDay(schedule, year, month, day))
          continue;
        const time = firstTimeOfDay(schedule, Date.UTC(year, month - 1, day), earliest);
        if (time !== undefined) return new Date(time);
      }
    }
  }
  return undefined;
}

function firstTimeOfDay(schedule: CronSchedule, midnight: number, earliest: number): number | undefined {
  for (const hour of schedule.hours) {
    for (const minute of schedule.minutes) {
      const time = midnight + (hour * 60 + minute) * MINUTE_MS;
      if (time >= earliest) return time;
    }
  }
  return undefined;
}

function isScheduledDay(schedule: CronSchedule, year: number, month: number, day: number): boolean {
  if (schedule.daysOfMonth) return schedule.daysOfMonth.has(day);
  // getUTCDay() counts from 0 = Sunday; cron counts from 1 = SUN.
  return schedule.daysOfWeek?.has(new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1) ?? false;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
