import { describe, expect, it } from 'vitest';
import { bucketFor, daysPastDue } from '../../lambdas/domain/accounts/delinquency';

describe('days past due', () => {
  it('is zero with nothing unpaid, and counts calendar days from the oldest unpaid due date', () => {
    expect(daysPastDue(undefined, '2026-11-23')).toBe(0);
    expect(daysPastDue('2026-11-23', '2026-11-23')).toBe(0);
    expect(daysPastDue('2026-11-22', '2026-11-23')).toBe(1);
    expect(daysPastDue('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysPastDue('2025-11-23', '2026-11-23')).toBe(365);
  });

  it('is never negative for a due date in the future', () => {
    expect(daysPastDue('2026-12-01', '2026-11-23')).toBe(0);
  });

  it('refuses an unreadable due date with a code instead of guessing a bucket', () => {
    expect(() => daysPastDue('not-a-date', '2026-11-23')).toThrow(
      expect.objectContaining({ code: 'INVALID_DUE_DATE' }),
    );
  });
});

describe('buckets', () => {
  it.each([
    [0, 'current'],
    [1, 'dpd_1_30'],
    [30, 'dpd_1_30'],
    [31, 'dpd_31_60'],
    [60, 'dpd_31_60'],
    [61, 'dpd_61_90'],
    [90, 'dpd_61_90'],
    [91, 'dpd_91_180'],
    [180, 'dpd_91_180'],
    [181, 'dpd_180_plus'],
    [2000, 'dpd_180_plus'],
  ] as const)('%i days past due is %s', (days, bucket) => {
    expect(bucketFor(days)).toBe(bucket);
  });
});
