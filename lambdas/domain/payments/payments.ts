/**
 * Real-time debit after a missed payment: the records (mandates, tracked instalments, debit attempts) and the
 * ports that keep and move them. Money is always integer minor units of the account's currency.
 *
 * The life of a debit: an instalment falls due and is tracked; unpaid at its due date plus the product's
 * grace, it is missed (`PaymentMissed`); with an active mandate and no hold, a debit attempt is scheduled a
 * few business days out and a pre-debit notice goes through the outbox and the gate; at the scheduled time
 * the attempt is executed once through the payment gateway (idempotency key per attempt); the result
 * (`DebitSucceeded` / `DebitFailed`) updates the account and goes back to collections.
 */
import type { Currency } from '../accounts/account';
import type { SpecialistHold } from '../accounts/holds';
import type { SessionVerification } from '../auth/session-token';

// ---------------------------------------------------------------------------------------------------------
// Mandates
// ---------------------------------------------------------------------------------------------------------

export type MandateStatus = 'active' | 'revoked';

/** The customer's authorisation to debit their bank account, exactly as they gave it. */
export interface Mandate {
  readonly accountId: string;
  readonly mandateId: string;
  readonly status: MandateStatus;
  /** The customer's own bank account the debits are taken from. */
  readonly debtorAccount: string;
  readonly currency: Currency;
  /** No single debit is larger than this. */
  readonly maxAmountMinor: number;
  /** Whether a debit may take part of what is due (what is available above the protected minimum). */
  readonly partialAllowed: boolean;
  /** The authorisation text as shown to the customer and accepted, word for word. */
  readonly authorisationText: string;
  readonly termsVersion: string;
  readonly authorisedAt: string;
  /** Where it was given: the portal, or an agent on a recorded call. */
  readonly channel: 'portal' | 'agent';
  /** For the portal: how the customer's session was verified when they gave it. */
  readonly verification?: SessionVerification;
  /** The customer also chose to have their agreed plan's instalments collected on their due dates. */
  readonly collectOnDueDate?: boolean;
  readonly revokedAt?: string;
  readonly revokedVia?: 'portal' | 'agent';
}

// ---------------------------------------------------------------------------------------------------------
// Instalments
// ---------------------------------------------------------------------------------------------------------

/** Where an instalment comes from: an accepted repayment plan, or the regular statement's minimum due. */
export type InstalmentSource = 'plan' | 'statement';

/**
 * due → missed (unpaid at due date + grace) → paid; `superseded` when an accepted plan replaces the
 * statement instalments it covers. Partly paid instalments stay `due` or `missed` with `paidMinor` > 0.
 */
export type InstalmentStatus = 'due' | 'missed' | 'paid' | 'superseded';

export interface Instalment {
  readonly accountId: string;
  /** `<source>-<dueDate>`, e.g. `plan-2026-12-05`: one instalment per source and due date. */
  readonly instalmentId: string;
  readonly source: InstalmentSource;
  readonly dueDate: string;
  readonly currency: Currency;
  readonly amountMinor: number;
  readonly paidMinor: number;
  readonly status: InstalmentStatus;
  /** The instant it counts as missed: the end of its due date plus the product's grace days (UTC). */
  readonly missAt: string;
  readonly missedAt?: string;
  readonly paidAt?: string;
  /** Why no debit was scheduled for it (no mandate, a hold, ...), when none was. */
  readonly debitBlockedReasons?: readonly DebitBlockReason[];
  readonly createdAt: string;
}

// ---------------------------------------------------------------------------------------------------------
// Debit attempts
// ---------------------------------------------------------------------------------------------------------

/**
 * scheduled → executing → succeeded | failed | unknown. `unknown` (the gateway timed out) and `executing`
 * past its lease (the worker crashed between the gateway call and the write) are reconciled by asking the
 * gateway for the attempt's idempotency key before anything is sent again. `cancelled`: stopped before it
 * ran (payment received, hold, revocation). `unresolved`: the gateway never gave an answer; a person
 * reconciles it, and it is never re-presented automatically.
 */
export type AttemptState =
  | 'scheduled'
  | 'executing'
  | 'unknown'
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  | 'unresolved';

/** Why a gateway refused a debit. */
export type DebitFailureReason =
  | 'insufficient_funds'
  | 'account_closed'
  | 'account_not_found'
  | 'currency_mismatch'
  | 'rejected';

/** Why a debit was not scheduled, or was stopped before it ran. */
export type DebitBlockReason =
  | 'NO_MANDATE'
  | 'MANDATE_REVOKED'
  | 'CURRENCY_MISMATCH'
  | 'AMOUNT_ABOVE_MANDATE'
  | 'DISPUTE'
  | 'CEASE'
  | 'HARDSHIP_PLAN'
  | SpecialistHold
  | 'ACCOUNT_NOT_FOUND'
  | 'PAID'
  | 'SUPERSEDED'
  /** The customer paid the instalment now themselves: the automatic debit planned for it stood down. */
  | 'PAID_NOW_BY_CUSTOMER'
  /** The pre-debit notice never reached the customer: no notice, no debit. */
  | 'NOTICE_NOT_SENT'
  | 'NOTHING_ABOVE_PROTECTED_MINIMUM';

export interface DebitAttempt {
  readonly accountId: string;
  /** `<instalmentId>#<number>`. */
  readonly attemptId: string;
  readonly instalmentId: string;
  /** 1 for the first presentment, 2.. for re-presentments. */
  readonly number: number;
  /** Sent to the gateway with the debit: the same key never moves money twice. */
  readonly idempotencyKey: string;
  readonly mandateId: string;
  readonly debtorAccount: string;
  readonly currency: Currency;
  /** What the notice announced: the most this attempt may take. */
  readonly plannedMinor: number;
  readonly debitAt: string;
  /** The debit's date on the customer's own calendar: what the notices say. */
  readonly debitDate: string;
  /** The last day the customer must stop it by under the jurisdiction's rule; later stops are honoured too. */
  readonly stopBy: string;
  readonly state: AttemptState;
  /** Who asked: `monitor` after a missed payment, `customer` in the portal, `agent:<id>` in the console. */
  readonly requestedBy: string;
  /** A re-presentment after the bank refused the previous attempt (not after a cancelled one). */
  readonly afterRefusal?: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** What was sent to the gateway (may be less than planned: a partial sweep). */
  readonly amountMinor?: number;
  readonly leaseId?: string;
  readonly leaseUntil?: string;
  /** Times the gateway was asked about this attempt after a timeout or a crash. */
  readonly reconciliations: number;
  readonly gatewayDebitId?: string;
  readonly failureReason?: DebitFailureReason;
  readonly cancelledReasons?: readonly DebitBlockReason[];
  readonly finishedAt?: string;
}

// ---------------------------------------------------------------------------------------------------------
// Ports
// ---------------------------------------------------------------------------------------------------------

export interface DebitRequest {
  readonly idempotencyKey: string;
  readonly debtorAccount: string;
  readonly amountMinor: number;
  readonly currency: Currency;
  /** Shown on the customer's bank statement. */
  readonly reference: string;
}

export type GatewayOutcome =
  | {
      readonly status: 'succeeded';
      readonly debitId: string;
      readonly amountMinor: number;
      readonly bookedAt: string;
    }
  | { readonly status: 'failed'; readonly reason: DebitFailureReason; readonly debitId?: string }
  /** Timed out or the connection dropped: the debit may or may not have been booked. */
  | { readonly status: 'unknown'; readonly detail: string };

export interface AccountBalance {
  readonly status: 'open' | 'closed' | 'not_found';
  readonly availableMinor: number;
  readonly currency: Currency;
}

/** The bank's core system, as the debit flow needs it. */
export interface PaymentGateway {
  /** What the customer's bank account holds now; `unknown` when the bank did not answer. */
  balance(
    debtorAccount: string,
  ): Promise<AccountBalance | { readonly status: 'unknown'; readonly detail: string }>;
  /** Books the debit once per idempotency key: a repeat returns the first outcome and moves no money. */
  debit(request: DebitRequest): Promise<GatewayOutcome>;
  /** The outcome booked under an idempotency key, or `not_found` when the bank never received it. */
  lookup(idempotencyKey: string): Promise<GatewayOutcome | { readonly status: 'not_found' }>;
}

/** Runs an attempt at its time: EventBridge Scheduler one-off schedules in AWS, the local scheduler here. */
export interface DebitScheduler {
  /** Idempotent per attempt: asking twice leaves one schedule. */
  scheduleAttempt(attempt: Pick<DebitAttempt, 'accountId' | 'attemptId' | 'debitAt'>): Promise<void>;
}

/** What a scheduled run of an attempt carries (the Scheduler target's input). */
export interface AttemptKey {
  readonly accountId: string;
  readonly attemptId: string;
}
