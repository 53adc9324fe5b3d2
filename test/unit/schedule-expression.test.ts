import { describe, expect, it } from 'vitest';
import {
  InvalidScheduleExpressionError,
  parseScheduleExpression,
  type ScheduleOptions,
} from '../../local/scheduler/schedule-expression';

function next(expression: string, from: string, options?: ScheduleOptions): string | undefined {
  return parseScheduleExpression(expression, options).nextAfter(new Date(from))?.toISOString();
}

/** The next `count` fire times, each strictly after the previous one. */
function upcoming(expression: string, from: string, count: number): string[] {
  const schedule = parseScheduleExpression(expression);
  const times: string[] = [];
  let cursor: Date | undefined = new Date(from);
  while (times.length < count && cursor) {
    cursor = schedule.nextAfter(cursor);
    if (cursor) times.push(cursor.toISOString());
  }
  return times;
}

function rejectionOf(expression: string): string {
  try {
    parseScheduleExpression(expression);
  } catch (error) {
    if (error instanceof InvalidScheduleExpressionError) return error.message;
    throw error;
  }
  throw new Error(`accepted: ${expression}`);
}

describe('rate()', () => {
  it('fires on multiples of the period counted from the epoch by default', () => {
    expect(next('rate(5 minutes)', '2024-06-07T09:02:10Z')).toBe('2024-06-07T09:05:00.000Z');
    expect(next('rate(1 hour)', '2024-06-07T09:02:10Z')).toBe('2024-06-07T10:00:00.000Z');
    expect(next('rate(2 hours)', '2024-06-07T09:02:10Z')).toBe('2024-06-07T10:00:00.000Z');
    expect(next('rate(1 day)', '2024-12-31T23:59:59Z')).toBe('2025-01-01T00:00:00.000Z');
  });

  it('fires strictly after the given time', () => {
    expect(next('rate(1 minute)', '2024-06-07T09:05:00Z')).toBe('2024-06-07T09:06:00.000Z');
  });

  it('counts periods from the start when one is given, the first one period after it', () => {
    const start = new Date('2024-06-01T10:30:00Z');
    expect(next('rate(7 days)', '2024-06-01T10:30:00Z', { start })).toBe('2024-06-08T10:30:00.000Z');
    expect(next('rate(7 days)', '2024-05-01T00:00:00Z', { start })).toBe('2024-06-08T10:30:00.000Z');
    expect(next('rate(7 days)', '2024-06-20T00:00:00Z', { start })).toBe('2024-06-22T10:30:00.000Z');
  });

  it('insists on a singular unit for 1 and a plural one otherwise, as AWS does', () => {
    expect(rejectionOf('rate(1 minutes)')).toMatch(/use "minute" with a value of 1/);
    expect(rejectionOf('rate(5 minute)')).toMatch(/use "minutes" with a value other than 1/);
    expect(rejectionOf('rate(1 days)')).toMatch(/use "day"/);
  });

  it.each([
    'rate(0 minutes)',
    'rate(-5 minutes)',
    'rate(1.5 hours)',
    'rate(5minutes)',
    'rate(2 weeks)',
    'rate(5 Minutes)',
    'rate(5 minutes',
    'rate()',
  ])('rejects %s', (expression) => {
    expect(() => parseScheduleExpression(expression)).toThrow(InvalidScheduleExpressionError);
  });
});

describe('cron()', () => {
  it('steps through minutes across hour, day and month boundaries', () => {
    expect(upcoming('cron(0/15 * * * ? *)', '2024-01-31T23:40:00Z', 3)).toEqual([
      '2024-01-31T23:45:00.000Z',
      '2024-02-01T00:00:00.000Z',
      '2024-02-01T00:15:00.000Z',
    ]);
    expect(upcoming('cron(*/20 8-9 * * ? *)', '2024-06-07T09:30:00Z', 3)).toEqual([
      '2024-06-07T09:40:00.000Z',
      '2024-06-08T08:00:00.000Z',
      '2024-06-08T08:20:00.000Z',
    ]);
  });

  it('fires strictly after the given time, ignoring its seconds', () => {
    expect(next('cron(30 9 * * ? *)', '2024-06-07T09:30:00Z')).toBe('2024-06-08T09:30:00.000Z');
    expect(next('cron(30 9 * * ? *)', '2024-06-07T09:29:59.999Z')).toBe('2024-06-07T09:30:00.000Z');
  });

  it('skips months too short for the day of month', () => {
    expect(upcoming('cron(0 0 31 * ? *)', '2024-04-01T00:00:00Z', 2)).toEqual([
      '2024-05-31T00:00:00.000Z',
      '2024-07-31T00:00:00.000Z',
    ]);
    expect(next('cron(0 0 29 FEB ? *)', '2024-03-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
    expect(next('cron(0 0 30 2 ? *)', '2024-03-01T00:00:00Z')).toBeUndefined();
  });

  it('counts days of the week from 1 = SUN and accepts names in any case', () => {
    // 2024-06-07 is a Friday.
    expect(next('cron(0 9 ? * MON-FRI *)', '2024-06-07T09:00:00Z')).toBe('2024-06-10T09:00:00.000Z');
    expect(next('cron(0 9 ? * 1 *)', '2024-06-07T09:00:00Z')).toBe('2024-06-09T09:00:00.000Z');
    expect(next('cron(0 9 ? * 7 *)', '2024-06-07T09:00:00Z')).toBe('2024-06-08T09:00:00.000Z');
    expect(next('cron(0 9 ? * sat,sun *)', '2024-06-07T09:00:00Z')).toBe('2024-06-08T09:00:00.000Z');
    // */3 is SUN, WED, SAT.
    expect(upcoming('cron(0 12 ? * */3 *)', '2024-06-07T13:00:00Z', 3)).toEqual([
      '2024-06-08T12:00:00.000Z',
      '2024-06-09T12:00:00.000Z',
      '2024-06-12T12:00:00.000Z',
    ]);
  });

  it('restricts months and years, and runs out when the years are past', () => {
    expect(next('cron(0 6 1 JAN-MAR,OCT ? *)', '2024-03-01T07:00:00Z')).toBe('2024-10-01T06:00:00.000Z');
    expect(next('cron(0 0 1 1 ? 2026-2027)', '2024-06-07T00:00:00Z')).toBe('2026-01-01T00:00:00.000Z');
    expect(next('cron(0 0 1 1 ? 2020)', '2024-06-07T00:00:00Z')).toBeUndefined();
    expect(next('cron(59 23 31 12 ? 2199)', '2199-12-31T23:58:00Z')).toBe('2199-12-31T23:59:00.000Z');
  });

  it('requires exactly one of the day fields to be ?', () => {
    expect(rejectionOf('cron(0 9 * * * *)')).toMatch(
      /exactly one of Day-of-month and Day-of-week must be "\?"/,
    );
    expect(rejectionOf('cron(0 9 ? * ? *)')).toMatch(/exactly one of Day-of-month and Day-of-week/);
  });

  it.each([
    'cron(0 12 L * ? *)',
    'cron(0 12 15W * ? *)',
    'cron(0 12 LW * ? *)',
    'cron(0 12 ? * 6#3 *)',
    'cron(0 12 ? * 6L *)',
  ])('rejects %s as not supported locally', (expression) => {
    expect(rejectionOf(expression)).toMatch(/L, W and # are not supported locally/);
  });

  it.each([
    ['cron(0 9 * * ?)', /six fields/],
    ['cron(60 9 * * ? *)', /Minutes: "60" is not between 0 and 59/],
    ['cron(0 24 * * ? *)', /Hours: "24"/],
    ['cron(0 9 32 * ? *)', /Day-of-month: "32"/],
    ['cron(0 9 0 * ? *)', /Day-of-month: "0"/],
    ['cron(0 9 1 13 ? *)', /Month: "13"/],
    ['cron(0 9 ? * 8 *)', /Day-of-week: "8"/],
    ['cron(0 9 ? * MOO *)', /Day-of-week: "MOO"/],
    ['cron(0 9 1 * ? 1969)', /Year: "1969"/],
    ['cron(0/0 9 * * ? *)', /step in "0\/0" must be at least 1/],
    ['cron(0 17-9 * * ? *)', /descending range "17-9"/],
    ['cron(? 9 * * ? *)', /Minutes: "\?" is not a value/],
    ['cron(*-5 9 * * ? *)', /is not a value, range or step/],
    ['at(2024-06-07T09:00:00)', /expected rate\(value unit\) or cron/],
  ])('rejects %s', (expression, reason) => {
    expect(rejectionOf(expression)).toMatch(reason);
  });

  it('reports errors with a code and the expression', () => {
    const error = (() => {
      try {
        parseScheduleExpression('cron(nope)');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidScheduleExpressionError);
    expect(error).toMatchObject({ code: 'INVALID_SCHEDULE_EXPRESSION', expression: 'cron(nope)' });
  });
});
