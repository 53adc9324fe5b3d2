import type { Account, AccountFlags, Bucket, Tier } from './account';

const MS_PER_DAY = 86_400_000;

/** Whole calendar days from the oldest unpaid due date to `today` (both `YYYY-MM-DD`, UTC dates). */
export function daysPastDue(oldestUnpaidDueDate: string | undefined, today: string): number {
  if (!oldestUnpaidDueDate) return 0;
  const days = Math.round((Date.parse(today) - Date.parse(oldestUnpaidDueDate)) / MS_PER_DAY);
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

const TIER_BY_BUCKET: Record<Bucket, Tier> = {
  current: 'monitor',
  dpd_1_30: 'reminder',
  dpd_31_60: 'agent_call',
  dpd_61_90: 'agent_call',
  dpd_91_180: 'hardship_review',
  dpd_180_plus: 'referral_review',
};

/** First rule of graded collection: the tier follows the bucket; deceased or bankrupt customers are never contacted. */
export function tierFor(bucket: Bucket, flags: AccountFlags): Tier {
  if (flags.deceased || flags.bankrupt) return 'excluded';
  return TIER_BY_BUCKET[bucket];
}

export function assessDelinquency(
  account: Account,
  today: string,
): { bucket: Bucket; tier: Tier; daysPastDue: number } {
  const days = daysPastDue(account.oldestUnpaidDueDate, today);
  const bucket = bucketFor(days);
  return { bucket, tier: tierFor(bucket, account.flags), daysPastDue: days };
}
