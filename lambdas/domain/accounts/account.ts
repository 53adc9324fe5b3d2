import type {
  Bucket,
  ContactChannel,
  Currency,
  Jurisdiction,
  Language,
  Tier,
  Variant,
} from '../kernel/types';
import type { RiskBand, RiskReason } from '../scoring/risk-model';

export type { Bucket, Currency, Jurisdiction, Language };

/** The account as the domain sees it. Money is always integer minor units of `currency`. */

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
  readonly contactPreferences: ContactPreferences;
}

/** What the customer agreed to or refused; the contact policy reads these at every contact. */
export interface ContactPreferences {
  /** Recorded consent to collection texts: without it, no SMS. */
  readonly smsConsent: boolean;
  readonly refusedChannels: readonly ContactChannel[];
  /** No contact at or through the workplace (agents' calls; the script says so). */
  readonly noWorkplace?: boolean;
  /** Nobody but the customer is to be contacted about the account. */
  readonly noThirdParties?: boolean;
  /** Hours on the customer's own clock (`HH:MM`), narrower than the law's: outreach waits for them. */
  readonly contactHours?: { readonly from?: string; readonly to?: string };
}

export interface AccountFlags {
  readonly dispute: boolean;
  readonly ceaseRequested: boolean;
  readonly hardshipPlan: boolean;
  /** A repayment plan other than a hardship plan was agreed (`repaymentPlan`): it is the schedule. */
  readonly planAgreed?: boolean;
  /** An instalment of the agreed plan was missed and is not caught up: back to a person (payments/plan-standing.ts). */
  readonly planPaymentMissed?: boolean;
  readonly promiseToPay: boolean;
  readonly deceased: boolean;
  readonly bankrupt: boolean;
  /** The customer reported identity theft or unauthorised use: collection stops while the fraud team looks. */
  readonly fraudReported?: boolean;
  /** A lawyer represents the customer on this debt: in the US, no direct contact (12 CFR 1006.6(b)(2)). */
  readonly legalRepresentation?: boolean;
  /** The customer told us of a crisis (health, bereavement, abuse, …): a specialist looks after them. */
  readonly vulnerable?: boolean;
}

/** The last risk score: probability of default with the reasons that raised it. */
export interface RiskAssessment {
  readonly modelVersion: string;
  readonly probabilityOfDefault: number;
  /** Integer points, higher = riskier. */
  readonly score: number;
  readonly band: RiskBand;
  readonly reasons: readonly RiskReason[];
  /** The history could not be scored; a conservative fallback was used. */
  readonly fallback: boolean;
  readonly problems?: readonly string[];
}

export interface TierChange {
  /** Unique per account and run: consumers de-duplicate on it. */
  readonly changeId: string;
  readonly previousTier: Tier | null;
  readonly previousBucket: Bucket | null;
}

/** What the last scoring run decided for the account. */
export interface Treatment {
  readonly bucket: Bucket;
  readonly tier: Tier;
  readonly variant: Variant;
  readonly policyVersion: string;
  /** Everything a re-run compares to decide whether to write: see `assessmentFingerprint`. */
  readonly fingerprint: string;
  readonly assessedAt: string;
  readonly runId: string;
  /** Set when this assessment changed the tier; announced as TreatmentChanged. */
  readonly tierChange?: TierChange;
}

/** A plan the customer accepted: from then on it is the account's repayment schedule. */
export interface RepaymentPlan {
  readonly optionId: string;
  readonly kind: 'pay_in_full' | 'settlement' | 'instalment' | 'hardship';
  readonly totalMinor: number;
  readonly instalments: readonly { readonly dueDate: string; readonly amountMinor: number }[];
  readonly acceptedAt: string;
  readonly conversationId?: string;
}

/**
 * A plan an agent built within the offer policy and offered (offers/agent-plan.ts): the option as the plan
 * calculator writes options, who offered it and when.
 */
export interface AgentOffer {
  readonly option: {
    readonly id: string;
    readonly kind: RepaymentPlan['kind'];
    readonly totalMinor: number;
    readonly discountMinor: number;
    readonly discountPercent: number;
    readonly termMonths: number;
    readonly instalments: readonly { readonly dueDate: string; readonly amountMinor: number }[];
    readonly firstDueDate: string;
    readonly monthlyAmountMinor: number;
    readonly affordable?: boolean;
  };
  readonly policyVersion: string;
  readonly madeBy: string;
  readonly madeAt: string;
}

export interface PromiseToPay {
  readonly amountMinor: number;
  readonly dueDate: string;
  readonly recordedAt: string;
  /** Who took it: the portal assistant, or an agent on a call. */
  readonly source: string;
}

/** Why a person should look at the account, until an agent picks it up. */
export interface Escalation {
  /** A key of accounts/escalations.ts (what the agent reads, how urgent, which team). */
  readonly reason: string;
  readonly at: string;
  readonly conversationId?: string;
  /** Stored with it, so that a less urgent escalation does not replace it (escalations.ts). */
  readonly urgency?: number;
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
  readonly risk?: RiskAssessment;
  readonly treatment?: Treatment;
  readonly repaymentPlan?: RepaymentPlan;
  readonly promise?: PromiseToPay;
  /** The customer's own declared budget (hardship registration): each figure when stated. */
  readonly affordability?: {
    readonly monthlyIncomeMinor?: number;
    readonly monthlyExpensesMinor?: number;
    readonly affordableMinor?: number;
  };
  readonly escalation?: Escalation;
  /** A plan an agent built and offered: one more option until the customer agrees a plan or it lapses. */
  readonly agentOffer?: AgentOffer;
  readonly openedAt: string;
  readonly updatedAt: string;
}
