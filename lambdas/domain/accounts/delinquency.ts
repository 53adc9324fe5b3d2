import { DomainError } from '../errors';
import type { Bucket } from './account';

const MS_PER_DAY = 86_400_000;

/** Whole calendar days from the oldest unpaid due date to `today` (both `YYYY-MM-DD`, UTC dates). */
export function daysPastDue(oldestUnpaidDueDate: string | undefined, today: string): number {
  if (!oldestUnpaidDueDate) return 0;
  const days = Math.round((Date.parse(today) - Date.parse(oldestUnpaidDueDate)) / MS_PER_DAY);
  if (!Number.isFinite(days)) {
    throw new DomainError(
      'invalid',
      'INVALID_DUE_DATE',
      `Unreadable due date ${JSON.stringify(oldestUnpaidDueDate)}.`,
    );
  }
  return Math.max(0, days);
}

export function bucketFor(days: number): Bucket {
  if (days <= 0) return 'current';
  if (days <= 30) return 'dpd_1_30';
  if (days <= 60) return 'dpd_31_60';
  if (days <= 90) return 'dpd_61_90';
  if (days <= 180) return 'dpd_91_180';
  return 'dpd_180_plus';
}
