/**
 * Graded collection as a typed, versioned policy: which treatment tier an account gets from its delinquency
 * bucket, risk band and flags, and what each tier's strategy is. Changing treatment means changing this file
 * (and its version), never a handler.
 */
import type { AccountFlags } from '../accounts/account';
import type { Bucket, Tier, Variant } from '../kernel/types';
import type { OfferKind } from '../offers/plan-calculator';
import type { RiskBand } from '../scoring/risk-model';

export type Channel = 'sms' | 'email' | 'portal' | 'call';
export type { Tier, Variant };

export interface TierStrategy {
  readonly description: string;
  /** Outbound channels, in order of preference; empty = no collection contact. */
  readonly channels: readonly Channel[];
  /** Days between outreach attempts; undefined when there is no outreach. */
  readonly cadenceDays?: number;
  readonly offers: readonly OfferKind[];
  /** A person decides before anything is sent or referred. */
  readonly humanReview: boolean;
}

type BandMatrix = Record<Bucket, Record<RiskBand, Tier>>;

export interface TreatmentPolicy {
  readonly version: string;
  /** Experiment id: changing it reshuffles which accounts are challengers. */
  readonly experiment: string;
  /** Share of accounts (0–100) on the challenger strategy. */
  readonly challengerPercent: number;
  readonly tiers: Record<Tier, TierStrategy>;
  readonly champion: BandMatrix;
  /** Cells where the challenger differs from the champion. */
  readonly challengerOverrides: Partial<Record<Bucket, Partial<Record<RiskBand, Tier>>>>;
}

const row = (a: Tier, b: Tier, c: Tier, d: Tier, e: Tier): Record<RiskBand, Tier> => ({
  A: a,
  B: b,
  C: c,
  D: d,
  E: e,
});

export const TREATMENT_POLICY: TreatmentPolicy = {
  version: 'treatment-2026.12.1',
  experiment: 'early-hardship-2026q4',
  challengerPercent: 10,
  tiers: {
    monitor: {
      description: 'Up to date; no collection contact.',
      channels: [],
      offers: [],
      humanReview: false,
    },
    early_warning: {
      description:
        'Up to date but at high risk of default: a friendly check-in offering help before arrears start.',
      channels: ['portal', 'email'],
      cadenceDays: 30,
      offers: ['instalment'],
      humanReview: false,
    },
    reminder: {
      description: 'Early, low-risk arrears (customers who forgot): gentle SMS and e-mail reminders.',
      channels: ['sms', 'email', 'portal'],
      cadenceDays: 5,
      offers: ['pay_in_full', 'instalment'],
      humanReview: false,
    },
    reminder_and_call: {
      description: 'Early arrears with elevated risk: reminders, then an agent call with a suggested script.',
      channels: ['sms', 'email', 'call'],
      cadenceDays: 3,
      offers: ['pay_in_full', 'instalment'],
      humanReview: false,
    },
    agent_call: {
      description: 'Mid-stage arrears: agent calls with scripts, plans offered, hardship explored.',
      channels: ['call', 'sms', 'email'],
      cadenceDays: 2,
      offers: ['instalment', 'hardship'],
      humanReview: false,
    },
    hardship_restructure: {
      description:
        'Customers who cannot pay as agreed: restructuring with reduced instalments and longer terms.',
      channels: ['call', 'email', 'portal'],
      cadenceDays: 7,
      offers: ['instalment', 'hardship', 'settlement'],
      humanReview: false,
    },
    referral_review: {
      description: 'Severe, long arrears: a person reviews and decides on field visit or legal referral.',
      channels: ['call'],
      cadenceDays: 14,
      offers: ['hardship', 'settlement'],
      humanReview: true,
    },
    promise_pending: {
      description: 'A promise to pay is pending: no outreach until it falls due.',
      channels: [],
      offers: [],
      humanReview: false,
    },
    hardship_plan_active: {
      description: 'An agreed hardship plan stops collection on the debt; servicing only.',
      channels: [],
      offers: [],
      humanReview: false,
    },
    plan_active: {
      description:
        'An agreed repayment plan is the schedule: servicing only (its instalments, the automatic payments the customer chose), no collection pitch.',
      channels: [],
      offers: [],
      humanReview: false,
    },
    dispute_hold: {
      description: 'Debt disputed: collection paused until the debt is verified (compliance review).',
      channels: [],
      offers: [],
      humanReview: true,
    },
    cease_hold: {
      description: 'The customer asked us to stop contacting them: no collection contact.',
      channels: [],
      offers: [],
      humanReview: true,
    },
    excluded: {
      description: 'Deceased or bankrupt: never contacted; handled by the specialist team.',
      channels: [],
      offers: [],
      humanReview: true,
    },
  },
  champion: {
    current: row('monitor', 'monitor', 'monitor', 'early_warning', 'early_warning'),
    dpd_1_30: row('reminder', 'reminder', 'reminder', 'reminder_and_call', 'reminder_and_call'),
    dpd_31_60: row('reminder_and_call', 'reminder_and_call', 'agent_call', 'agent_call', 'agent_call'),
    dpd_61_90: row('agent_call', 'agent_call', 'agent_call', 'hardship_restructure', 'hardship_restructure'),
    dpd_91_180: row(
      'hardship_restructure',
      'hardship_restructure',
      'hardship_restructure',
      'hardship_restructure',
      'hardship_restructure',
    ),
    dpd_180_plus: row(
      'referral_review',
      'referral_review',
      'referral_review',
      'referral_review',
      'referral_review',
    ),
  },
  // The challenger tests whether offering restructuring earlier to high-risk customers cures more of them.
  challengerOverrides: {
    dpd_31_60: { D: 'hardship_restructure', E: 'hardship_restructure' },
    dpd_91_180: { A: 'agent_call' },
  },
};

/** Flags outrank arrears: a hold or exclusion applies whatever the bucket and risk. */
function tierForFlags(flags: AccountFlags): Tier | undefined {
  if (flags.deceased || flags.bankrupt) return 'excluded';
  // A reported fraud is a dispute of the whole debt: paused until the fraud team has verified it.
  if (flags.dispute || flags.fraudReported) return 'dispute_hold';
  if (flags.ceaseRequested) return 'cease_hold';
  // A plan with a payment missed (not caught up) is placed by its arrears again, so a person takes it up.
  const planKept = !flags.planPaymentMissed;
  if (flags.hardshipPlan && planKept) return 'hardship_plan_active';
  // Any other agreed plan is kept to, not re-pitched: re-scoring leaves it in place.
  if (flags.planAgreed && planKept) return 'plan_active';
  if (flags.promiseToPay) return 'promise_pending';
  return undefined;
}

export function tierFor(
  policy: TreatmentPolicy,
  input: { bucket: Bucket; band: RiskBand; flags: AccountFlags; variant: Variant },
): Tier {
  const held = tierForFlags(input.flags);
  if (held) return held;
  const override =
    input.variant === 'challenger' ? policy.challengerOverrides[input.bucket]?.[input.band] : undefined;
  return override ?? policy.champion[input.bucket][input.band];
}

/** FNV-1a: a stable, well-spread hash, so an account keeps its variant across runs and deployments. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function variantFor(policy: TreatmentPolicy, accountId: string): Variant {
  return fnv1a(`${policy.experiment}:${accountId}`) % 100 < policy.challengerPercent
    ? 'challenger'
    : 'champion';
}
