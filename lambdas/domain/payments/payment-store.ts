/**
 * Where mandates, instalments and debit attempts are kept. Every state change is a conditional write, so a
 * duplicate event, a second worker or a retry after a crash finds the record already moved and does nothing.
 */
import type { DebitAttempt, DebitBlockReason, DebitFailureReason, Instalment, Mandate } from './payments';

export interface InstalmentKey {
  readonly accountId: string;
  readonly instalmentId: string;
}

export interface AttemptRef {
  readonly accountId: string;
  readonly attemptId: string;
}

/** A payment as it lands on the account: one marker per payment id, so it is applied once. */
export interface PaymentApplication {
  readonly accountId: string;
  readonly paymentId: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly receivedAt: string;
  readonly via: 'debit' | 'external';
  /** What each instalment had paid before and has paid after, oldest first (conditions on the before). */
  readonly allocations: readonly {
    readonly instalment: Instalment;
    readonly paidMinor: number;
    readonly status: Instalment['status'];
  }[];
  /** The account's figures before and after (the write is conditional on the before). */
  readonly account: {
    readonly before: { readonly balanceMinor: number; readonly amountOverdueMinor: number };
    readonly after: {
      readonly balanceMinor: number;
      readonly amountOverdueMinor: number;
      readonly minimumDueMinor: number;
      /** true: the arrears are cleared, so the account has no oldest unpaid due date any more. */
      readonly cured: boolean;
      /** true: a pending promise to pay is kept by this payment (or the arrears are cleared). */
      readonly promiseKept: boolean;
    };
  };
}

/** Work waiting for its time in the sparse index: instalments to check, attempts to run, settle or announce. */
export interface DueWork {
  readonly instalments: readonly InstalmentKey[];
  readonly attempts: readonly AttemptRef[];
}

export type ApplyResult = 'applied' | 'duplicate' | 'conflict';

export interface PaymentStore {
  // Mandates
  /** Stores an active mandate; false when the account already has one. */
  createMandate(mandate: Mandate): Promise<boolean>;
  /** The active mandate, else the most recent one (revoked), else undefined. */
  currentMandate(accountId: string): Promise<Mandate | undefined>;
  /** active → revoked; false when it was not active. */
  revokeMandate(accountId: string, mandateId: string, at: string, via: 'portal' | 'agent'): Promise<boolean>;

  // Instalments
  /** Starts tracking; false when it was already tracked (left as it is). */
  trackInstalment(instalment: Instalment): Promise<boolean>;
  getInstalment(key: InstalmentKey): Promise<Instalment | undefined>;
  listInstalments(accountId: string): Promise<Instalment[]>;
  /** due → missed, kept in the work index until `announced` confirms PaymentMissed went out. */
  markMissed(key: InstalmentKey, at: string, announceBy: string): Promise<boolean>;
  /** Takes the instalment out of the work index once its PaymentMissed was published. */
  markMissedAnnounced(key: InstalmentKey): Promise<void>;
  /** Records why no debit was planned for it. */
  recordDebitBlocked(key: InstalmentKey, reasons: readonly DebitBlockReason[]): Promise<void>;
  /** due/missed → superseded (an accepted plan replaced it); false when it had moved on. */
  supersede(key: InstalmentKey, at: string): Promise<boolean>;

  // Attempts
  /**
   * Creates a scheduled attempt and makes it the instalment's open attempt, in one write; false when the
   * attempt exists or the instalment already has an open attempt (or is paid).
   */
  createAttempt(attempt: DebitAttempt): Promise<boolean>;
  getAttempt(ref: AttemptRef): Promise<DebitAttempt | undefined>;
  listAttempts(accountId: string): Promise<DebitAttempt[]>;
  /**
   * Takes the attempt for one run: a scheduled attempt whose time has come, or an executing / unknown one
   * whose lease or reconciliation time has passed. Returns it as claimed, or undefined when it is not
   * claimable (someone else holds it, it finished, it is not due).
   */
  claimAttempt(
    ref: AttemptRef,
    now: string,
    leaseId: string,
    leaseUntil: string,
  ): Promise<DebitAttempt | undefined>;
  /** Fixes the amount before the gateway is called: a re-send after a crash must send the same body. */
  recordAmount(ref: AttemptRef, leaseId: string, amountMinor: number): Promise<boolean>;
  /** executing → scheduled again at `debitAt` (the bank could not tell us the balance). */
  release(ref: AttemptRef, leaseId: string, debitAt: string): Promise<boolean>;
  /** executing → unknown, to be reconciled at `reconcileAt`. */
  recordUnknown(ref: AttemptRef, leaseId: string, reconcileAt: string): Promise<boolean>;
  /** executing → unresolved: the bank never answered; a person reconciles it. Announced like a result. */
  recordUnresolved(ref: AttemptRef, leaseId: string, at: string, announceBy: string): Promise<boolean>;
  /** executing → failed, the instalment's open attempt cleared; announced by `announceBy`. */
  recordFailed(
    ref: AttemptRef,
    leaseId: string,
    reason: DebitFailureReason,
    at: string,
    announceBy: string,
  ): Promise<boolean>;
  /**
   * executing → succeeded together with the payment applied (instalment and account), in one transaction.
   * `conflict`: the instalment or account moved meanwhile (read again and retry); false-y `duplicate` when
   * the lease was lost.
   */
  recordSucceeded(
    ref: AttemptRef,
    leaseId: string,
    outcome: { gatewayDebitId: string; amountMinor: number; at: string; announceBy: string },
    payment: PaymentApplication,
  ): Promise<ApplyResult | 'lost_lease'>;
  /**
   * scheduled (or executing under `leaseId`, before anything was sent) → cancelled, the instalment's open
   * attempt cleared; false when it had moved on.
   */
  cancelAttempt(
    ref: AttemptRef,
    reasons: readonly DebitBlockReason[],
    at: string,
    announceBy: string,
    leaseId?: string,
  ): Promise<boolean>;
  /** Takes a finished attempt out of the work index once its result was published. */
  markAnnounced(ref: AttemptRef): Promise<void>;

  // Payments from elsewhere (core banking's feed)
  applyPayment(payment: PaymentApplication): Promise<ApplyResult>;

  /** Work whose time has come, oldest first. */
  dueWork(now: string, limit: number): Promise<DueWork>;
}
