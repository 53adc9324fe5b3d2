/** The account as the domain sees it. Money is always integer minor units of `currency`. */
export type Jurisdiction = 'US' | 'CN';
export type Currency = 'USD' | 'CNY';
export type Language = 'en' | 'zh-CN';

/**
 * One monthly statement. `payStatus` uses the repayment-status coding of the UCI credit data the risk model
 * learns from: -2 no consumption, -1 paid in full, 0 revolving credit used, 1..9 months of payment delay.
 */
export interface StatementMonth {
  /** Statement month, `YYYY-MM`. */
  readonly month: string;
  readonly creditLimitMinor: number;
  readonly statementBalanceMinor: number;
  readonly amountPaidMinor: number;
  readonly payStatus: number;
}

export interface Customer {
  readonly name: string;
  /** `YYYY-MM-DD`; used only to verify identity. */
  readonly dateOfBirth: string;
  readonly phone: string;
  readonly email: string;
  readonly language: Language;
  /** IANA time zone of the customer's residence: contact hours are local to it. */
  readonly timezone: string;
}

export interface AccountFlags {
  readonly dispute: boolean;
  readonly ceaseRequested: boolean;
  readonly hardshipPlan: boolean;
  readonly promiseToPay: boolean;
  readonly deceased: boolean;
  readonly bankrupt: boolean;
}

export type Bucket = 'current' | 'dpd_1_30' | 'dpd_31_60' | 'dpd_61_90' | 'dpd_91_180' | 'dpd_180_plus';
export type Tier = 'monitor' | 'reminder' | 'agent_call' | 'hardship_review' | 'referral_review' | 'excluded';

/** What the last scoring run decided for the account. */
export interface Treatment {
  readonly bucket: Bucket;
  readonly tier: Tier;
  readonly daysPastDue: number;
  readonly assessedAt: string;
  readonly runId: string;
}

export interface Account {
  readonly accountId: string;
  readonly jurisdiction: Jurisdiction;
  readonly currency: Currency;
  readonly product: 'credit_card';
  readonly customer: Customer;
  readonly creditLimitMinor: number;
  readonly balanceMinor: number;
  readonly amountOverdueMinor: number;
  readonly minimumDueMinor: number;
  /** Due date of the oldest instalment still unpaid, `YYYY-MM-DD`; absent when nothing is overdue. */
  readonly oldestUnpaidDueDate?: string;
  readonly nextDueDate: string;
  /** Six statements, latest first. */
  readonly statements: readonly StatementMonth[];
  readonly flags: AccountFlags;
  readonly treatment?: Treatment;
  readonly openedAt: string;
  readonly updatedAt: string;
}
