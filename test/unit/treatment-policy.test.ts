import { describe, expect, it } from 'vitest';
import type { Bucket } from '../../lambdas/domain/accounts/account';
import type { RiskBand } from '../../lambdas/domain/scoring/risk-model';
import {
  type Tier,
  TREATMENT_POLICY,
  tierFor,
  variantFor,
} from '../../lambdas/domain/treatment/treatment-policy';
import { NO_FLAGS } from '../support/accounts';

const BUCKETS: Bucket[] = ['current', 'dpd_1_30', 'dpd_31_60', 'dpd_61_90', 'dpd_91_180', 'dpd_180_plus'];
const BANDS: RiskBand[] = ['A', 'B', 'C', 'D', 'E'];
const champion = (bucket: Bucket, band: RiskBand, flags = NO_FLAGS) =>
  tierFor(TREATMENT_POLICY, { bucket, band, flags, variant: 'champion' });

describe('treatment tiers', () => {
  it('grade from monitoring to human-reviewed referral as arrears deepen', () => {
    expect(champion('current', 'A')).toBe('monitor');
    expect(champion('current', 'E')).toBe('early_warning');
    expect(champion('dpd_1_30', 'A')).toBe('reminder');
    expect(champion('dpd_1_30', 'E')).toBe('reminder_and_call');
    expect(champion('dpd_61_90', 'B')).toBe('agent_call');
    expect(champion('dpd_91_180', 'C')).toBe('hardship_restructure');
    expect(champion('dpd_180_plus', 'A')).toBe('referral_review');
    expect(TREATMENT_POLICY.tiers.referral_review.humanReview).toBe(true);
  });

  it('never eases treatment as risk rises within a bucket, or as arrears deepen within a band', () => {
    const order: Tier[] = [
      'monitor',
      'early_warning',
      'reminder',
      'reminder_and_call',
      'agent_call',
      'hardship_restructure',
      'referral_review',
    ];
    for (const bucket of BUCKETS) {
      const ranks = BANDS.map((band) => order.indexOf(champion(bucket, band)));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
    for (const band of BANDS) {
      const ranks = BUCKETS.map((bucket) => order.indexOf(champion(bucket, band)));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it.each([
    [{ deceased: true }, 'excluded'],
    [{ bankrupt: true, dispute: true }, 'excluded'],
    [{ dispute: true, promiseToPay: true }, 'dispute_hold'],
    [{ fraudReported: true, promiseToPay: true }, 'dispute_hold'],
    [{ ceaseRequested: true }, 'cease_hold'],
    [{ hardshipPlan: true }, 'hardship_plan_active'],
    [{ planAgreed: true, promiseToPay: true }, 'plan_active'],
    [{ planAgreed: true, dispute: true }, 'dispute_hold'],
    [{ promiseToPay: true }, 'promise_pending'],
  ] as const)('lets flags %o outrank arrears and risk: %s', (flags, tier) => {
    for (const bucket of BUCKETS) expect(champion(bucket, 'E', { ...NO_FLAGS, ...flags })).toBe(tier);
  });

  it('gives every held or excluded tier no channel and no offer', () => {
    for (const tier of [
      'excluded',
      'dispute_hold',
      'cease_hold',
      'hardship_plan_active',
      'plan_active',
      'promise_pending',
    ] as const) {
      expect(TREATMENT_POLICY.tiers[tier]).toMatchObject({ channels: [], offers: [] });
    }
  });

  it('offers settlement only from the restructuring tier on', () => {
    const withSettlement = Object.entries(TREATMENT_POLICY.tiers)
      .filter(([, strategy]) => strategy.offers.includes('settlement'))
      .map(([tier]) => tier);
    expect(withSettlement.sort()).toEqual(['hardship_restructure', 'referral_review']);
  });
});

describe('champion/challenger assignment', () => {
  const ids = Array.from({ length: 20_000 }, (_, i) => `ACC-${String(i + 1).padStart(6, '0')}`);

  it('is deterministic per account and near the configured split', () => {
    const variants = ids.map((id) => variantFor(TREATMENT_POLICY, id));
    expect(ids.map((id) => variantFor(TREATMENT_POLICY, id))).toEqual(variants);
    const share = variants.filter((v) => v === 'challenger').length / ids.length;
    expect(share).toBeGreaterThan(0.09);
    expect(share).toBeLessThan(0.11);
  });

  it('follows the configured percentage and reshuffles with a new experiment id', () => {
    const none = { ...TREATMENT_POLICY, challengerPercent: 0 };
    expect(ids.slice(0, 500).every((id) => variantFor(none, id) === 'champion')).toBe(true);
    const reshuffled = { ...TREATMENT_POLICY, experiment: 'another-test' };
    const moved = ids.filter((id) => variantFor(TREATMENT_POLICY, id) !== variantFor(reshuffled, id));
    expect(moved.length).toBeGreaterThan(1000);
  });

  it('applies the challenger overrides only to challengers', () => {
    const input = { bucket: 'dpd_31_60' as const, band: 'E' as const, flags: NO_FLAGS };
    expect(tierFor(TREATMENT_POLICY, { ...input, variant: 'champion' })).toBe('agent_call');
    expect(tierFor(TREATMENT_POLICY, { ...input, variant: 'challenger' })).toBe('hardship_restructure');
  });
});
