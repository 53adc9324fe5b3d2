/**
 * The words every context shares: where an account is, its money and language, the channels we contact on,
 * how late it is and which treatment it is in. They live here, below accounts, compliance, treatment and
 * offers, so those import the kernel and not each other.
 */
export type Jurisdiction = 'US' | 'CN';
export type Currency = 'USD' | 'CNY';
export type Language = 'en' | 'zh-CN';

/** The channels we contact a customer on (the portal is where they come to us). */
export type ContactChannel = 'call' | 'sms' | 'email';

/** Days past due, as delinquency buckets. */
export type Bucket = 'current' | 'dpd_1_30' | 'dpd_31_60' | 'dpd_61_90' | 'dpd_91_180' | 'dpd_180_plus';

/** The treatment tiers (what each means: treatment/treatment-policy.ts). */
export type Tier =
  | 'monitor'
  | 'early_warning'
  | 'reminder'
  | 'reminder_and_call'
  | 'agent_call'
  | 'hardship_restructure'
  | 'referral_review'
  | 'promise_pending'
  | 'hardship_plan_active'
  | 'plan_active'
  | 'dispute_hold'
  | 'cease_hold'
  | 'excluded';

/** Champion/challenger: which strategy an account is assigned to. */
export type Variant = 'champion' | 'challenger';
